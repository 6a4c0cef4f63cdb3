/**
 * Companion tables a ledger check may use: the customer master (credit grade, limit, credit
 * days, last review — POLICY §5), the bills register (应收票据登记簿, POLICY §9) and the
 * collection log (收款情况报告表, POLICY §6). Each is a list of field declarations read by the
 * same machinery as the ledger (headers.ts, mapping.ts, rows.ts).
 */
import { bi } from "../../i18n/bilingual";
import {
  COLLECTOR_FIELD,
  CREDIT_DAYS_FIELD,
  CUSTOMER_CODE_FIELD,
  CUSTOMER_FIELD,
  declareField,
  DEPARTMENT_FIELD,
  DOCUMENT_FIELD,
  type FieldDeclaration,
  type FieldOf,
  NOTE_FIELD,
  STATUS_FIELD,
  type TableSchema,
} from "./headers";
import type { MappingResult } from "./mapping";
import { type ParseIssue, type SkippedRow, sortIssues } from "./parse-issues";
import { readRecords, type TableRecord } from "./records";
import { type HeaderInfo, openTable, type TableOptions, type UnitsInfo } from "./table";

// ---------------------------------------------------------------------------------------------
// Customer master (客户档案)
// ---------------------------------------------------------------------------------------------

export const CUSTOMER_MASTER_FIELDS = [
  CUSTOMER_FIELD,
  CUSTOMER_CODE_FIELD,
  // A hand-kept ledger often names customers as the master's 简称 does (华润 for 华润万家…有限公司).
  declareField("customerShort", "text", bi("客户简称", "short name"), ["客户简称", "简称", "单位简称", "往来单位简称", "客户简名"], ["short name", "abbreviation", "customer short name"]),
  declareField("creditGrade", "text", bi("信用等级", "credit grade"), ["信用等级", "信用评级", "客户等级", "等级", "评级"], ["credit grade", "grade", "rating", "credit rating"]),
  declareField(
    "creditLimit",
    "money",
    bi("信用额度", "credit limit"),
    ["信用额度", "授信额度", "信用限额", "赊销额度", "额度"],
    ["credit limit", "limit", "credit line"],
  ),
  CREDIT_DAYS_FIELD,
  declareField(
    "lastReview",
    "date",
    bi("最近评审日期", "last review"),
    ["最近评审日期", "评审日期", "信用评审日期", "复核日期", "最近复核日期", "审批日期"],
    ["last review", "review date", "last reviewed", "reviewed on"],
  ),
  DEPARTMENT_FIELD,
  COLLECTOR_FIELD,
  declareField("contact", "text", bi("联系人", "contact"), ["联系人", "对方联系人", "财务联系人"], ["contact", "contact person"]),
  declareField("phone", "text", bi("联系电话", "phone"), ["联系电话", "电话", "手机"], ["phone", "telephone", "=tel"]),
  declareField("address", "text", bi("地址", "address"), ["地址", "联系地址", "通讯地址"], ["address"]),
  STATUS_FIELD,
  NOTE_FIELD,
] as const;

type CustomerMasterField = FieldOf<typeof CUSTOMER_MASTER_FIELDS>;
export type CustomerMasterRow = TableRecord<typeof CUSTOMER_MASTER_FIELDS>;

export const CUSTOMER_MASTER_SCHEMA: TableSchema<CustomerMasterField> = {
  key: "customer-master",
  name: bi("客户档案", "customer master"),
  fields: CUSTOMER_MASTER_FIELDS,
  required: [["customer", "customerShort"]],
};

// ---------------------------------------------------------------------------------------------
// Bills register (应收票据登记簿)
// ---------------------------------------------------------------------------------------------

