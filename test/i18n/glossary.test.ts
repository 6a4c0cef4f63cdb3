/**
 * One glossary (issue 18): every label the product writes uses 账, the modern standard, class names
 * included (呆账, 应收账款催款通知书). 帐 stays in two places only: inside a quotation of the
 * policy's own text (“…”, as seed 004 writes it), and in the words that recognise what a ledger
 * writes, since ledgers still say 呆帐 and 应收帐款.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { agingLabelReader } from "../../src/core/ledger/check/aging-label";
import { RULES } from "../../src/core/ledger/findings";
import { normalizeLabel } from "../../src/core/ledger/headers";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import { AGING_CLASS_LABELS } from "../../src/i18n/aging-class";
import { stringsFor } from "../../src/i18n";

const SRC = path.resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|json|html)$/.test(n) ? [p] : [];
  });
}

/** The lines that recognise a ledger's own words: 帐 is read there on purpose. */
const RECOGNISERS: Readonly<Record<string, readonly string[]>> = {
  "core/ecl/history.ts": ["WRITE_OFF_WORDS"],
  "core/ledger/transactions.ts": ["RECEIPT_WORDS"],
  "core/ledger/row-kinds.ts": ["replace(/帐/g"],
  "core/ledger/findings.ts": ['normal: ["正常"', 'overdue: ["逾期"', 'stale: ["呆滞"', 'bad: ["呆帐"'],
  "core/ledger/layout.ts": ["ACCOUNT_NAME", "应收帐款—客户—项目部", "const REINSTATED", "replace(/帐/g"],
  "core/ledger/index.ts": ["const LIST_DATE_AFTER_NAME"],
  "core/ledger/as-of.ts": ["const BAD_DEBT_WORDS"],
  "core/ledger/check/aging-label.ts": ["replace(/帐/g"],
  "core/ledger/headers.ts": ["帐 read as 账", "帐/账", "replace(/帐/g"],
  "i18n/statement.ts": ["账, never 帐"],
};

test("no 帐 in src outside a quotation of the policy's text or a line that recognises ledger words", () => {
  const offending: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    const allowed = RECOGNISERS[rel] ?? [];
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const outsideQuotes = line.replace(/“[^”]*”/g, "");
        if (outsideQuotes.includes("帐") && !allowed.some((marker) => line.includes(marker))) offending.push(`${rel}:${i + 1}: ${line.trim().slice(0, 80)}`);
      });
  }
  expect(offending).toEqual([]);
});

test("the policy is 制度 in every zh-CN text the product writes: 政策 only for the year's policy the seeds name (年度政策) and a questionnaire item about national policy", () => {
  const offending: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const rest = line.replace(/“[^”]*”/g, "").replace(/年度(应收帐款管理)?政策|宏观政策/g, "");
        if (rest.includes("政策")) offending.push(`${rel}:${i + 1}: ${line.trim().slice(0, 80)}`);
      });
  }
  expect(offending).toEqual([]);
});

test("an item whose due date is unknown is 无法分类 (Unclassified) in the pane as in the CLI and the group report", () => {
  for (const [lang, word] of [["zh-CN", "无法分类"], ["en-US", "Unclassified"]] as const) {
    expect([stringsFor(lang).validate.unclassified, stringsFor(lang).reports.common.unclassified]).toEqual([word, word]);
  }
});

test("the class names and the notice's title read 呆账 and 应收账款催款通知书", () => {
  expect(AGING_CLASS_LABELS["zh-CN"].bad).toBe("呆账");
  expect(stringsFor("zh-CN").agingClass.bad).toBe("呆账");
  expect(DEFAULT_POLICY.notices.collection.title["zh-CN"]).toBe("应收账款催款通知书");
});

test("a ledger that writes 呆帐 or 应收帐款 is still read: the class and the header are recognised", () => {
  const read = agingLabelReader(DEFAULT_POLICY);
  expect(read("呆帐")).toEqual({ kind: "class", value: "bad" });
  expect(read("呆账")).toEqual({ kind: "class", value: "bad" });
  expect(read("逾期应收帐款")).toEqual({ kind: "class", value: "overdue" });
  expect(normalizeLabel("应收帐款余额")).toBe(normalizeLabel("应收账款余额"));
});

test("the pane's 'do not rely on these figures' banner names the rule as the findings list does, never by its id", () => {
  for (const lang of ["zh-CN", "en-US"] as const) {
    const banner = stringsFor(lang).validate.notReconciled;
    expect(banner).toContain(RULES["control-total-mismatch"].title[lang]);
    expect(banner).not.toContain("control-total-mismatch");
  }
});

test("no string of the pane names a rule by its id: the findings list shows rule names", () => {
  const leaves = (o: unknown): string[] => (typeof o === "string" ? [o] : o !== null && typeof o === "object" ? Object.values(o).flatMap(leaves) : []);
  for (const lang of ["zh-CN", "en-US"] as const) {
    const texts = leaves(stringsFor(lang));
    const named = Object.keys(RULES).flatMap((id) => texts.filter((t) => new RegExp(`(^|[^a-z-])${id}([^a-z-]|$)`).test(t)).map((t) => `${id}: ${t}`));
    expect(named).toEqual([]);
  }
});
