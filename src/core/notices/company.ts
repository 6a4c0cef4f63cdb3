/**
 * 单位信息: our own company's details as the letters print them (name, address, phone, the payee
 * account, the signatory, the letter number prefix, and our side's 经办人 and phone). They are
 * kept in the workbook by the pane's setup form and checked here, one catalogue from which the
 * form's labels, its inline checks and the notices' refusal ("fill in these first") all follow.
 *
 * A letter never prints a placeholder: a field the letter needs that is blank, or still the
 * product's placeholder from the policy defaults, stops the batch and is named in words.
 */
import { bi, type Bilingual, type Lang } from "../../i18n/bilingual";
import { DEFAULT_POLICY } from "../policy/defaults";
import type { Policy } from "../policy/types";

export interface CompanyInfo {
  /** 单位名称 in Chinese, as letters in Chinese print it. */
  nameZh: string;
  /** The name as English letters print it; needed only for letters in English. */
  nameEn: string;
  address: string;
  phone: string;
  /** 收款账户名称 (usually the company's full name). */
  accountName: string;
  /** 开户银行. */
  bank: string;
  /** 银行账号. */
  accountNo: string;
  /** 签字人: who signs the notices for the company (e.g. 总经理 王某). */
  signatory: string;
  /** 编号前缀: letter numbers are the prefix, the letter's date and a number ("遂建催20110831-001"). */
  letterPrefix: string;
  /** 经办人: the person at our side who handles the customer's reply. */
  handler: string;
  /** 经办人电话; the company's phone when blank. */
  handlerPhone: string;
}

export type CompanyField = keyof CompanyInfo;

export const EMPTY_COMPANY: CompanyInfo = {
  nameZh: "",
  nameEn: "",
  address: "",
  phone: "",
  accountName: "",
  bank: "",
  accountNo: "",
  signatory: "",
  letterPrefix: "",
  handler: "",
  handlerPhone: "",
};

/** What a letter is, as far as the company's details go: which fields it prints. */
type LetterUse = "collection" | "confirmation" | "statement";

interface FieldDecl {
  field: CompanyField;
  label: Bilingual;
  /** Shown under the box: what to type. */
  hint: Bilingual;
  /** Which letters print it (and so need it filled in). */
  printedOn: readonly LetterUse[];
  /** The letter language that needs it (nameZh for Chinese letters, nameEn for English ones); both when absent. */
  lang?: Lang;
  check?: (value: string) => Bilingual | null;
}

const ALL: readonly LetterUse[] = ["collection", "confirmation", "statement"];

/** Digits, spaces, hyphens, parentheses, a leading +, and an extension (转 / ext): what Chinese phone numbers are written with. */
const PHONE = /^\+?[0-9０-９][0-9０-９ \-－()（）]{5,}(?:(?:转|ext\.?|x)\s*[0-9０-９]{1,6})?$/i;

function phoneCheck(value: string): Bilingual | null {
  return PHONE.test(value.trim()) ? null : bi("请填写电话号码，如 0825-2221234 或 13812345678。", "Enter a phone number, such as 0825-2221234 or 13812345678.");
}

/** A bank account number: 8 to 30 digits, spaces and hyphens allowed between groups. */
function accountCheck(value: string): Bilingual | null {
  const digits = value.replace(/[\s\-－]/g, "");
  return /^[0-9]{8,30}$/.test(digits) ? null : bi("银行账号应为 8 至 30 位数字（可用空格分组）。", "A bank account number is 8 to 30 digits (spaces between groups are fine).");
}

/** Characters a letter number should not hold (Excel sheet-name and file-name troubles, and separators). */
function prefixCheck(value: string): Bilingual | null {
  if (value.trim().length > 12) return bi("编号前缀不超过 12 个字符。", "Keep the prefix to 12 characters at most.");
  return /[\\/?*[\]:]/.test(value) ? bi("编号前缀不能含有 \\ / ? * [ ] : 。", "The prefix cannot contain \\ / ? * [ ] :.") : null;
}

/** The catalogue, in the form's order. */
export const COMPANY_FIELDS: readonly FieldDecl[] = [
  { field: "nameZh", label: bi("单位名称（中文）", "Company name (Chinese)"), hint: bi("中文信函上的落款和盖章名称。", "As Chinese letters are signed and sealed."), printedOn: ALL, lang: "zh-CN" },
  { field: "nameEn", label: bi("单位名称（英文）", "Company name (English)"), hint: bi("仅英文信函需要。", "Needed only for letters in English."), printedOn: ALL, lang: "en-US" },
  { field: "address", label: bi("地址", "Address"), hint: bi("询证函回函寄往此地址。", "Where confirmation replies are sent."), printedOn: ALL },
  { field: "phone", label: bi("联系电话", "Phone"), hint: bi("单位总机或财务部电话。", "The company's or the finance office's number."), printedOn: ALL, check: phoneCheck },
  { field: "accountName", label: bi("收款账户名称", "Payee account name"), hint: bi("通常为单位全称。", "Usually the company's full name."), printedOn: ["collection"] },
  { field: "bank", label: bi("开户银行", "Bank"), hint: bi("如：中国工商银行遂宁分行", "For example: ICBC Suining Branch"), printedOn: ["collection"] },
  { field: "accountNo", label: bi("银行账号", "Account number"), hint: bi("8 至 30 位数字。", "8 to 30 digits."), printedOn: ["collection"], check: accountCheck },
  { field: "signatory", label: bi("签字人", "Signatory"), hint: bi("代表单位在通知书上签字的人，如：总经理 王某。", "Who signs for the company, e.g. General Manager Wang."), printedOn: ["collection"] },
  { field: "letterPrefix", label: bi("编号前缀", "Letter number prefix"), hint: bi("编号为前缀 + 日期 + 序号，如 遂建催20110831-001。", "Numbers are the prefix, the date and a sequence, e.g. SJ20110831-001."), printedOn: ALL, check: prefixCheck },
  { field: "handler", label: bi("经办人", "Handled by"), hint: bi("我方经办人，印在每封信函上。", "Our contact person, printed on every letter."), printedOn: ALL },
  { field: "handlerPhone", label: bi("经办人电话", "Contact's phone"), hint: bi("留空则用联系电话。", "Blank: the company phone."), printedOn: [], check: phoneCheck },
];

