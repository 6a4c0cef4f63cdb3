/**
 * Rules on the companion tables: the collection log (POLICY §6) and the bills register (POLICY §9).
 */
import { bi } from "../../../i18n/bilingual";
import { billStatus } from "../../bills";
import { makeFinding } from "../findings";
import { quoteInput } from "../../money";
import { customerName, day, money } from "./message-values";
import { AuditRun, lettersOf } from "./run";
import { conditionsStated } from "../../status";
import type { StatusCondition } from "../../policy/types";
import { containsAny, keyOf, recordText } from "./text-keys";

/** The collection log: every contact needs a written promise to pay (POLICY §6). */
export function checkCollectionLog(run: AuditRun): void {
  const log = run.log;
  if (log === null) {
    run.skipRule("promise-missing", "没有催收记录表。", "No collection log.");
    return;
  }
  const letter = lettersOf(log.mapping.columns) as Record<string, string | undefined>;
  const promiseColumn = letter.writtenPromise ?? letter.promisedAmount ?? letter.promisedDate;
  if (promiseColumn === undefined) {
    run.skipRule("promise-missing", "催收记录表没有书面承诺、承诺金额或承诺日期列。", "The collection log has no written-promise, promised amount or promised date column.");
    return;
  }
  for (const rec of log.records) {
    if (rec.collected !== null && rec.collected.gt(0)) continue;
    const params = { customer: customerName(rec.customer), date: rec.contactDate === null ? bi("（日期不详）", "(date unknown)") : day(rec.contactDate) };
    if (rec.writtenPromise === false) {
      run.addFinding(makeFinding("promise-missing", log.sheet, rec.row, letter.writtenPromise ?? promiseColumn, params, { variant: "refused", field: "writtenPromise" }));
    } else if (rec.writtenPromise !== true && rec.promisedAmount === null && rec.promisedDate === null) {
      run.addFinding(makeFinding("promise-missing", log.sheet, rec.row, promiseColumn, params, { field: "writtenPromise" }));
    }
  }
}

/**
 * A condition the collection log records (对方答复: 明确表示不再付款, 已宣告破产…) that the
 * ledger's status does not (POLICY §2, §8). The log is evidence, the ledger is what is classed:
 * nothing is classed, provided or written off because of the log; a person records the status.
 * Read by the same vocabulary as the ledger's status (status.conditionsStated), so a negated or
 * partial text states nothing here either.
 */
export function checkLogConditions(run: AuditRun): void {
  const { log, policy, asOf } = run;
  if (log === null) {
    run.skipRule("log-states-condition", "没有催收记录表。", "No collection log.");
    return;
  }
  const letter = lettersOf(log.mapping.columns) as Record<string, string | undefined>;
  const fields = (["result", "note"] as const).filter((f) => letter[f] !== undefined);
  if (fields.length === 0) {
    run.skipRule("log-states-condition", "催收记录表没有催收结果或备注列。", "The collection log has no result or note column.");
    return;
  }
  const conditions = [...policy.directToBad, ...policy.writeOff.conditions];
  const stated = new Map<string, StatusCondition[]>();
  const statedIn = (text: string | null): StatusCondition[] => {
    if (text === null || text.trim() === "") return [];
    let c = stated.get(text);
    if (c === undefined) stated.set(text, (c = conditionsStated(text, conditions, policy.statusNegations)));
    return c;
  };
  // The log's entries that state a condition, for customers with something open.
  const groupByKey = new Map(run.groups.map((g) => [g.key, g]));
  const entries: { rec: (typeof log.records)[number]; field: "result" | "note"; text: string; conds: StatusCondition[]; group: number }[] = [];
  for (const rec of log.records) {
    if (rec.contactDate !== null && rec.contactDate > asOf) continue;
    const key = keyOf(rec.customer);
    if (key === null) continue;
    const g = groupByKey.get(key);
    if (g === undefined || !g.balance.toDecimal().gt(0)) continue;
    for (const field of fields) {
      const text = rec[field];
      const conds = statedIn(text);
      if (conds.length > 0) entries.push({ rec, field, text: text as string, conds, group: g.id });
    }
  }
  if (entries.length === 0) return;
  // What the ledger states for those customers, from every open item's status and note.
  const wanted = new Set(entries.map((e) => e.group));
  const inLedger = new Map<number, Set<string>>();
  for (let i = 0; i < run.n; i++) {
    const gid = run.groupId[i];
    if (!wanted.has(gid)) continue;
    let keys = inLedger.get(gid);
    if (keys === undefined) inLedger.set(gid, (keys = new Set()));
    for (const c of statedIn(run.statusText[i])) keys.add(c.key);
  }
  for (const e of entries) {
    const missing = e.conds.filter((c) => !(inLedger.get(e.group)?.has(c.key) ?? false));
    if (missing.length === 0) continue;
    const named = (lang: "zh-CN" | "en-US") => missing.map((c) => `${c.article === "" ? "" : `${c.article} `}${c.label[lang]}`).join(lang === "zh-CN" ? "；" : "; ");
    const params = {
      customer: customerName(e.rec.customer),
      date: e.rec.contactDate === null ? bi("（日期不详）", "(date unknown)") : day(e.rec.contactDate),
      text: quoteInput(e.text),
      conditions: bi(named("zh-CN"), named("en-US")),
    };
    run.addFinding(makeFinding("log-states-condition", log.sheet, e.rec.row, letter[e.field] as string, params, { field: e.field }));
  }
}

/** The bills register: a bill is presented for collection at maturity (POLICY §9). */
export function checkBills(run: AuditRun): void {
  const bills = run.bills;
  if (bills === null) {
    run.skipRule("bill-past-maturity", "没有应收票据登记簿。", "No bills register.");
    return;
  }
  const letter = lettersOf(bills.mapping.columns) as Record<string, string | undefined>;
  for (const rec of bills.records) {
    if (rec.dueDate === null) continue;
    const { status, days } = billStatus(rec.dueDate, run.asOf);
    if (status !== "past-maturity") continue;
    if (rec.presentedDate !== null || rec.discountDate !== null || rec.endorsedTo !== null) continue;
    if (containsAny(recordText(rec.status, rec.note), run.billWords)) continue;
    run.addFinding(
      makeFinding(
        "bill-past-maturity",
        bills.sheet,
        rec.row,
        letter.dueDate ?? "",
        { billNo: rec.billNo ?? "", amount: rec.amount === null ? "?" : money(rec.amount), due: day(rec.dueDate), asOf: day(run.asOf), days },
        { field: "dueDate" },
      ),
    );
  }
}
