/**
 * One model, two writers: the audit's own sheets (src/core/audit-sheets) as the pane writes them
 * and as the headless audit writes them hold the same cells. For each fixture ledger of the
 * goldens (and one with hostile text and a total beyond 15 digits), in both languages:
 * - the pane's path: Validate on the in-memory Excel (its Results and Findings sheets), and the
 *   Totals and Rules specs of that same check through the pane's owned-sheet writer;
 * - the CLI's path: the ledger read and checked as the CLI does, the report .xlsx written by its
 *   writeReport, and read back with exceljs;
 * and every cell of Results, Findings, Totals and Rules compared: text as text, numbers as the
 * same number (money the exact amount's number, or its exact text beyond 15 digits), dates as
 * their Excel serial (exceljs reads a date-formatted number back as a Date). No cell on either
 * side is a formula.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { auditRulesSheet, auditTotalsSheet } from "../../src/core/audit-sheets";
import { fromYmd } from "../../src/core/calendar";
import { isArError, type Lang } from "../../src/core/errors";
import { auditLedger } from "../../src/core/ledger/check";
import { readWorkbookLedger, type SheetInput } from "../../src/core/ledger/workbook";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { writeReport } from "../../src/cli/audit";
import { writeOwnedSheets } from "../../src/excel/owned";
import { runValidate, type ExcelRun } from "../../src/excel/validate-run";
import { auditOwnedSheet } from "../../src/excel/validation-output";
import { createFakeExcel } from "../../src/preview/fake-excel";
import { stringsFor } from "../../src/i18n";
import { FIXTURE_LEDGERS, type FixtureLedger, one } from "../golden/fixture-ledgers";
import { PLAIN_ZH } from "../fixtures/ledgers/plainZh";

const AS_OF = fromYmd(2011, 8, 31);


/** Ledger text that looks like formulas, and two balances whose sum has 16 digits. */
const HOSTILE = [
  ["客户名称", "单据号", "发生日期", "金额", "已收金额", "余额"],
  ['=HYPERLINK("http://x","y")', "@SUM(1)", "2011-08-01", 9999999999999.99, 0, 9999999999999.99],
  ["+86 甲公司", "-1", "2010-03-15", 9999999999999.99, 0, 9999999999999.99],
];

const FIXTURES: readonly FixtureLedger[] = [...FIXTURE_LEDGERS, { name: "hostile-text", sheets: async () => one("台账", HOSTILE) }];

/**
 * The same ledger for both sides, in values the in-memory Excel takes as they are: a JS Date (as
 * exceljs reads one) becomes its Excel serial, a formula cell its cached result. How each reader
 * takes those objects is their own tests' and the goldens' business; here both read one ledger.
 */
function plainInput(sheets: SheetInput[]): SheetInput[] {
  const plain = (v: unknown): unknown => {
    if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
    if (v !== null && typeof v === "object" && "result" in v) return plain((v as { result: unknown }).result);
    return v;
  };
  return sheets.map((s) => ({ ...s, values: s.values.map((row) => (row as unknown[]).map(plain)) }));
}

type Cell = string | number | boolean;
type Grid = Cell[][];
type Which = "results" | "findings" | "totals" | "rules";
const WHICH: Which[] = ["results", "findings", "totals", "rules"];

