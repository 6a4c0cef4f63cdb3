/**
 * The policy as a form (the Policy tab): the fields a company sets, grouped as POLICY.md groups
 * them, each a key of the policy table (serialize.ts) with how it is typed. Checking an edit runs
 * the policy's own reading and checks (policyFromTable), so the form refuses exactly what the
 * sheet would, and each problem lands on the field it names. Labels live in src/i18n
 * (policyForm); the article and whether a figure is policy text, a reading of a boundary word, a
 * stated choice, a product default or still to be set come from notes.ts.
 *
 * What the form leaves to the sheet: the status vocabulary's phrases, the questionnaire's items
 * and the letters' wording (lists a form of single values would not show better), and the bands'
 * edges. The form says so and names the sheet.
 */
import { Dec } from "../money";
import { DEFAULT_POLICY } from "./defaults";
import { fieldNote, type FieldNote } from "./notes";
import { policyFromTable, policyToTable } from "./serialize";
import type { Policy } from "./types";
import { policyProblemsOf, POLICY_SCHEMA, type SchemaNode } from "./validate";
import type { Bilingual } from "../../i18n/bilingual";

/** How a field is typed: whole days or months, a rate typed in percent, one of a list, an amount, or text (a column's name). */
type PolicyInput = "int" | "percent" | "choice" | "amount" | "text";

export interface PolicyFormField {
  /** The policy table's key ("agingClass.normalMaxDays"). */
  key: string;
  input: PolicyInput;
  /** The choices of a choice field, as the table writes them. */
  options?: readonly string[];
  /** May be left blank (a figure the company has still to set). */
  optional: boolean;
  note: FieldNote | null;
}

type PolicyFormGroupId = "classes" | "provision" | "credit" | "collection" | "writeOff" | "taxAndCompensation" | "ecl";

interface PolicyFormGroup {
  id: PolicyFormGroupId;
  fields: PolicyFormField[];
}

/** The schema's leaf for a table key, or null (a key of a keyed list is looked up through its value field). */
function leafOf(key: string): SchemaNode | null {
  let node: SchemaNode = POLICY_SCHEMA;
  const segs = key.split(".");
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (node.kind === "object") {
      const next: SchemaNode | undefined = node.fields[seg];
      if (next === undefined) return null;
      node = next;
    } else if (node.kind === "array") {
      if (node.keyedBy !== undefined && node.of.kind === "object") return node.of.fields[node.keyedBy.valueField] ?? null;
      node = node.of;
    } else return null;
  }
  return node;
}

function field(key: string, input: PolicyInput): PolicyFormField {
  const leaf = leafOf(key);
  if (leaf === null) throw new Error(`policy form: no policy key ${key}`);
  const inner = leaf.kind === "nullable" ? leaf.of : leaf;
  return {
    key,
    input,
    ...(inner.kind === "enum" ? { options: inner.values } : {}),
    optional: leaf.kind === "nullable",
    note: fieldNote(key),
  };
}

/**
 * The form's groups for a policy: its provision bands and collection tiers as it has them (a
 * company that added a band gets a rate field for it).
 */
export function policyFormGroups(policy: Policy = DEFAULT_POLICY): PolicyFormGroup[] {
  return [
    {
      id: "classes",
      fields: [
        field("defaultCreditDays", "int"),
        field("agingClass.normalMaxDays", "int"),
        field("agingClass.atNormalMaxDays", "choice"),
        field("agingClass.overdueMaxDays", "int"),
        field("agingClass.atOverdueMaxDays", "choice"),
        field("agingClass.staleMaxDays", "int"),
        field("agingClass.atStaleMaxDays", "choice"),
      ],
    },
    {
      id: "provision",
      fields: [
        field("provision.method", "choice"),
        ...policy.provision.bands.map((b) => field(`provision.rates.${b.key}`, "percent")),
        field("provision.balanceRate", "percent"),
      ],
    },
    { id: "credit", fields: [field("credit.reviewIntervalMonths", "int"), field("reconciliationIntervalMonths", "int")] },
    {
      id: "collection",
      fields: [
        ...policy.collectionTiers.flatMap((_, i) => [field(`collectionTiers.${i + 1}.minProbability`, "percent"), field(`collectionTiers.${i + 1}.atMinProbability`, "choice")]),
        field("collection.neverWaitFromClass", "choice"),
      ],
    },
    { id: "writeOff", fields: [field("writeOff.overdueYears", "int"), field("writeOff.atOverdueYears", "choice")] },
    {
      id: "taxAndCompensation",
      fields: [
        field("writeOff.taxFilingDaysAfterYearEnd", "int"),
        field("writeOff.incomeTaxRate", "percent"),
        field("writeOff.compensationRatio", "percent"),
        field("writeOff.recoveryRewardRate", "percent"),
        field("performance.assetLossCompensationRatio", "percent"),
      ],
    },
    { id: "ecl", fields: [field("ecl.adjustment", "percent"), field("ecl.existingAllowance", "amount"), field("ecl.segmentColumn", "text")] },
  ];
}