export const BILLS_REGISTER_FIELDS = [
  declareField("billNo", "text", bi("票据号码", "bill number"), ["票据号码", "票据号", "票号", "汇票号码", "汇票号", "票据编号"], ["bill no", "bill number", "note no", "draft no"]),
  declareField("billType", "text", bi("票据种类", "bill type"), ["票据种类", "票据类型", "汇票种类", "票种", "种类"], ["bill type", "=type", "=kind"]),
  declareField(
    "customer",
    "text",
    bi("交票单位", "customer"),
    ["客户", "客户名称", "交票单位", "出票人", "出票单位", "付款人", "付款单位", "前手", "背书人"],
    ["customer", "drawer", "payer", "endorser"],
  ),
  declareField("acceptor", "text", bi("承兑人", "acceptor"), ["承兑人", "承兑银行", "承兑行", "承兑单位", "付款行"], ["acceptor", "accepting bank", "drawee"]),
  declareField("issueDate", "date", bi("出票日期", "issue date"), ["出票日期", "出票日", "签发日期"], ["issue date", "date issued", "issued on"]),
  declareField("dueDate", "date", bi("到期日", "maturity"), ["到期日", "到期日期", "汇票到期日", "票据到期日"], ["due date", "maturity", "maturity date"]),
  declareField("amount", "money", bi("票面金额", "face value"), ["票面金额", "票面额", "面值", "票面价值", "金额"], ["face value", "face amount", "amount"]),
  declareField("receivedDate", "date", bi("收票日期", "date received"), ["收票日期", "取得日期", "收到日期", "接收日期"], ["received date", "date received", "received on"]),
  declareField("status", "text", bi("状态", "status"), ["状态", "票据状态", "处理情况", "处理结果"], ["status"]),
  declareField("presentedDate", "date", bi("托收日期", "presented on"), ["托收日期", "提示付款日期", "委托收款日期"], ["presented on", "presentation date", "collection date"]),
  declareField("discountDate", "date", bi("贴现日期", "discount date"), ["贴现日期"], ["discount date", "discounted on"]),
  // POLICY §9 (004 八.第六条): discount interest is deducted from collections in the appraisal.
  declareField("discountRate", "probability", bi("贴现年利率", "discount rate"), ["贴现年利率", "贴现利率", "贴现率"], ["discount rate", "annual discount rate"]),
  declareField("discountInterest", "money", bi("贴现利息", "discount interest"), ["贴现利息", "贴现息", "贴现费用"], ["discount interest", "discount charge"]),
  declareField("endorsedTo", "text", bi("被背书人", "endorsee"), ["被背书人", "背书转让给"], ["endorsee", "endorsed to"]),
  declareField("custodian", "text", bi("保管人", "custodian"), ["保管人", "经管人"], ["custodian", "keeper"]),
  NOTE_FIELD,
] as const;

type BillsRegisterField = FieldOf<typeof BILLS_REGISTER_FIELDS>;
export type BillsRegisterRow = TableRecord<typeof BILLS_REGISTER_FIELDS>;

export const BILLS_REGISTER_SCHEMA: TableSchema<BillsRegisterField> = {
  key: "bills-register",
  name: bi("应收票据登记簿", "bills register"),
  fields: BILLS_REGISTER_FIELDS,
  required: [["billNo"], ["amount"], ["dueDate"]],
};

// ---------------------------------------------------------------------------------------------
// Collection log (收款情况报告表)
// ---------------------------------------------------------------------------------------------

export const COLLECTION_LOG_FIELDS = [
  declareField(
    "contactDate",
    "date",
    bi("催收日期", "contact date"),
    ["催收日期", "催款日期", "拜访日期", "联系日期", "报告日期", "=日期"],
    ["contact date", "visit date", "date of contact", "=date"],
  ),
  CUSTOMER_FIELD,
  DOCUMENT_FIELD,
  COLLECTOR_FIELD,
  declareField("method", "text", bi("催收方式", "method"), ["催收方式", "催款方式", "方式"], ["method", "channel", "contact method"]),
  declareField("amountDue", "money", bi("欠款金额", "amount due"), ["欠款金额", "应收金额", "催收金额"], ["amount due", "amount chased"]),
  declareField("promisedAmount", "money", bi("承诺付款金额", "promised amount"), ["承诺付款金额", "承诺还款金额", "承诺金额"], ["promised amount", "promise amount"]),
  declareField("promisedDate", "date", bi("承诺付款日期", "promised date"), ["承诺付款日期", "承诺还款日期", "承诺日期"], ["promised date", "promise date", "promised payment date"]),
  declareField(
    "writtenPromise",
    "boolean",
    bi("书面承诺", "written promise"),
    ["书面承诺", "是否书面承诺", "已取得书面承诺", "书面记录"],
    ["written promise", "promise in writing"],
  ),
  declareField("collected", "money", bi("收回金额", "amount collected"), ["收回金额", "实收金额", "本次收款", "收款金额", "回款金额"], ["collected", "amount collected", "received"]),
  declareField("result", "text", bi("催收结果", "result"), ["催收结果", "结果", "对方答复", "客户反馈"], ["result", "outcome", "response"]),
  declareField("cost", "money", bi("催收费用", "cost"), ["催收费用", "费用"], ["cost", "expenses"]),
  NOTE_FIELD,
] as const;