/** Trailing blanks off each row, and blank rows off the end: both writers leave an empty cell unwritten. */
function trimmed(grid: Grid): Grid {
  const rows = grid.map((row) => {
    const r = [...row];
    while (r.length > 0 && r[r.length - 1] === "") r.pop();
    return r;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** What the pane writes: Validate's Results and Findings, and the same check's Totals and Rules through the owned-sheet writer. */
async function paneSheets(sheets: SheetInput[], lang: Lang, asOf: number): Promise<Record<Which, Grid> | { error: string }> {
  const fake = createFakeExcel({ sheets: sheets.map((s) => ({ name: s.name, cells: s.values as never })) });
  const run = fake.Excel.run as unknown as ExcelRun;
  let out;
  try {
    out = await runValidate(run, { source: { kind: "range", sheet: sheets[0].name }, asOf, lang });
  } catch (e) {
    if (isArError(e)) return { error: e.id };
    throw e;
  }
  if (out.kind !== "done" || out.audit === undefined) throw new Error("the in-process Validate gave no audit");
  const audit = out.audit;
  const names = { results: out.sheets.results, findings: out.sheets.findings, totals: "AR totals", rules: "AR rules" };
  await run(async (context) => writeOwnedSheets(context, [auditOwnedSheet(auditTotalsSheet(audit, lang, names.totals)), auditOwnedSheet(auditRulesSheet(audit, lang, names.rules))]));
  const grids = {} as Record<Which, Grid>;
  for (const which of WHICH) {
    const sheet = fake.workbook.getSheet(names[which]);
    // Never a formula: what the cell holds is what it shows.
    expect(sheet.formulasOf()).toEqual(sheet.values());
    grids[which] = trimmed(sheet.values());
  }
  return grids;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  // The serial of a date: exceljs reads a date-formatted number back as a Date (UTC midnight).
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value === "object") throw new Error(`a cell that is not a plain value: ${JSON.stringify(value)}`);
  return value;
}

/** What the CLI writes: the ledger read and checked as its main() does, the report .xlsx from writeReport, read back. */
async function cliSheets(sheets: SheetInput[], lang: Lang, asOf: number, dir: string): Promise<Record<Which, Grid> | { error: string }> {
  let chosen;
  try {
    chosen = readWorkbookLedger(sheets);
  } catch (e) {
    if (isArError(e)) return { error: e.id };
    throw e;
  }
  const audit = auditLedger(chosen.ledger, chosen.companions, asOf, DEFAULT_POLICY);
  const path = join(dir, `report-${lang}.xlsx`);
  await writeReport(path, audit, lang, { reading: chosen.ledger, audit, companions: chosen.companions, policy: DEFAULT_POLICY, asOf, company: "" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const names = stringsFor(lang).output.reportSheets;
  const grids = {} as Record<Which, Grid>;
  for (const which of WHICH) {
    const ws = wb.getWorksheet(names[which]);
    if (ws === undefined) throw new Error(`no sheet ${names[which]}`);
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        cells[c - 1] = cellOf(cell.value);
      });
      grid[r - 1] = Array.from(cells, (x) => x ?? "");
    });
    grids[which] = trimmed(Array.from(grid, (x) => x ?? []));
  }
  return grids;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "audit-sheets-parity-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FIXTURES)("the audit's sheets, pane and CLI: $name", ({ sheets, asOf = AS_OF }) => {
  test.each(["zh-CN", "en-US"] as Lang[])("%s: Results, Findings, Totals and Rules cell for cell", async (lang) => {
    const input = plainInput(await sheets());
    const pane = await paneSheets(input, lang, asOf);
    const cli = await cliSheets(input, lang, asOf, dir);
    expect(pane).toEqual(cli);
    if ("error" in pane) return;
    // Something was compared: a header, and in Results one row per open item and the total.
    for (const which of WHICH) expect(pane[which].length).toBeGreaterThan(0);
  });
});

test("the hostile ledger's text stays text and its 16-digit total its exact text", async () => {
  const cli = await cliSheets(one("台账", HOSTILE), "en-US", AS_OF, dir);
  if ("error" in cli) throw new Error(cli.error);
  expect(cli.results[1].slice(2, 4)).toEqual(['=HYPERLINK("http://x","y")', "@SUM(1)"]);
  expect(cli.results[2].slice(2, 4)).toEqual(["+86 甲公司", "-1"]);
  expect(cli.results[1][6]).toBe(9999999999999.99);
  const total = cli.results[cli.results.length - 1];
  expect(total[0]).toBe("Total");
  expect(total[6]).toBe("19999999999999.98");
});

