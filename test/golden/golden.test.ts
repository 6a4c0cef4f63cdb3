/**
 * Golden outputs of the fixture ledgers: what the headless audit (JSON and the supervisor
 * reports) and the pane's Validate (the sheets it writes, on the in-memory Excel) give for each
 * ledger layout we have, recorded in test/golden/out/. A refactor leaves them byte for byte as
 * they were; a change of behaviour shows here as a diff to read and to name in the commit.
 *
 * `UPDATE_GOLDEN=1 npx jest test/golden` rewrites the files (do it only for a change you meant).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromYmd } from "../../src/core/calendar";
import type { Lang } from "../../src/core/errors";
import { isArError } from "../../src/core/errors";
import { auditJsonChunks } from "../../src/core/ledger/audit-json";
import { auditLedger } from "../../src/core/ledger/check";
import { readWorkbookLedger, type SheetInput } from "../../src/core/ledger/workbook";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { buildReports } from "../../src/core/reports";
import { runValidate } from "../../src/excel/validate-run";
import { utcDateToExcelSerial } from "../../src/core/dates";
import { createFakeExcel } from "../../src/preview/fake-excel";
import { runner } from "../helpers/fake-excel";
import { FIXTURE_LEDGERS } from "./fixture-ledgers";

const AS_OF = fromYmd(2011, 8, 31);
const OUT = join(__dirname, "out");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const FIXTURES = FIXTURE_LEDGERS;

/** The headless audit's JSON and its supervisor reports, or the error that stopped it. */
function cliOutput(sheets: SheetInput[], lang: Lang, asOf: number): string {
  try {
    const chosen = readWorkbookLedger(sheets);
    const audit = auditLedger(chosen.ledger, chosen.companions, asOf, DEFAULT_POLICY);
    const json = [...auditJsonChunks(audit, "fixture")].join("");
    const reports = buildReports({ reading: chosen.ledger, audit, companions: chosen.companions, policy: DEFAULT_POLICY, asOf }, lang);
    return `${JSON.stringify({ warnings: chosen.warnings, audit: JSON.parse(json) as unknown, reports }, null, 1)}\n`;
  } catch (e) {
    if (!isArError(e)) throw e;
    return `${JSON.stringify({ error: e.id, message: e.text }, null, 1)}\n`;
  }
}

/** What the pane's Validate writes into the workbook (every sheet but the ledger's own). */
async function paneOutput(sheets: SheetInput[], asOf: number): Promise<string> {
  // range.values as Excel gives them: a date as its serial number, a formula's cell as its result
  // (the file reader gives Date objects and { formula, result }).
  const excelValue = (v: unknown): unknown => (v instanceof Date ? utcDateToExcelSerial(v) : typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v);
  const asExcel = (values: unknown[][]): unknown[][] => values.map((row) => (Array.isArray(row) ? row.map(excelValue) : row));
  const fake = createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, cells: asExcel(s.values as unknown[][]) as never })) });
  let out;
  try {
    out = await runValidate(runner(fake), { source: { kind: "range", sheet: sheets[0].name }, asOf, lang: "zh-CN" });
  } catch (e) {
    if (!isArError(e)) throw e;
    return `${JSON.stringify({ error: e.id, message: e.text }, null, 1)}\n`;
  }
  const input = new Set(sheets.map((s) => s.name));
  const written = fake.workbook
    .toData()
    .sheets.filter((s) => !input.has(s.name))
    .map((s) => ({ name: s.name, values: fake.workbook.getSheet(s.name).values() }));
  const summary = out.kind === "done" ? out.summary : out;
  return `${JSON.stringify({ outcome: out.kind, summary, written }, null, 1)}\n`;
}

function compare(file: string, actual: string): void {
  const path = join(OUT, file);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE && process.env.CI === "true") throw new Error(`golden file ${file} is missing; run UPDATE_GOLDEN=1 npx jest test/golden`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe.each(FIXTURES)("golden: $name", ({ name, sheets, asOf = AS_OF }) => {
  test("headless audit JSON and reports (zh-CN, en-US)", async () => {
    const s = await sheets();
    compare(`${name}.cli.zh-CN.json`, cliOutput(s, "zh-CN", asOf));
    compare(`${name}.cli.en-US.json`, cliOutput(s, "en-US", asOf));
  });
  test("the pane's Validate output sheets", async () => {
    compare(`${name}.pane.json`, await paneOutput(await sheets(), asOf));
  });
  test("the pane and the headless audit give the same totals and findings by rule", async () => {
    const s = await sheets();
    const pane = JSON.parse(await paneOutput(s, asOf)) as { summary?: { totals: { all: unknown }; findings: { rule: string }[] }; error?: string };
    const cli = JSON.parse(cliOutput(s, "zh-CN", asOf)) as { audit?: { totals: { all: unknown }; findings: { rule: string }[] }; error?: string };
    if (cli.audit === undefined) {
      expect(pane.error).toBe(cli.error);
      return;
    }
    expect(pane.summary?.totals.all).toEqual(cli.audit.totals.all);
    const byRule = (findings: readonly { rule: string }[]): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
      return Object.fromEntries(Object.entries(out).sort());
    };
    expect(byRule(pane.summary?.findings ?? [])).toEqual(byRule(cli.audit.findings));
  });
});
