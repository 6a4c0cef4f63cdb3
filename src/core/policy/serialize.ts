/**
 * A policy as JSON (settings, files, the CLI) and as a two-column key/value table (the visible
 * policy sheet in a workbook). Both are written from and read back through POLICY_SCHEMA, and
 * both round-trip exactly: reading what was written gives a policy deep-equal to the original.
 *
 * The table's keys are dotted paths with 1-based positions:
 *   agingClass.normalMaxDays            20
 *   reportBands.4.upToMonths            (blank = open-ended)
 *   credit.items.3.weight               0.01        (3 = item no. 3)
 *   credit.items.3.answers.1.zh-CN      较好
 *   directToBad.1.keywords.2            破产程序
 *   provision.rates.y1-2                0.10        (rates are addressed by their band key)
 * A list with no entries is written as one row with the list's key and a blank value.
 * Values are text; when reading, numbers may be numbers or text, and a rate or weight may be
 * written "5%". Missing keys keep the default; a list that appears is replaced whole (as in JSON).
 */
import { ArError } from "../errors";
import { Dec, isExcelErrorValue, quoteInput, toHalfWidth } from "../money";
import { DEFAULT_POLICY, deepFreeze } from "./defaults";
import type { Policy } from "./types";
import {
  POLICY_SCHEMA,
  checkPolicy,
  isPlainObject,
  loadPolicy,
  mergeOver,
  policyInvalidError,
  toPolicyProblem,
  type PathSegment,
  type PolicyProblem,
  type SchemaNode,
} from "./validate";

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

function normalised(p: Policy): Policy {
  const { policy, problems } = checkPolicy(p);
  if (policy === undefined) throw policyInvalidError(problems.map(toPolicyProblem));
  return policy;
}

/** Pretty JSON (2-space indent, canonical key order, trailing newline). Throws "policy.invalid" for an invalid policy. */
export function policyToJson(p: Policy): string {
  return JSON.stringify(normalised(p), null, 2) + "\n";
}

/**
 * A policy from JSON text: a partial policy is merged over the defaults (see loadPolicy).
 * Text that is not JSON -> ArError "policy.json"; JSON that is not a valid policy -> "policy.invalid".
 */
export function policyFromJson(text: string): Policy {
  if (typeof text !== "string") {
    throw new ArError("policy.json", { "zh-CN": "策略 JSON 应为文本。", "en-US": "The policy JSON must be text." });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ArError(
      "policy.json",
      { "zh-CN": `策略不是有效的 JSON：${detail}`, "en-US": `The policy is not valid JSON: ${detail}` },
      { cause: e },
    );
  }
  return loadPolicy(parsed);
}

// ---------------------------------------------------------------------------------------------
// Table: writing
// ---------------------------------------------------------------------------------------------

function join(prefix: string, part: string): string {
  return prefix === "" ? part : `${prefix}.${part}`;
}

function flatten(node: SchemaNode, value: unknown, key: string, rows: [string, string][]): void {
  switch (node.kind) {
    case "nullable":
      if (value === null) rows.push([key, ""]);
      else flatten(node.of, value, key, rows);
      return;
    case "object": {
      const o = value as Record<string, unknown>;
      for (const [field, child] of Object.entries(node.fields)) flatten(child, o[field], join(key, field), rows);
      return;
    }
    case "array": {
      const list = value as unknown[];
      if (list.length === 0) rows.push([key, ""]);
      const keyed = node.keyedBy;
      list.forEach((el, i) => {
        if (keyed !== undefined && node.of.kind === "object") {
          const e = el as Record<string, unknown>;
          flatten(node.of.fields[keyed.valueField], e[keyed.valueField], join(key, String(e[keyed.keyField])), rows);
        } else {
          flatten(node.of, el, join(key, String(i + 1)), rows);
        }
      });
      return;
    }
    default:
      rows.push([key, String(value)]);
  }
}

