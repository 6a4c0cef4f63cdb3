/**
 * The add-in's sheets are updated in place (issue 15, and item 9 of issue 14). On the in-memory
 * Excel, which now turns references to a deleted sheet into #REF! as Excel does:
 * - a user's formula and a defined name pointing at the results sheet still work after a re-run;
 * - a failure at every round trip, and after every command of every round trip, of a first run
 *   and of a re-run, in both batch modes, leaves each of the add-in's sheets old, new or visibly
 *   marked incomplete, and the ledger and the user's sheets byte-identical; the next normal run
 *   then succeeds and leaves the new output, with the user's formula giving the new value;
 * - the policy sheet is created once and then only read: a run cut off after creating it, by this
 *   version or an older one, does not block the next; an edit on it is never written over.
 */
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { fromYmd } from "../../src/core/calendar";
import { runValidate, type ValidateParams } from "../../src/excel/validate-run";
import { OWNED_SETTING } from "../../src/excel/owned";
import { POLICY_SHEET_SETTING } from "../../src/excel/setup";
import { classify, registryOf, sheetValues } from "./owned-states";
import { serial } from "../helpers/serial-dates";
import { runner } from "../helpers/fake-excel";

const LEDGER = "应收台账";
const RESULTS = "AR检查结果";
const FINDINGS = "AR检查发现";
const POLICY = "AR制度参数";

/** Two open items; the second's balance is what a re-run changes. 1000 + 5000 = 6000 on the total row (G4). */
function ledger(second = 5000): (string | number | null)[][] {
  return [
    ["客户名称", "单据号", "发生日期", "到期日", "应收余额"],
    ["华亿网络", "FP-001", serial(2011, 7, 1), serial(2011, 8, 11), 1000],
    ["军通通信", "FP-002", serial(2010, 7, 1), serial(2010, 8, 1), second],
  ];
}

function workbook(options?: Parameters<typeof createFakeExcel>[1]): FakeExcel {
  return createFakeExcel({ sheets: [{ name: LEDGER, cells: ledger() }, { name: "Mine", cells: [["my notes"]] }] }, options);
}

const params: ValidateParams = { source: { kind: "range", sheet: LEDGER }, asOf: fromYmd(2011, 8, 31), lang: "zh-CN" };
const validate = (fake: FakeExcel) => runValidate(runner(fake), params);

/** The user's sheets as stored (formulas as text, so a reference turned #REF! shows). */
function userSheets(fake: FakeExcel): string {
  return JSON.stringify(fake.workbook.toData().sheets.filter((s) => s.name === LEDGER || s.name === "Mine"));
}

test("a user's formula and a defined name pointing at the results sheet still give the new figures after a re-run", async () => {
  const fake = workbook();
  await validate(fake);
  const results = fake.workbook.getSheet(RESULTS);
  expect(results.cell("G4").value).toBe(6000);
  const mine = fake.workbook.getSheet("Mine");
  mine.setFormula("B1", `='${RESULTS}'!G4*10`);
  await fake.Excel.run(async (context) => {
    context.workbook.names.add("ResultsTotal", context.workbook.worksheets.getItem(RESULTS).getRange("G4"));
    await context.sync();
  });
  expect(mine.cell("B1").value).toBe(60000);

  fake.workbook.getSheet(LEDGER).setValues("E3", [[7000]]);
  const again = await validate(fake);
  expect(again.kind).toBe("done");
  // The same sheet object, rewritten: the reference and the name still point at it.
  expect(fake.workbook.getSheet(RESULTS)).toBe(results);
  expect(results.cell("G4").value).toBe(8000);
  expect(mine.cell("B1").formula).toBe(`='${RESULTS}'!G4*10`);
  expect(mine.cell("B1").value).toBe(80000);
  expect(fake.workbook.names().find((n) => n.name === "ResultsTotal")!.formula).toBe(`=${RESULTS}!$G$4`);
});

test("a re-run clears what the last run left beyond the new output: fewer rows leave no stale rows behind", async () => {
  const fake = workbook();
  await validate(fake);
  fake.workbook.getSheet(LEDGER).setValues("A3", [[null, null, null, null, null]]);
  await validate(fake);
  // Header, one item, the total: nothing of the second item's row.
  expect(sheetValues(fake, RESULTS)!.length).toBe(3);
  expect(fake.workbook.getSheet(RESULTS).usedAddress(false)).toMatch(/^A1:L3$/);
});