export type CollectionLogField = FieldOf<typeof COLLECTION_LOG_FIELDS>;
export type CollectionLogRow = TableRecord<typeof COLLECTION_LOG_FIELDS>;

/** POLICY §6: each contact is reported with its date and customer. */
export const COLLECTION_LOG_SCHEMA: TableSchema<CollectionLogField> = {
  key: "collection-log",
  name: bi("收款情况报告表", "collection log"),
  fields: COLLECTION_LOG_FIELDS,
  required: [["customer"], ["contactDate"]],
};

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface CompanionReading<D extends readonly FieldDeclaration[]> {
  sheet: string;
  header: HeaderInfo<FieldOf<D>>;
  mapping: MappingResult<FieldOf<D>>;
  units: UnitsInfo<FieldOf<D>>;
  records: TableRecord<D>[];
  issues: ParseIssue[];
  skipped: SkippedRow[];
}

function readCompanion<D extends readonly FieldDeclaration[]>(
  values: readonly unknown[][],
  schema: TableSchema<FieldOf<D>>,
  options: TableOptions<FieldOf<D>>,
  freeText: readonly string[],
): CompanionReading<D> {
  const table = openTable(values, schema, options);
  const { records, issues, skipped } = readRecords<D>(values, table, freeText);
  return { sheet: table.sheet, header: table.header, mapping: table.mapping, units: table.units, records, issues: sortIssues(issues), skipped };
}

/** Reads a customer master (see readLedger for what is detected, reported and thrown). */
export function readCustomerMaster(values: readonly unknown[][], options: TableOptions<CustomerMasterField>): CompanionReading<typeof CUSTOMER_MASTER_FIELDS> {
  const reading = readCompanion<typeof CUSTOMER_MASTER_FIELDS>(values, CUSTOMER_MASTER_SCHEMA, options, ["note", "status", "address"]);
  // A master of short names only: the short name is the name.
  for (const rec of reading.records) if (rec.customer === null && rec.customerShort !== null) rec.customer = rec.customerShort;
  return reading;
}

/**
 * The master rows by their short names (客户简称), for a ledger that names customers as the
 * short names do: only a short name that is one row's and no row's full name (`key` compares).
 */
export function masterByShortName<R extends { customer: string | null; customerShort: string | null }>(records: readonly R[], key: (text: string | null) => string | null): Map<string, R> {
  const full = new Set<string>();
  for (const rec of records) {
    const k = key(rec.customer);
    if (k !== null) full.add(k);
  }
  const out = new Map<string, R>();
  const shared = new Set<string>();
  for (const rec of records) {
    const k = key(rec.customerShort);
    if (k === null || full.has(k) || shared.has(k)) continue;
    if (out.has(k)) {
      out.delete(k);
      shared.add(k);
    } else out.set(k, rec);
  }
  return out;
}

/** Reads a bills register (应收票据登记簿). */
export function readBillsRegister(values: readonly unknown[][], options: TableOptions<BillsRegisterField>): CompanionReading<typeof BILLS_REGISTER_FIELDS> {
  return readCompanion<typeof BILLS_REGISTER_FIELDS>(values, BILLS_REGISTER_SCHEMA, options, ["note", "status"]);
}

/** Reads a collection log (收款情况报告表). */
export function readCollectionLog(values: readonly unknown[][], options: TableOptions<CollectionLogField>): CompanionReading<typeof COLLECTION_LOG_FIELDS> {
  return readCompanion<typeof COLLECTION_LOG_FIELDS>(values, COLLECTION_LOG_SCHEMA, options, ["note", "result"]);
}