/** The policy as [key, value] rows, in canonical order, no header row. Throws "policy.invalid" for an invalid policy. */
export function policyToTable(p: Policy): [string, string][] {
  const rows: [string, string][] = [];
  flatten(POLICY_SCHEMA, normalised(p), "", rows);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Table: reading
// ---------------------------------------------------------------------------------------------

const HEADER_KEYS = new Set(["key", "keys", "path", "field", "name", "parameter", "setting", "键", "键名", "字段", "参数", "参数名", "项目", "名称", "设置", "路径"]);
const HEADER_VALUES = new Set(["value", "values", "值", "取值", "数值", "设定值", "参数值"]);

function isBlankCell(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

interface TableIssue {
  key: string;
  row?: number;
  zh: string;
  en: string;
}

function issueToProblem(i: TableIssue): PolicyProblem {
  const whereZh = i.row === undefined ? i.key : `第 ${i.row} 行 ${i.key}`;
  const whereEn = i.row === undefined ? i.key : `row ${i.row} (${i.key})`;
  return { path: i.key, zh: `${whereZh}：${i.zh}`, en: `${whereEn}: ${i.en}` };
}

/** Cell -> the value a leaf node holds, or an issue. */
function readCell(node: SchemaNode, cell: unknown): { value: unknown } | { zh: string; en: string } {
  const shown = typeof cell === "string" ? `"${quoteInput(cell)}"` : quoteInput(cell);
  if (isExcelErrorValue(cell)) return { zh: `单元格是 Excel 错误值 ${shown}`, en: `the cell holds the Excel error ${shown}` };
  switch (node.kind) {
    case "nullable":
      return isBlankCell(cell) ? { value: null } : readCell(node.of, cell);
    case "int":
    case "number": {
      if (typeof cell === "number") return { value: cell };
      if (typeof cell === "string") {
        const t = toHalfWidth(cell).trim();
        if (/^[+-]?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
      }
      if (isBlankCell(cell)) return { zh: "缺少取值", en: "the value is missing" };
      return { zh: `应为数字，实际为 ${shown}`, en: `expected a number, got ${shown}` };
    }
    case "decimal": {
      if (typeof cell === "number" && Number.isFinite(cell)) return { value: new Dec(cell.toPrecision(15)).toFixed() };
      if (typeof cell === "string") {
        const t = toHalfWidth(cell).trim();
        if (/^-?\d+(\.\d+)?$/.test(t)) return { value: t };
        const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
        if (pct !== null) return { value: new Dec(pct[1]).div(100).toFixed() };
      }
      if (isBlankCell(cell)) return { zh: "缺少取值", en: "the value is missing" };
      return { zh: `应为小数或百分数（如 0.05 或 5%），实际为 ${shown}`, en: `expected a decimal or a percentage (e.g. 0.05 or 5%), got ${shown}` };
    }
    case "literal":
      if (typeof node.value === "number") return readCell({ kind: "number", min: 0, max: 0 }, cell);
      return typeof cell === "string" ? { value: cell.trim() } : { zh: `应为 "${node.value}"`, en: `expected "${node.value}"` };
    case "enum":
      if (typeof cell === "string" && cell.trim() !== "") return { value: cell.trim() };
      return { zh: `应为 ${node.values.join(" / ")} 之一`, en: `expected one of ${node.values.join(" / ")}` };
    case "string":
      if (cell === undefined || cell === null) return { value: "" };
      if (typeof cell === "string") return { value: cell };
      if (typeof cell === "number") return { value: String(cell) };
      return { zh: `应为文本，实际为 ${shown}`, en: `expected text, got ${shown}` };
    default:
      return { zh: "不是单个取值的键", en: "this key is not a single value" };
  }
}

const isLeaf = (n: SchemaNode): boolean => n.kind !== "object" && n.kind !== "array";

/**
 * A policy from table rows ([key, value, ...ignored]). Tolerates a header row (first non-blank
 * row whose first cell is "key"/"键"/"参数"... or second is "value"/"值"...), blank rows and
 * numbers as numbers or text. Unknown or duplicate keys, unreadable values and gaps in a list's
 * numbering -> ArError "policy.table" naming the rows; a policy that then fails its checks ->
 * "policy.invalid" naming the keys (and rows) as the table writes them.
 */
export function policyFromTable(rows: unknown[][]): Policy {
  const issues: TableIssue[] = [];
  if (!Array.isArray(rows)) {
    throw policyInvalidError([{ path: "", zh: "策略表应为二维区域（行的数组）", en: "The policy table must be a 2-D range (an array of rows)" }], "policy.table");
  }
  const tree: Record<string, unknown> = {};
  const rowOfKey = new Map<string, number>();
  const keyedIndex = new Map<unknown[], Map<string, number>>();
  const emptyLists = new Map<unknown[], number>();
  let seenData = false;

  rows.forEach((raw, r) => {
    const rowNo = r + 1;
    const row: unknown[] = Array.isArray(raw) ? raw : [raw];
    if (row.every(isBlankCell)) return;
    const [keyCell, valueCell] = row;
    if (!seenData) {
      seenData = true;
      const k = typeof keyCell === "string" ? keyCell.trim().toLowerCase() : "";
      const v = typeof valueCell === "string" ? valueCell.trim().toLowerCase() : "";
      if (HEADER_KEYS.has(k) || HEADER_VALUES.has(v)) return;
    }
    if (typeof keyCell !== "string" || keyCell.trim() === "") {
      issues.push({ key: quoteInput(keyCell), row: rowNo, zh: "第一列应为键（如 agingClass.normalMaxDays）", en: "the first column must hold a key (e.g. agingClass.normalMaxDays)" });
      return;
    }
    const key = keyCell.trim();
    const firstRow = rowOfKey.get(key);
    if (firstRow !== undefined) {
      issues.push({ key, row: rowNo, zh: `与第 ${firstRow} 行的键重复`, en: `repeats the key of row ${firstRow}` });
      return;
    }
    rowOfKey.set(key, rowNo);
    const unknown = (): void => {
      issues.push({ key, row: rowNo, zh: "不是策略中的键（拼写错误？）", en: "is not a policy key (a typo?)" });
    };
    const put = (container: Record<string, unknown> | unknown[], slot: string | number, leaf: SchemaNode): void => {
      const read = readCell(leaf, valueCell);
      if ("value" in read) (container as Record<string | number, unknown>)[slot] = read.value;
      else issues.push({ key, row: rowNo, zh: read.zh, en: read.en });
    };

    const segs = key.split(".");
    let node: SchemaNode = POLICY_SCHEMA;
    let container: Record<string, unknown> | unknown[] = tree;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      const last = i === segs.length - 1;
      let child: SchemaNode;
      let slot: string | number;
      if (node.kind === "object") {
        if (!Object.prototype.hasOwnProperty.call(node.fields, seg)) return unknown();
        child = node.fields[seg];
        slot = seg;
      } else if (node.kind === "array") {
        const list = container as unknown[];
        if (emptyLists.has(list)) {
          issues.push({ key, row: rowNo, zh: `第 ${emptyLists.get(list)} 行已将此列表设为空`, en: `row ${emptyLists.get(list)} already gives this list as empty` });
          return;
        }
        if (node.keyedBy !== undefined && node.of.kind === "object") {
          if (!last || !/^[A-Za-z0-9][A-Za-z0-9_+-]*$/.test(seg)) return unknown();
          let index = keyedIndex.get(list);
          if (index === undefined) keyedIndex.set(list, (index = new Map()));
          const at = index.get(seg) ?? list.length;
          index.set(seg, at);
          const el: Record<string, unknown> = { [node.keyedBy.keyField]: seg };
          list[at] = el;
          put(el, node.keyedBy.valueField, node.of.fields[node.keyedBy.valueField]);
          return;
        }
        if (!/^[1-9]\d*$/.test(seg) || Number(seg) > 10000) return unknown();
        child = node.of;
        slot = Number(seg) - 1;
      } else {
        return unknown();
      }
      if (last) {
        if (isLeaf(child)) return put(container, slot, child);
        const existing = (container as Record<string | number, unknown>)[slot];
        if (child.kind === "array" && isBlankCell(valueCell) && existing === undefined) {
          const empty: unknown[] = [];
          (container as Record<string | number, unknown>)[slot] = empty;
          emptyLists.set(empty, rowNo);
          return;
        }
        issues.push({
          key,
          row: rowNo,
          zh: child.kind === "array" ? "是一个列表：空列表的取值须为空白，条目请写作 键.1.… 等" : "是一组字段，不是单个取值",
          en: child.kind === "array" ? "names a list: leave the value blank for an empty list, or give entries as key.1.…" : "names a group of fields, not a single value",
        });
        return;
      }
      const c = container as Record<string | number, unknown>;
      if (c[slot] === undefined) c[slot] = child.kind === "array" ? [] : {};
      container = c[slot] as Record<string, unknown> | unknown[];
      node = child;
    }
  });

  findGaps(POLICY_SCHEMA, tree, "", issues);
  if (issues.length > 0) throw policyInvalidError(issues.map(issueToProblem), "policy.table");

  const merged = mergeOver(DEFAULT_POLICY, tree);
  const { policy, problems } = checkPolicy(merged);
  if (policy === undefined) {
    throw policyInvalidError(
      problems.map((p) => {
        const key = tableKeyOf(p.segments, merged);
        if (key === "") return toPolicyProblem(p);
        return issueToProblem({ key, row: rowOfKey.get(key) ?? firstRowUnder(rowOfKey, key), zh: p.zh, en: p.en });
      }),
    );
  }
  return deepFreeze(policy);
}

/** Lists given with holes (entries 1, 2, 4): each missing position is an issue. */
function findGaps(node: SchemaNode, value: unknown, key: string, issues: TableIssue[]): void {
  if (node.kind === "object" && isPlainObject(value)) {
    for (const [field, child] of Object.entries(node.fields)) {
      if (Object.prototype.hasOwnProperty.call(value, field)) findGaps(child, value[field], join(key, field), issues);
    }
  } else if (node.kind === "array" && Array.isArray(value) && node.keyedBy === undefined) {
    for (let i = 0; i < value.length; i++) {
      const k = join(key, String(i + 1));
      if (!(i in value)) {
        issues.push({ key: k, zh: `缺少第 ${i + 1} 项（列表共给出 ${value.length} 项，编号须连续）`, en: `entry ${i + 1} is missing (the list gives ${value.length} entries; numbering must be continuous)` });
      } else {
        findGaps(node.of, value[i], k, issues);
      }
    }
  }
}

/** A checker path as the table writes it: credit.items[2].weight -> credit.items.3.weight; provision.rates[1].rate -> provision.rates.y1-2. */
function tableKeyOf(segments: readonly PathSegment[], root: unknown): string {
  let node: SchemaNode | undefined = POLICY_SCHEMA;
  let value: unknown = root;
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    while (node?.kind === "nullable") node = node.of;
    if (node?.kind === "array" && typeof seg === "number") {
      const el = Array.isArray(value) ? (value[seg] as unknown) : undefined;
      if (node.keyedBy !== undefined && isPlainObject(el)) {
        parts.push(String(el[node.keyedBy.keyField]));
        return parts.join("."); // the keyed row holds the whole entry
      }
      parts.push(String(seg + 1));
      node = node.of;
      value = el;
    } else {
      parts.push(String(seg));
      node = node?.kind === "object" ? node.fields[String(seg)] : undefined;
      value = isPlainObject(value) ? value[String(seg)] : undefined;
    }
  }
  return parts.join(".");
}

function firstRowUnder(rowOfKey: Map<string, number>, key: string): number | undefined {
  let best: number | undefined;
  for (const [k, row] of rowOfKey) {
    if (k.startsWith(key + ".") && (best === undefined || row < best)) best = row;
  }
  return best;
}
