/**
 * A user typing in a cell while a run is under way (the pane hands control back between chunks,
 * so it happens): with `delayForCellEdit` the run waits and finishes; without it (a host without
 * the option) the batch fails with InvalidOperationInCellEditMode, which the pane words plainly,
 * the add-in's sheets are left old or marked incomplete (never a stray "…~new" sheet), and the
 * next run completes them.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { fromYmd } from "../../src/core/calendar";
import { runValidate, type ValidateParams } from "../../src/excel/validate-run";
import { toGatewayError } from "../../src/excel/errors";
import { excelRunner, type Requirements } from "../../src/excel/run";
import { classify, sheetValues } from "./owned-states";
import { serial } from "../helpers/serial-dates";
import { runner } from "../helpers/fake-excel";

const LEDGER = "应收台账";
const RESULTS = "AR检查结果";

function workbook(): FakeExcel {
  const rows: (string | number)[][] = [["客户名称", "单据号", "发生日期", "到期日", "应收余额"]];
  for (let i = 0; i < 400; i++) rows.push([`客户${i}`, `FP-${i}`, serial(2011, 7, 1), serial(2011, 8, 11), 1000 + i]);
  return createFakeExcel({ sheets: [{ name: LEDGER, cells: rows }] });
}

const all: Requirements = { isSetSupported: () => true };
const params = (onWrite: () => void): ValidateParams => ({
  source: { kind: "range", sheet: LEDGER },
  asOf: fromYmd(2011, 8, 31),
  lang: "zh-CN",
  // Small writes, so the run writes in several chunks and the edit starts in the middle of them.
  maxRequestBytes: 8_000,
  onProgress: (p) => {
    if (p.phase === "write" && p.done > 0) onWrite();
  },
});

test("the real code (InvalidOperationInCellEditMode) is worded in both languages, telling the user what to press", () => {
  const e = toGatewayError({ code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." });
  expect(e.code).toBe("InvalidOperationInCellEditMode");
  expect(e.text["en-US"]).toMatch(/cell is being edited.*Enter/);
  expect(e.text["zh-CN"]).toMatch(/单元格编辑.*Enter/);
});

test("with delayForCellEdit a run that meets the user editing a cell waits for the edit to end, then finishes", async () => {
  const fake = workbook();
  let started = false;
  const out = await runValidate(
    excelRunner(fake.Excel, all),
    params(() => {
      if (started) return;
      started = true;
      fake.startCellEdit();
      setTimeout(() => fake.endCellEdit(), 20);
    }),
  );
  expect(started).toBe(true);
  expect(out.kind).toBe("done");
  expect(fake.workbook.getSheet(RESULTS).cell("C401").value).toBe("客户399");
  expect(fake.stats.requests.some((r) => r.error !== undefined)).toBe(false);
});

test("without it the run fails with the cell-edit code, leaves no …~new sheet and nothing broken, and the next run completes the sheets", async () => {
  const probe = workbook();
  await runValidate(runner(probe), params(() => undefined));
  const finished = sheetValues(probe, RESULTS)!;

  const fake = workbook();
  const error = await runValidate(runner(fake), params(() => fake.startCellEdit())).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: "InvalidOperationInCellEditMode" });
  expect(fake.workbook.sheets().map((s) => s.name).filter((n) => n.endsWith("~new"))).toEqual([]);
  expect(classify(fake, RESULTS, null, finished)).toMatch(/^(old|marked)$/);
  fake.endCellEdit();
  const again = await runValidate(runner(fake), params(() => undefined));
  expect(again.kind).toBe("done");
  expect(sheetValues(fake, RESULTS)).toEqual(finished);
});

test("excelRunner asks for delayForCellEdit always, and for one undo group per run only where ExcelApi 1.20 is there", async () => {
  const seen: unknown[] = [];
  const excel = { run: (options: unknown, batch: (c: unknown) => Promise<unknown>) => (seen.push(options), batch({})) };
  await excelRunner(excel, { isSetSupported: (name, v) => name === "ExcelApi" && v === "1.9" })(async () => 1);
  await excelRunner(excel, all)(async () => 1);
  expect(seen).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
});

test("UndoNotSupported in an undo-group run: the run is done again without the group, once; other errors are passed on", async () => {
  const seen: unknown[] = [];
  let calls = 0;
  const excel = {
    run: async (options: unknown, batch: (c: unknown) => Promise<unknown>) => {
      seen.push(options);
      calls += 1;
      if (calls === 1) throw Object.assign(new Error("This operation cannot be undone as part of a group."), { code: "UndoNotSupported" });
      return batch({});
    },
  };
  await expect(excelRunner(excel, all)(async () => "written")).resolves.toBe("written");
  expect(seen).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }, { delayForCellEdit: true }]);

  const failing = { run: async () => Promise.reject(Object.assign(new Error("boom"), { code: "GeneralException" })) };
  await expect(excelRunner(failing, all)(async () => 1)).rejects.toMatchObject({ code: "GeneralException" });
  const twice = { run: async () => Promise.reject(Object.assign(new Error("no undo"), { code: "UndoNotSupported" })) };
  await expect(excelRunner(twice, all)(async () => 1)).rejects.toMatchObject({ code: "UndoNotSupported" });
  expect(toGatewayError(Object.assign(new Error("no undo"), { code: "UndoNotSupported" })).text["zh-CN"]).toContain("撤消");
});

test("UndoNotSupported with the pane's question: 'stop' ends the run as cancelled without running it again; 'go on' runs it outside the group", async () => {
  const notGroupable = () => {
    const seen: unknown[] = [];
    const excel = {
      run: async (options: unknown, batch: (c: unknown) => Promise<unknown>) => {
        seen.push(options);
        if ((options as { mergeUndoGroup?: boolean }).mergeUndoGroup) throw Object.assign(new Error("no undo"), { code: "UndoNotSupported" });
        return batch({});
      },
    };
    return { excel, seen };
  };
  const asked: string[] = [];
  const stop = notGroupable();
  await expect(excelRunner(stop.excel, all, async () => (asked.push("stop"), false))(async () => "written")).rejects.toMatchObject({ code: "Cancelled" });
  expect(stop.seen).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
  const go = notGroupable();
  await expect(excelRunner(go.excel, all, async () => (asked.push("go"), true))(async () => "written")).resolves.toBe("written");
  expect(go.seen).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }, { delayForCellEdit: true }]);
  expect(asked).toEqual(["stop", "go"]);
  // A run that groups fine never asks.
  let questions = 0;
  const fine = { run: async (_: unknown, batch: (c: unknown) => Promise<unknown>) => batch({}) };
  await excelRunner(fine, all, async () => (questions++, true))(async () => 1);
  expect(questions).toBe(0);
});
