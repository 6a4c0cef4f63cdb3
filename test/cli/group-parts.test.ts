/**
 * The group run's parts, in process: which files a command line names (folders, patterns), which
 * branch a workbook is (--entity-from), one branch staged as a worker stages it (money to the
 * fen, fractions of a fen kept exactly beside), and the progress line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { auditBranch, stagingPath } from "../../src/cli/group/branch";
import { entityOf, parseEntityFrom } from "../../src/cli/group/entity";
import { expandPattern, groupInputs, namesAGroup } from "../../src/cli/group/inputs";
import { clock, GroupProgress } from "../../src/cli/group/progress";
import { fromYmd } from "../../src/core/calendar";
import { isArError } from "../../src/core/errors";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { rejection, thrown } from "../helpers/errors";
import { LEDGER_HEADER } from "./helpers/branch-ledgers";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "group-parts-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(...parts: string[]): string {
  const path = join(dir, ...parts);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "x");
  return path;
}

describe("the workbooks a command line names", () => {
  beforeAll(() => {
    for (const f of ["b/北区.xlsx", "b/a.csv", "b/c.XLSX", "b/notes.txt", "b/.hidden.xlsx", "b/~$a.xlsx", "b/sub/d.xlsx", "b/sub/deep/e.xlsx", "b/sub/f.csv"]) touch(f);
  });

  it("a folder gives its workbooks by name, not its other files nor its subfolders", () => {
    expect(groupInputs([join(dir, "b")]).map((i) => i.path)).toEqual([join(dir, "b", "a.csv"), join(dir, "b", "c.XLSX"), join(dir, "b", "北区.xlsx")]);
  });

  it("patterns: * and ? in a name, [..] classes, ** for any depth; hidden and lock files left out", () => {
    expect(expandPattern(join(dir, "b", "*.xlsx"))).toEqual([join(dir, "b", "北区.xlsx")]);
    expect(expandPattern(join(dir, "b", "?.*"))).toEqual([join(dir, "b", "a.csv"), join(dir, "b", "c.XLSX")]);
    expect(expandPattern(join(dir, "b", "[ab].csv"))).toEqual([join(dir, "b", "a.csv")]);
    expect(expandPattern(join(dir, "b", "**", "*.xlsx"))).toEqual([join(dir, "b", "sub", "d.xlsx"), join(dir, "b", "sub", "deep", "e.xlsx"), join(dir, "b", "北区.xlsx")]);
    expect(expandPattern(join(dir, "b", "s*", "*.csv"))).toEqual([join(dir, "b", "sub", "f.csv")]);
  });

  it("each workbook once, in the order named; a missing file is kept (it fails with its reason), a pattern matching nothing is marked", () => {
    const inputs = groupInputs([join(dir, "b", "a.csv"), join(dir, "b"), join(dir, "b", "*.nothing"), join(dir, "missing.xlsx")]);
    expect(inputs).toEqual([
      { path: join(dir, "b", "a.csv") },
      { path: join(dir, "b", "c.XLSX") },
      { path: join(dir, "b", "北区.xlsx") },
      { path: join(dir, "b", "*.nothing"), unmatchedPattern: true },
      { path: join(dir, "missing.xlsx") },
    ]);
  });

  it("a group is several names, a folder or a pattern; one file is the single-ledger audit", () => {
    expect(namesAGroup([join(dir, "b", "a.csv")])).toBe(false);
    expect(namesAGroup([join(dir, "b")])).toBe(true);
    expect(namesAGroup([join(dir, "b", "*.csv")])).toBe(true);
    expect(namesAGroup([join(dir, "b", "a.csv"), join(dir, "b", "c.XLSX")])).toBe(true);
  });
});

describe("--entity-from", () => {
  it("reads filename, sheet, cell:B2 and cell:Sheet!B2; refuses anything else in both languages", () => {
    expect(parseEntityFrom("filename")).toEqual({ kind: "filename" });
    expect(parseEntityFrom("sheet")).toEqual({ kind: "sheet" });
    expect(parseEntityFrom("cell:b2")).toEqual({ kind: "cell", sheet: null, row: 2, column: 2, address: "B2" });
    expect(parseEntityFrom("cell:'封面 页'!$C$1")).toEqual({ kind: "cell", sheet: "封面 页", row: 1, column: 3, address: "C1" });
    for (const bad of ["file", "cell:", "cell:B0", "cell:XFE1", "cell:A1048577"]) {
      let error: unknown;
      try {
        parseEntityFrom(bad);
      } catch (e) {
        error = e;
      }
      expect(isArError(error) && error.id === "cli.usage" && /--entity-from/.test(error.text["zh-CN"]) && /--entity-from/.test(error.text["en-US"])).toBe(true);
    }
  });

  it("names the branch by the file, the ledger sheet or a cell; an empty cell is the branch's failure", () => {
    const sheets = [{ name: "封面", values: [["单位", "遂宁分公司 "]] }, { name: "台账", values: [[]] }];
    expect(entityOf(parseEntityFrom("filename"), "/x/遂宁分公司.xlsx", "台账", sheets)).toBe("遂宁分公司");
    expect(entityOf(parseEntityFrom("sheet"), "/x/a.xlsx", "台账", sheets)).toBe("台账");
    expect(entityOf(parseEntityFrom("cell:封面!B1"), "/x/a.xlsx", "台账", sheets)).toBe("遂宁分公司");
    const empty = thrown(() => entityOf(parseEntityFrom("cell:B1"), "/x/a.xlsx", "台账", sheets));
    expect(empty.id).toBe("group.entity-missing");
    expect(empty.message).toMatch(/台账!B1, is empty/);
    const noSheet = thrown(() => entityOf(parseEntityFrom("cell:无此表!B1"), "/x/a.xlsx", "台账", sheets));
    expect(noSheet.id).toBe("group.entity-missing");
    expect(noSheet.message).toMatch(/no sheet "无此表"/);
  });
});

describe("one branch, staged", () => {
  let staging: string;
  let workbook: string;
  beforeAll(async () => {
    staging = join(dir, "staging");
    for (const t of ["items", "findings", "totals"]) mkdirSync(join(staging, t), { recursive: true });
    workbook = join(dir, "branch.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("应收账款台账");
    ws.addRow(["单位：元", "遂宁分公司"]);
    ws.addRow(LEDGER_HEADER);
    // 2011-06-30 and 2009-06-30 as Excel serials; a balance with a fraction of a fen, and the limit amount.
    ws.addRow([1, "甲公司", "FP-1", 40724, 30, 1234.567, 0, 1234.567, "", "张伟"]);
    ws.addRow([2, "乙公司", "FP-2", 39994, 30, 9999999999999.99, 0, 9999999999999.99, "", "张伟"]);
    ws.addRow([3, "丙公司", "FP-3", 40724, 30, 100, 0, 100, "", "张伟"]);
    await wb.xlsx.writeFile(workbook);
  });

  it("writes items with the limit amount exact, a fraction of a fen rounded half-up with the value as read beside it, and totals of what it wrote", async () => {
    const done = await auditBranch({ index: 7, source: workbook }, { asOf: fromYmd(2011, 8, 31), entityFrom: parseEntityFrom("cell:B1"), stagingDir: staging }, DEFAULT_POLICY);
    expect(done).toMatchObject({ index: 7, entity: "遂宁分公司", sheet: "应收账款台账", items: 3, subFen: 1, balance: "10000000001334.557" });
    const items = readFileSync(stagingPath(staging, "items", 7), "utf8").trim().split("\n");
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^"遂宁分公司",".*branch\.xlsx",2011-08-31,"应收账款台账",3,"甲公司","FP-1",2011-06-30,2011-07-30,1234\.57,"1234\.567",62,32,"overdue","y0-1",false,61\.73,/);
    expect(items[1]).toContain(",9999999999999.99,\\N,");
    const totals = readFileSync(stagingPath(staging, "totals", 7), "utf8").trim().split("\n");
    // Balances 1234.57 + 9999999999999.99 + 100.00 as written (the JSON keeps 10000000001334.557);
    // provisions 1234.567 × 5% = 61.73, 9999999999999.99 × 30% (2–3 years) = 3000000000000.00, 100 × 5% = 5.00.
    expect(totals[0]).toMatch(/^"遂宁分公司",".*",2011-08-31,"应收账款台账","all","all",3,10000000001334\.56,3000000000066\.73,\d+$/);
  });

  it("fails with its reason and leaves no staging file when the entity cell is empty", async () => {
    const error = await rejection(auditBranch({ index: 8, source: workbook }, { asOf: fromYmd(2011, 8, 31), entityFrom: parseEntityFrom("cell:C1"), stagingDir: staging }, DEFAULT_POLICY));
    expect(error.id).toBe("group.entity-missing");
    expect(() => readFileSync(stagingPath(staging, "items", 8))).toThrow(/ENOENT/);
  });
});

describe("the progress line", () => {
  it("says workbooks done, failures, rows, elapsed and the time left from the bytes done", () => {
    let now = 0;
    const lines: string[] = [];
    const p = new GroupProgress(4, 1000, { write: (t: string) => lines.push(t), isTTY: false }, "en-US", () => now);
    now = 10_000;
    p.fileDone(250, 5000, false);
    expect(lines.at(-1)).toBe("[######..................] 1/4 workbooks · 5,000 rows · 0:10 elapsed · ~0:30 left\n");
    now = 20_000;
    p.fileDone(250, 0, true);
    expect(p.line()).toBe("[############............] 2/4 workbooks, 1 failed · 5,000 rows · 0:20 elapsed · ~0:20 left");
    const zh = new GroupProgress(2, 0, { write: () => undefined }, "zh-CN", () => 0);
    expect(zh.line()).toBe("[........................] 0/2 个工作簿 · 0 行 · 已用 0:00 · 剩余 ?");
    expect(clock(3725)).toBe("1:02:05");
  });
});
