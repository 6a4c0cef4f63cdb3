/**
 * Rules on the companion tables: the collection log (POLICY §6) and the bills register (POLICY §9).
 */
import { bi } from "../../../i18n/bilingual";
import { billStatus } from "../../bills";
import { makeFinding } from "../findings";
import { customerName, day, money } from "./message-values";
import { AuditRun, lettersOf } from "./run";
import { containsAny, recordText } from "./text-keys";

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
