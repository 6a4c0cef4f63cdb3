/**
 * 单位信息 in the workbook: the company's details the pane's setup form saves, kept in the
 * workbook's settings (they belong to this file and travel with it), read back over whatever
 * the policy sheet still says (an older workbook filled them in there). And the letter numbers
 * (编号) handed out, so a letter keeps its number when the same day's batch is made again and a
 * new letter never reuses one.
 */
import { type CompanyInfo, letterNumber, mergeCompany, parseCompany } from "../core/notices/company";
import type { Policy } from "../core/policy/types";

export const COMPANY_SETTING = "receivablesSteward.company";
const LETTER_NUMBERS_SETTING = "receivablesSteward.letterNumbers";

/** What the form saved (null when nothing yet). */
async function loadStoredCompany(context: Excel.RequestContext): Promise<CompanyInfo | null> {
  const item = queueStoredCompany(context);
  await context.sync();
  return storedCompanyFrom(item);
}

/** Queues the read of what the form saved, to share the caller's next round trip (storedCompanyFrom after it). */
export function queueStoredCompany(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(COMPANY_SETTING);
  item.load("value");
  return item;
}

/** What the form saved, from a setting queued by queueStoredCompany and synced since (null when nothing yet). */
export function storedCompanyFrom(item: Excel.Setting): CompanyInfo | null {
  return item.isNullObject ? null : parseCompany(item.value);
}

/** The details in force: the form's over the policy sheet's. */
export async function loadCompany(context: Excel.RequestContext, policy: Policy): Promise<CompanyInfo> {
  return mergeCompany(await loadStoredCompany(context), policy);
}

/** Saves the form (trimmed); the next sync writes it. */
export function queueSaveCompany(context: Excel.RequestContext, info: CompanyInfo): void {
  const trimmed = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, String(v).trim()]));
  context.workbook.settings.add(COMPANY_SETTING, JSON.stringify(trimmed));
}

/** Per date ("20110831"), each letter's key ("collection|customer") and its sequence number. */
type Issued = Record<string, Record<string, number>>;

interface LetterNumbering {
  /** Customer → number, for the customers given. */
  numbers: Map<string, string>;
  /** Queues the numbers handed out into the settings (with the caller's next sync). */
  queueSave(): void;
}

/**
 * Numbers for a batch of letters of one kind on one date: a customer who had one that day keeps
 * it; the others take the next numbers of the day, in the order given. Only the last 60 dates
 * are kept, which is ample to keep numbers unique within a day.
 */
export async function letterNumbers(context: Excel.RequestContext, prefix: string, kind: string, isoDate: string, customers: readonly string[]): Promise<LetterNumbering> {
  const item = context.workbook.settings.getItemOrNullObject(LETTER_NUMBERS_SETTING);
  item.load("value");
  await context.sync();
  let issued: Issued = {};
  if (!item.isNullObject) {
    try {
      const v = typeof item.value === "string" ? (JSON.parse(item.value) as unknown) : (item.value as unknown);
      if (v && typeof v === "object") issued = v as Issued;
    } catch {
      issued = {};
    }
  }
  const day = isoDate.replace(/-/g, "");
  const today = { ...(issued[day] ?? {}) };
  let next = Object.values(today).reduce((m, n) => Math.max(m, n), 0) + 1;
  const numbers = new Map<string, string>();
  for (const c of customers) {
    const key = `${kind}|${c}`;
    if (!(key in today)) today[key] = next++;
    numbers.set(c, letterNumber(prefix, isoDate, today[key]));
  }
  const kept = Object.keys(issued).filter((d) => d !== day).sort().slice(-59);
  const out: Issued = Object.fromEntries(kept.map((d) => [d, issued[d]]));
  out[day] = today;
  return { numbers, queueSave: () => context.workbook.settings.add(LETTER_NUMBERS_SETTING, JSON.stringify(out)) };
}