function companyField(field: CompanyField): FieldDecl {
  return COMPANY_FIELDS.find((d) => d.field === field)!;
}

/** A value still holding the product's placeholder text (from the policy defaults): as good as blank. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === "") return true;
  const d = DEFAULT_POLICY.company;
  return [d.name["zh-CN"], d.name["en-US"], d.address, d.phone, d.payee.accountName, d.payee.bank, d.payee.accountNo].includes(v) || /请填写|to be filled in/i.test(v);
}

export interface CompanyProblem {
  field: CompanyField;
  /** "missing": blank or a placeholder, for a letter that prints it; "invalid": filled in but not readable. */
  kind: "missing" | "invalid";
  message: Bilingual;
}

/** Problems with the values typed (a form's inline checks): blanks are no problem here. */
export function companyFormProblems(info: CompanyInfo): CompanyProblem[] {
  const out: CompanyProblem[] = [];
  for (const d of COMPANY_FIELDS) {
    const v = info[d.field] ?? "";
    if (v.trim() === "" || !d.check) continue;
    const m = d.check(v);
    if (m) out.push({ field: d.field, kind: "invalid", message: m });
  }
  return out;
}

/**
 * What stops a batch of letters of this use in this language: every field it prints that is
 * blank or a placeholder, and every field filled in wrongly. Empty when the letters can be made.
 */
export function companyProblemsFor(info: CompanyInfo, use: LetterUse, letterLang: Lang): CompanyProblem[] {
  const out: CompanyProblem[] = [];
  const invalid = new Map(companyFormProblems(info).map((p) => [p.field, p]));
  for (const d of COMPANY_FIELDS) {
    const needed = d.printedOn.includes(use) && (d.lang === undefined || d.lang === letterLang);
    const v = info[d.field] ?? "";
    if (needed && isPlaceholder(v)) {
      out.push({ field: d.field, kind: "missing", message: bi(`请填写${d.label["zh-CN"]}。`, `Fill in the ${d.label["en-US"].toLowerCase()}.`) });
    } else if (invalid.has(d.field) && (needed || v.trim() !== "")) out.push(invalid.get(d.field)!);
  }
  return out;
}

/** The fields' names in words, joined as the language joins a list ("单位名称（中文）、银行账号"). */
export function fieldNames(fields: readonly CompanyField[], lang: Lang): string {
  return fields.map((f) => companyField(f).label[lang]).join(lang === "zh-CN" ? "、" : ", ");
}

/** The details a workbook's policy sheet already has (an older workbook filled them in there): the form starts from them. */
export function companyFromPolicy(policy: Policy): CompanyInfo {
  const c = policy.company;
  const keep = (v: string) => (isPlaceholder(v) ? "" : v.trim());
  return {
    ...EMPTY_COMPANY,
    nameZh: keep(c.name["zh-CN"]),
    nameEn: keep(c.name["en-US"]),
    address: keep(c.address),
    phone: keep(c.phone),
    accountName: keep(c.payee.accountName),
    bank: keep(c.payee.bank),
    accountNo: keep(c.payee.accountNo),
  };
}

/** Reads a stored value back; anything unknown is dropped, anything missing is blank. */
export function parseCompany(v: unknown): CompanyInfo | null {
  const o = (typeof v === "string" ? safeJson(v) : v) as Record<string, unknown> | null;
  if (!o || typeof o !== "object") return null;
  const out: CompanyInfo = { ...EMPTY_COMPANY };
  for (const k of Object.keys(EMPTY_COMPANY) as CompanyField[]) if (typeof o[k] === "string") out[k] = o[k];
  return out;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}

/** The stored details over the policy's (a field left blank in the form keeps the policy sheet's). */
/** The company's name as a document in `lang` prints it (English falls back to the Chinese name); "" when unknown. */
export function companyNameFor(info: CompanyInfo, lang: Lang): string {
  return lang === "en-US" && info.nameEn.trim() !== "" ? info.nameEn.trim() : info.nameZh.trim();
}

export function mergeCompany(stored: CompanyInfo | null, policy: Policy): CompanyInfo {
  const base = companyFromPolicy(policy);
  if (stored === null) return base;
  const out = { ...base };
  for (const k of Object.keys(EMPTY_COMPANY) as CompanyField[]) if (stored[k].trim() !== "") out[k] = stored[k].trim();
  return out;
}

/** The policy with the company's details put where the letter builders read them. */
export function policyWithCompany(policy: Policy, info: CompanyInfo): Policy {
  return {
    ...policy,
    company: {
      name: { "zh-CN": info.nameZh, "en-US": info.nameEn },
      address: info.address,
      phone: info.phone,
      payee: { accountName: info.accountName, bank: info.bank, accountNo: info.accountNo },
    },
  };
}

/** A letter number: the prefix, the date as yyyymmdd and a three-digit sequence ("遂建催20110831-001"). */
export function letterNumber(prefix: string, isoDate: string, sequence: number): string {
  return `${prefix.trim()}${isoDate.replace(/-/g, "")}-${String(sequence).padStart(3, "0")}`;
}