/** The policy's values as the table writes them, by key. */
export function policyValues(policy: Policy): Map<string, string> {
  return new Map(policyToTable(policy));
}

/** A stored value as the form shows it: a rate in percent ("0.05" → "5"), anything else as stored. */
export function shownValue(f: Pick<PolicyFormField, "input">, stored: string): string {
  if (f.input !== "percent" || stored.trim() === "") return stored;
  return new Dec(stored).times(100).toFixed();
}

/**
 * What the user typed, as the table stores it ("5" or "5%" → "0.05"); null when it is not a
 * number at all (the form says so, before the policy's checks).
 */
export function storedValue(f: Pick<PolicyFormField, "input" | "optional">, typed: string): string | null {
  if (f.input === "text") return typed.trim() === "" ? (f.optional ? "" : null) : typed.trim();
  const t = typed.normalize("NFKC").trim().replace(/,/g, "");
  if (t === "") return f.optional ? "" : null;
  if (f.input === "choice") return t;
  const m = /^[+-]?\d+(?:\.\d+)?/.exec(f.input === "percent" ? t.replace(/%$/, "").trim() : t);
  if (m === null || m[0] !== (f.input === "percent" ? t.replace(/%$/, "").trim() : t)) return null;
  if (f.input === "percent") return new Dec(m[0]).div(100).toFixed();
  return new Dec(m[0]).toFixed();
}

interface PolicyEditCheck {
  /** The policy with the edits, when every one reads and the policy's checks pass. */
  policy: Policy | null;
  /** Problems by key, in both languages, without the key (the form shows them under the field). */
  problems: Map<string, Bilingual>;
  /** Problems no field of the form shows (a list the sheet holds), whole. */
  other: Bilingual[];
}

const NOT_A_NUMBER: Bilingual = { "zh-CN": "请填写数字", "en-US": "Enter a number" };
const REQUIRED: Bilingual = { "zh-CN": "不能为空", "en-US": "Required" };

/** "第 12 行 agingClass.overdueMaxDays：必须大于…" → "必须大于…". */
function withoutWhere(text: string): string {
  const m = /^[^：:]*[：:]\s?/.exec(text);
  return m === null ? text : text.slice(m[0].length);
}

/**
 * The policy with `edits` (typed values by key) applied, checked as the policy sheet is read:
 * the new policy, or the problems, each on its field.
 */
export function checkPolicyEdits(policy: Policy, edits: ReadonlyMap<string, string>, fields: readonly PolicyFormField[]): PolicyEditCheck {
  const problems = new Map<string, Bilingual>();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const rows = policyToTable(policy).map(([k, v]) => [k, v] as [string, string]);
  const index = new Map(rows.map(([k], i) => [k, i]));
  for (const [key, typed] of edits) {
    const f = byKey.get(key);
    if (f === undefined) continue;
    const stored = storedValue(f, typed);
    if (stored === null) {
      problems.set(key, typed.trim() === "" ? REQUIRED : NOT_A_NUMBER);
      continue;
    }
    const at = index.get(key);
    if (at === undefined) rows.push([key, stored]);
    else rows[at] = [key, stored];
  }
  if (problems.size > 0) return { policy: null, problems, other: [] };
  try {
    return { policy: policyFromTable(rows), problems, other: [] };
  } catch (e) {
    const other: Bilingual[] = [];
    for (const p of policyProblemsOf(e)) {
      const text = { "zh-CN": withoutWhere(p.zh), "en-US": withoutWhere(p.en) };
      if (byKey.has(p.path) && !problems.has(p.path)) problems.set(p.path, text);
      else other.push({ "zh-CN": p.zh, "en-US": p.en });
    }
    if (problems.size === 0 && other.length === 0) throw e;
    return { policy: null, problems, other };
  }
}