test("the CLI's audit sheets print as the pane's: A4 landscape, one page wide, header row repeated, title and as-of on the page", async () => {
  const chosen = readWorkbookLedger(one("台账", HOSTILE));
  const audit = auditLedger(chosen.ledger, chosen.companions, AS_OF, DEFAULT_POLICY);
  const path = join(dir, "print.xlsx");
  await writeReport(path, audit, "zh-CN", { reading: chosen.ledger, audit, companions: chosen.companions, policy: DEFAULT_POLICY, asOf: AS_OF, company: "" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const o = stringsFor("zh-CN").output;
  for (const [name, title] of [
    [o.reportSheets.results, o.resultsTitle],
    [o.reportSheets.findings, o.findingsTitle],
    [o.reportSheets.totals, o.totalsTitle],
    [o.reportSheets.rules, o.rulesTitle],
  ]) {
    const ws = wb.getWorksheet(name)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    expect(ws.headerFooter).toMatchObject({ oddHeader: `&C&B${title}&B`, oddFooter: "&L基准日：2011年8月31日　台账：台账&R第 &P 页，共 &N 页" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  }
});

test("and they look the same: font, fill, alignment, wrapping, borders, number formats, cell for cell", async () => {
  const input = plainInput(one("应收账款台账", PLAIN_ZH));
  const lang: Lang = "zh-CN";
  const fake = createFakeExcel({ sheets: input.map((x) => ({ name: x.name, cells: x.values as never })) });
  const run = fake.Excel.run as unknown as ExcelRun;
  const out = await runValidate(run, { source: { kind: "range", sheet: input[0].name }, asOf: AS_OF, lang });
  if (out.kind !== "done" || out.audit === undefined) throw new Error("no audit");
  const audit = out.audit;
  await run(async (context) => writeOwnedSheets(context, [auditOwnedSheet(auditTotalsSheet(audit, lang, "AR totals")), auditOwnedSheet(auditRulesSheet(audit, lang, "AR rules"))]));
  const path = join(dir, "looks.xlsx");
  const chosen = readWorkbookLedger(input);
  const cliAudit = auditLedger(chosen.ledger, chosen.companions, AS_OF, DEFAULT_POLICY);
  await writeReport(path, cliAudit, lang, { reading: chosen.ledger, audit: cliAudit, companions: chosen.companions, policy: DEFAULT_POLICY, asOf: AS_OF, company: "" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const names = stringsFor(lang).output.reportSheets;
  const pairs: [string, string][] = [
    [out.sheets.results, names.results],
    [out.sheets.findings, names.findings],
    ["AR totals", names.totals],
    ["AR rules", names.rules],
  ];
  for (const [paneName, cliName] of pairs) {
    const sheet = fake.workbook.getSheet(paneName);
    const ws = wb.getWorksheet(cliName)!;
    const grid = sheet.values();
    expect(sheet.frozen).toEqual({ rows: 1, columns: 0 });
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < grid[r].length; c++) {
        const x = ws.getCell(r + 1, c + 1);
        if (x.value === null && grid[r][c] === "") continue;
        const where = `${cliName}!${String.fromCharCode(65 + c)}${r + 1}`;
        const look = sheet.style(r, c);
        expect([where, look["font.bold"], look["font.italic"], look["font.size"], look["font.name"]]).toEqual([where, Boolean(x.font?.bold), Boolean(x.font?.italic), x.font?.size, x.font?.name]);
        expect([where, look["fill.color"]]).toEqual([where, (x.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === undefined ? "#FFFFFF" : `#${(x.fill as ExcelJS.FillPattern).fgColor!.argb!.slice(2)}`]);
        expect([where, String(look.horizontalAlignment).toLowerCase()]).toEqual([where, x.alignment?.horizontal]);
        expect([where, look.wrapText]).toEqual([where, Boolean(x.alignment?.wrapText)]);
        expect([where, look["border.EdgeTop.style"] === "Continuous"]).toEqual([where, x.border?.top?.style === "thin"]);
        // A whole number: "0" in the pane's table form, "#,##0" in the spec's formats (a row number reads 100000, not 100,000).
        const format = sheet.cell(r, c).numberFormat;
        expect([where, format === "0" ? "#,##0" : format]).toEqual([where, x.numFmt]);
      }
    }
  }
});
