/**
 * The report workbook of the sample ledger (assets/sample-ledger.xlsx, as of 2011-08-31; the
 * small test ledger if the sample is missing) opened by another spreadsheet program: LibreOffice
 * converts it to PDF headless, and the first page is rendered to
 * test-artifacts/report-first-page.png for a person to look at.
 *
 * Needs `soffice` (libreoffice-calc), poppler-utils (pdftoppm, pdftotext, pdffonts) and a CJK
 * font (fonts-noto-cjk) — without one the Chinese renders as empty boxes. Missing tools fail the
 * test with what to install; AR_SKIP_SOFFICE=1 skips it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableKindOf } from "../../src/cli/audit";
import { readWorkbook } from "../../src/cli/read-workbook";
import { writeReportWorkbook } from "../../src/cli/xlsx-writer";
import { fromYmd } from "../../src/core/calendar";
import { type AuditCompanions, auditLedger } from "../../src/core/ledger/check";
import { type LedgerReading, readBillsRegister, readCollectionLog, readCustomerMaster, readLedger } from "../../src/core/ledger/index";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { buildReports } from "../../src/core/reports/index";
import { buildCollectionNotices, buildStatements } from "../../src/core/notices/index";
import { EMPTY_COMPANY, policyWithCompany } from "../../src/core/notices/company";
import type { ReportInput } from "../../src/core/reports/input";
import { smallReportInput } from "../fixtures/reports/small-ledger";
import { auditFindingsSheet } from "../../src/core/audit-sheets/findings";
import { auditResultsSheet } from "../../src/core/audit-sheets/results";
import { RULES } from "../../src/core/ledger/findings";
import { combineLetters } from "../../src/core/notices/letter";
import { SEGMENT_AS_OF, SEGMENT_LEDGER, segmentPolicy } from "../fixtures/ecl/segment-ledger";

const ROOT = join(__dirname, "../..");
const SAMPLE = join(ROOT, "assets/sample-ledger.xlsx");
const ARTIFACT = join(ROOT, "test-artifacts/report-first-page.png");
const INSTALL = "apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk";
const skip = process.env.AR_SKIP_SOFFICE === "1";

function run(command: string, args: string[], timeoutMs = 120_000): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs });
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code === "ENOENT") return { status: null, stdout: "", stderr: `${command}: not found` };
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function requireTools(): void {
  const missing: string[] = [];
  if (run("soffice", ["--version"]).status !== 0) missing.push("soffice (libreoffice-calc)");
  for (const tool of ["pdftoppm", "pdftotext", "pdffonts"]) if (run(tool, ["-v"]).status === null) missing.push(`${tool} (poppler-utils)`);
  const cjk = run("fc-list", [":lang=zh", "family"]);
  if (cjk.status !== 0 || cjk.stdout.trim() === "") missing.push("a Chinese font (fonts-noto-cjk)");
  if (missing.length > 0) {
    throw new Error(`Rendering the report needs ${missing.join(", ")}. Install them with: ${INSTALL} — or set AR_SKIP_SOFFICE=1 to skip this test.`);
  }
}

/**
 * Sheets written by the headless writer, converted to PDF by LibreOffice: the page count, the
 * first page's size in points, the text, and the first page saved as test-artifacts/<artifact>.
 */
async function printed(sheets: Parameters<typeof writeReportWorkbook>[1], artifact: string): Promise<{ pages: number; size: number[]; text: string; pageText: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "ar-print-"));
  try {
    const xlsx = join(dir, "print.xlsx");
    await writeReportWorkbook(xlsx, sheets);
    const convert = run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
    const pdf = join(dir, "print.pdf");
    expect([convert.status, existsSync(pdf), convert.stderr]).toEqual([0, true, convert.stderr]);
    const info = run("pdfinfo", [pdf]).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const size = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map((v) => Math.round(Number(v)));
    const text = run("pdftotext", ["-layout", pdf, "-"]).stdout;
    // pdftotext ends each page with a form feed.
    const pageText = text.split("\f").slice(0, pages);
    const png = join(dir, "page");
    expect(run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png]).status).toBe(0);
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    copyFileSync(`${png}.png`, join(ROOT, "test-artifacts", artifact));
    return { pages, size, text, pageText };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample workbook read and checked as `npm run audit` does, once for the file's tests. */
