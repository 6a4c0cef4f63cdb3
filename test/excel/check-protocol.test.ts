/**
 * The check's data crossing to the worker and back in slices: a ledger of 12,345 rows goes over as
 * three slices of at most SLICE_ROWS rows and comes back whole and in order; the worker sends the
 * next output slice only when the UI has acknowledged the last; an error in the worker comes back
 * as its id and bilingual text.
 */
import { fromYmd } from "../../src/core/calendar";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { runCheck, type CheckInput } from "../../src/excel/check";
import { SLICE_ROWS } from "../../src/excel/check-protocol";
import { channelChecker, type ChannelLog } from "./worker-channel";

const ROWS = 12_345;

function input(rows = ROWS): CheckInput {
  const values: unknown[][] = [["客户名称", "单据号", "发生日期", "信用期(天)", "金额", "已收金额", "余额"]];
  for (let i = 0; i < rows; i++) values.push([`客户${i % 37}`, `FP-${i}`, 40000 + (i % 700), 30, 1000 + i, i % 3 === 0 ? 1000 + i : 0, i % 3 === 0 ? 0 : 1000 + i]);
  return {
    block: { sheet: "台账", address: `A1:G${values.length}`, rowIndex: 0, columnIndex: 0, values },
    companions: [],
    asOf: fromYmd(2011, 8, 31),
    policy: DEFAULT_POLICY,
    lang: "zh-CN",
    names: { results: "AR检查结果", findings: "AR检查发现" },
  };
}

test("the ledger goes over in slices and the output comes back whole, in order, one acknowledged slice at a time", async () => {
  const log: ChannelLog = { toWorker: [], fromWorker: [], maxUnacknowledged: 0 };
  const viaChannel = await channelChecker(log)(input());
  const direct = await runCheck(input());
  // 12,346 rows with the header: ⌈12,346 / 5,000⌉ = 3 slices, then "run".
  expect(SLICE_ROWS).toBe(5000);
  expect(log.toWorker.filter((t) => t === "rows")).toHaveLength(3);
  expect(log.toWorker[3]).toBe("run");
  expect(viaChannel.results.rows).toEqual(direct.results.rows);
  expect(viaChannel.findings.rows).toEqual(direct.findings.rows);
  expect(viaChannel.summary.totals).toEqual(direct.summary.totals);
  expect(viaChannel.results.fingerprint).toBe(direct.results.fingerprint);
  const outputSlices = Math.ceil(direct.results.rows.length / SLICE_ROWS) + Math.ceil(direct.findings.rows.length / SLICE_ROWS);
  expect(log.fromWorker.filter((t) => t === "rows")).toHaveLength(outputSlices);
  expect(log.fromWorker[log.fromWorker.length - 1]).toBe("done");
  expect(log.maxUnacknowledged).toBe(1);
  expect(log.toWorker.filter((t) => t === "ack")).toHaveLength(outputSlices);
});

test("an error in the worker comes back as the core's id and bilingual text", async () => {
  const bad = input(3);
  bad.block = { ...bad.block, values: [["nothing", "here"], [1, 2]] };
  await expect(channelChecker()(bad)).rejects.toMatchObject({ id: expect.any(String), text: { "zh-CN": expect.any(String), "en-US": expect.any(String) } });
});