describe.each(["partial", "atomic"] as const)("failure mode %s: a failure anywhere, then a normal run", (failureMode) => {
  /** Every round trip, and every command boundary within it, of the run `act` makes on a fresh `arrange`d workbook. */
  async function everyFailurePoint(arrange: () => Promise<FakeExcel>, act: (fake: FakeExcel) => Promise<unknown>): Promise<{ n: number; after: number }[]> {
    const probe = await arrange();
    probe.resetStats();
    await act(probe);
    return probe.stats.requests.flatMap((r, i) => Array.from({ length: r.commands + 1 }, (_, k) => ({ n: i + 1, after: k })));
  }

  async function check(name: string, arrange: () => Promise<FakeExcel>): Promise<void> {
    const probe = await arrange();
    const before = { results: sheetValues(probe, RESULTS), findings: sheetValues(probe, FINDINGS) };
    await validate(probe);
    const after = { results: sheetValues(probe, RESULTS)!, findings: sheetValues(probe, FINDINGS)!, policy: sheetValues(probe, POLICY)!, mine: probe.workbook.getSheet("Mine").cell("B1").value };
    const points = await everyFailurePoint(arrange, validate);
    expect(points.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const { n, after: k } of points) {
      const fake = await arrange();
      const users = userSheets(fake);
      fake.failSync(n, { code: "GeneralException", afterCommands: k });
      const out = await validate(fake).then(
        () => "resolved",
        () => "rejected",
      );
      const at = `${name} round trip ${n} after ${k} commands: `;
      expect(at + out).toBe(`${at}rejected`);
      const states = [classify(fake, RESULTS, before.results, after.results), classify(fake, FINDINGS, before.findings, after.findings)];
      states.forEach((s) => seen.add(s));
      expect(at + states.join(",")).not.toMatch(/broken/);
      expect(at + userSheets(fake)).toBe(at + users);
      // The next normal run succeeds and leaves the new output; the user's sheets are as they were.
      const next = await validate(fake);
      expect(at + next.kind).toBe(`${at}done`);
      expect(at + JSON.stringify([sheetValues(fake, RESULTS), sheetValues(fake, FINDINGS), sheetValues(fake, POLICY)])).toBe(at + JSON.stringify([after.results, after.findings, after.policy]));
      expect(at + userSheets(fake)).toBe(at + users);
      expect(at + String(fake.workbook.getSheet("Mine").cell("B1").value)).toBe(at + String(after.mine));
      expect(at + JSON.stringify(Object.values(registryOf(fake)))).not.toMatch(/incomplete/);
      expect(at + fake.workbook.sheets().filter((s) => s.name.endsWith("~new")).length).toBe(`${at}0`);
    }
    if (failureMode === "partial") expect([...seen].sort()).toEqual(["marked", "new", "old"]);
  }

  test("a first run", async () => {
    await check("first run", async () => {
      const fake = workbook({ failureMode });
      fake.workbook.getSheet("Mine").setFormula("B1", `=SUM('${LEDGER}'!E2:E3)`);
      return fake;
    });
  }, 120_000);

  test("a re-run, with a user formula pointing at the results", async () => {
    await check("re-run", async () => {
      const fake = workbook({ failureMode });
      await validate(fake);
      fake.workbook.getSheet("Mine").setFormula("B1", `='${RESULTS}'!G4*10`);
      fake.workbook.getSheet(LEDGER).setValues("E3", [[7000]]);
      return fake;
    });
  }, 120_000);
});

describe("the policy sheet: created once, then the company's", () => {
  test("an edit on the policy sheet is read by the next run and never written over", async () => {
    const fake = workbook();
    await validate(fake);
    const policy = fake.workbook.getSheet(POLICY);
    const row = policy.values().findIndex((r) => r[0] === "agingClass.normalMaxDays") + 1;
    policy.setValues(`B${row}`, [["10"]]);
    policy.setValues("D1", [["my remark"]]);
    const before = JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === POLICY));
    await validate(fake);
    expect(JSON.stringify(fake.workbook.toData().sheets.find((s) => s.name === POLICY))).toBe(before);
    // 华亿网络 is 20 days past due: overdue once the threshold is 10 days.
    expect(fake.workbook.getSheet(RESULTS).cell("I2").value).toBe("逾期");
  });

  test("an older version's cut-off first run (a policy sheet left without its setting) no longer blocks every run", async () => {
    // What the old final batch left when it failed after adding the sheet: the sheet, empty or
    // with its rows, and no record of it (every later run then failed with ItemAlreadyExists).
    for (const cells of [undefined, [["键", "值"], ["agingClass.normalMaxDays", "10"]]]) {
      const fake = createFakeExcel({ sheets: [{ name: LEDGER, cells: ledger() }, { name: POLICY, ...(cells ? { cells } : {}) }] });
      const out = await validate(fake);
      expect(out.kind).toBe("done");
      expect(fake.workbook.settings.get(POLICY_SHEET_SETTING)).toBe(POLICY);
      const values = fake.workbook.getSheet(POLICY).values();
      if (cells) {
        // Found by its header and kept as it is; its 10-day threshold is in force.
        expect(values).toEqual(cells);
        expect(fake.workbook.getSheet(RESULTS).cell("I2").value).toBe("逾期");
      } else {
        expect(values[0]).toEqual(["键", "值", "依据与说明"]);
        expect(values.length).toBeGreaterThan(20);
      }
    }
  });

  test("a user's own sheet that happens to have the policy sheet's name is left alone; the policy goes beside it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: LEDGER, cells: ledger() }, { name: POLICY, cells: [["我的", "表"]] }] });
    await validate(fake);
    expect(fake.workbook.getSheet(POLICY).values()).toEqual([["我的", "表"]]);
    expect(fake.workbook.settings.get(POLICY_SHEET_SETTING)).toBe(`${POLICY} (2)`);
    expect(fake.workbook.getSheet(`${POLICY} (2)`).values()[0]).toEqual(["键", "值", "依据与说明"]);
  });
});

test("an older version's temporary sheet left by a cut-off run is removed by the next run", async () => {
  const fake = workbook();
  await validate(fake);
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.add(`${RESULTS}~new`);
    await context.sync();
  });
  await validate(fake);
  expect(fake.workbook.sheets().map((s) => s.name)).not.toContain(`${RESULTS}~new`);
  expect(Object.keys(registryOf(fake))).toEqual([RESULTS, FINDINGS, "AR账龄快照"]);
  expect(fake.workbook.settings.get(OWNED_SETTING)).toBeDefined();
});

test("a results sheet someone protected is refused before anything changes, with a message naming it", async () => {
  const fake = workbook();
  await validate(fake);
  fake.workbook.getSheet(RESULTS).protect();
  const before = JSON.stringify(fake.workbook.toData());
  await expect(validate(fake)).rejects.toMatchObject({ code: "AccessDenied", text: { "en-US": expect.stringContaining(`"${RESULTS}" is protected`) } });
  expect(JSON.stringify(fake.workbook.toData())).toBe(before);
});