let sampleRead: Promise<ReportInput> | null = null;
function sampleInput(): Promise<ReportInput> {
  sampleRead ??= readSampleInput();
  return sampleRead;
}

async function readSampleInput(): Promise<ReportInput> {
  const book = await readWorkbook(SAMPLE);
  const dateSystem = book.dateSystem;
  let reading: LedgerReading | null = null;
  const companions: AuditCompanions = {};
  for (const sheet of book.sheets) {
    const kind = tableKindOf(sheet.values);
    const options = { sheet: sheet.name, dateSystem };
    if (kind === "ledger" && reading === null) reading = readLedger(sheet.values, options);
    else if (kind === "customers") companions.customers = readCustomerMaster(sheet.values, options);
    else if (kind === "bills") companions.bills = readBillsRegister(sheet.values, options);
    else if (kind === "collections") companions.collections = readCollectionLog(sheet.values, options);
  }
  if (reading === null) throw new Error(`${SAMPLE} has no ledger sheet`);
  const asOf = fromYmd(2011, 8, 31);
  return { reading, audit: auditLedger(reading, companions, asOf, DEFAULT_POLICY), companions, policy: DEFAULT_POLICY, asOf };
}

(skip ? test.skip : test)(
  "the report workbook opens in LibreOffice; its first page is rendered to test-artifacts/report-first-page.png",
  async () => {
    requireTools();
    const input = existsSync(SAMPLE) ? await sampleInput() : smallReportInput();
    const specs = buildReports(input, "zh-CN");
    const dir = mkdtempSync(join(tmpdir(), "ar-report-"));
    try {
      const xlsx = join(dir, "report.xlsx");
      await writeReportWorkbook(xlsx, specs);
      // A profile of its own, so a running LibreOffice (or a parallel test) does not block the conversion.
      const convert = run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
      const pdf = join(dir, "report.pdf");
      expect([convert.status, existsSync(pdf), convert.stderr]).toEqual([0, true, convert.stderr]);

      // Every report is there, in Chinese glyphs from a font that has them.
      const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]).stdout)?.[1] ?? "0");
      expect(pages).toBeGreaterThanOrEqual(specs.length);
      const text = run("pdftotext", ["-layout", pdf, "-"]).stdout;
      for (const spec of specs) expect(text).toContain(spec.title);
      const first = run("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]).stdout;
      expect(first).toContain("应收账款账龄分析表");
      expect(first).toContain("合计");
      const total = specs[0].rows.find((r) => r.kind === "total")?.cells.at(-2)?.exact ?? "";
      expect(first).toContain(Number(total).toLocaleString("en-US", { minimumFractionDigits: 2 }));
      expect(run("pdffonts", [pdf]).stdout).toMatch(/CJK|Hei|Song|Ming|Fallback|WenQuanYi|DengXian|SC/);

      const png = join(dir, "page");
      const render = run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
      expect(render.status).toBe(0);
      const bytes = readFileSync(`${png}.png`);
      // PNG signature, then IHDR width and height: the first page is A4 landscape.
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(width).toBeGreaterThan(height);
      mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
      copyFileSync(`${png}.png`, ARTIFACT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);

(skip ? test.skip : test)(
  "a collection notice prints on one page of its own, total in figures and capitals: test-artifacts/notice-print-射洪县交通运输局.png",
  async () => {
    requireTools();
    if (!existsSync(SAMPLE)) return;
    const input = await sampleInput();
    // 射洪县交通运输局: one open item of 280,000.00 at recovery 0.40, so the stern letter with the legal step.
    const { sheets } = buildCollectionNotices(input, { customers: ["射洪县交通运输局"] }, input.asOf, "zh-CN");
    expect(sheets).toHaveLength(1);
    const { pages, size, text } = await printed(sheets, "notice-print-射洪县交通运输局.png");
    // One page, A4 portrait: 595 × 842 points.
    expect([pages, size]).toEqual([1, [595, 842]]);
    for (const words of ["应收账款催款通知书", "射洪县交通运输局", "280,000.00", "贰拾捌万元整", "JS-2009-077", "总经理"]) expect(text).toContain(words);
  },
  180_000,
);

(skip ? test.skip : test)(
  "a statement (对账单) prints on one A4 portrait page, the reply slip included: test-artifacts/statement-print-遂宁市城市建设投资有限公司.png",
  async () => {
    requireTools();
    if (!existsSync(SAMPLE)) return;
    const input = await sampleInput();
    // 2011-01-01 to 2011-08-31: JS-2011-018 260,000.00 and JS-2011-031 786,500.00, closing 1,046,500.00.
    const company = { ...EMPTY_COMPANY, nameZh: "四川省通信产业服务有限公司遂宁分公司", address: "遂宁市船山区明月路 1 号", phone: "0825-2221234", letterPrefix: "遂通对", handler: "李明" };
    const { sheets, statements } = buildStatements(input.reading, policyWithCompany(input.policy, company), { customers: ["遂宁市城市建设投资有限公司"] }, { from: fromYmd(2011, 1, 1), to: input.asOf }, "zh-CN", {
      company,
      letterNumbers: new Map([["遂宁市城市建设投资有限公司", "遂通对20110831-001"]]),
    });
    expect(statements.map((s) => s.closing)).toEqual(["1046500.00"]);
    const { pages, size, text } = await printed(sheets, "statement-print-遂宁市城市建设投资有限公司.png");
    expect([pages, size]).toEqual([1, [595, 842]]);
    for (const words of ["对账单", "遂通对20110831-001", "期初余额", "期末余额", "1,046,500.00", "JS-2011-018", "1年以内（含1年）", "余额相符", "余额不符", "经办人：李明"]) expect(text).toContain(words);
    expect(text).not.toMatch(/请填写|to be filled in/);
  },
  180_000,
);

(skip ? test.skip : test)(
  "the findings sheet prints on A4 landscape, fitted to width, its title and header on every page, rules by their Chinese names: test-artifacts/findings-print.png",
  async () => {
    requireTools();
    if (!existsSync(SAMPLE)) return;
    const input = await sampleInput();
    const spec = auditFindingsSheet(input.audit, "zh-CN", "检查结果");
    const { pages, size, text, pageText } = await printed([spec], "findings-print.png");
    // A4 landscape: 842 × 595 points.
    expect(size).toEqual([842, 595]);
    expect(pages).toBeGreaterThanOrEqual(1);
    // Fitted to width and the header repeated: every page has the first and the last column's heading and the page header's title.
    for (const page of pageText) {
      for (const words of ["级别", "规则", "单元格", "说明", "应收账款检查发现"]) expect(page).toContain(words);
    }
    expect(text).toContain("2011年8月31日");
    // Rules by name in the workbook's language, never by id.
    for (const f of input.audit.findings) expect(text).toContain(RULES[f.rule].title["zh-CN"].slice(0, 6));
    for (const id of Object.keys(RULES)) expect(text).not.toContain(id);
  },
  180_000,
);

(skip ? test.skip : test)(
  "a batch of collection notices prints one letter per page, each with its customer: test-artifacts/notice-batch-print.png",
  async () => {
    requireTools();
    if (!existsSync(SAMPLE)) return;
    const sample = await sampleInput();
    // As the pane makes them: only with the company's details filled in (it refuses placeholders).
    const company = {
      ...EMPTY_COMPANY,
      nameZh: "四川省通信产业服务有限公司遂宁分公司",
      address: "遂宁市船山区明月路 1 号",
      phone: "0825-2221234",
      accountName: "四川省通信产业服务有限公司遂宁分公司",
      bank: "中国工商银行遂宁分行",
      accountNo: "2311 0000 0000 1234 567",
      signatory: "总经理 王强",
      letterPrefix: "遂通催",
      handler: "李明",
    };
    const input = { ...sample, policy: policyWithCompany(sample.policy, company) };
    const first = buildCollectionNotices(input, {}, input.asOf, "zh-CN", { company });
    const letterNumbers = new Map(first.notices.map((n, i) => [n.customer, `遂通催20110831-${String(i + 1).padStart(3, "0")}`]));
    const { sheets, notices } = buildCollectionNotices(input, {}, input.asOf, "zh-CN", { company, letterNumbers });
    expect(sheets.length).toBeGreaterThan(1);
    const batch = combineLetters(sheets.map((spec, i) => ({ customer: notices[i].customer, spec })), "催款通知书20110831", sheets[0].title);
    const { pages, size, pageText } = await printed([batch], "notice-batch-print.png");
    // One A4 portrait page per letter, in order, each naming its own customer and no other's.
    expect([pages, size]).toEqual([sheets.length, [595, 842]]);
    notices.forEach((n, i) => {
      expect(pageText[i]).toContain("应收账款催款通知书");
      expect(pageText[i]).toContain(n.customer);
      expect(pageText[i]).toContain(letterNumbers.get(n.customer));
      expect(pageText[i]).not.toMatch(/请填写|to be filled in/);
      for (const other of notices) if (other.customer !== n.customer && !n.customer.includes(other.customer)) expect(pageText[i]).not.toContain(other.customer);
    });
  },
  180_000,
);

(skip ? test.skip : test)(
  "the results sheet prints on A4 landscape, fitted to width, every open item with the header on every page: test-artifacts/results-print.png",
  async () => {
    requireTools();
    if (!existsSync(SAMPLE)) return;
    const input = await sampleInput();
    const spec = auditResultsSheet(input.audit, "zh-CN", "检查结果");
    const { size, text, pageText } = await printed([spec], "results-print.png");
    expect(size).toEqual([842, 595]);
    const header = spec.rows[0].cells.map((c) => String(c!.v));
    // Fitted to width: the first and the last column's heading on every page; the page header's title too.
    for (const page of pageText) for (const words of [header[0], header.at(-1)!, "应收账款检查结果"]) expect(page).toContain(words);
    // Every open item's document number is printed.
    for (let i = 0; i < input.audit.rows.length; i++) {
      const doc = input.audit.rows.ledgerRow(i).document;
      if (doc !== null) expect(text).toContain(doc);
    }
  },
  180_000,
);

(skip ? test.skip : test)(
  "the 预期信用损失计提表 with segments prints on A4, a matrix per segment then their sum: test-artifacts/ecl-segments-print.png",
  async () => {
    requireTools();
    // The ledger and figures of test/core/ecl/segments.test.ts (worked by hand there): 国企 3,750.00, 民企 300.00, the pool 4,050.00.
    const rows = SEGMENT_LEDGER;
    const policy = segmentPolicy("客户类型");
    const reading = readLedger(rows, { sheet: "明细" });
    const asOf = SEGMENT_AS_OF;
    const input: ReportInput = { reading, audit: auditLedger(reading, {}, asOf, policy), companions: {}, policy, asOf };
    const spec = buildReports(input, "zh-CN").find((s) => s.id === "expectedCreditLoss")!;
    const { size, text } = await printed([spec], "ecl-segments-print.png");
    expect(size[0]).toBe(spec.print.orientation === "landscape" ? 842 : 595);
    for (const words of ["预期信用损失计提表", "组合“国企”（客户类型）", "组合“民企”（客户类型）", "组合计提合计", "1,750.00", "3,750.00", "4,050.00"]) expect(text).toContain(words);
  },
  180_000,
);
