/**
 * `Range.text`: a value rendered with its number format. A best effort for the formats a ledger
 * and our reports use (General, 0, 0.00, #,##0.00, percentages, scientific, "@", dates with
 * y/m/d tokens, literal prefixes/suffixes, up to four ;-sections); anything fancier (fractions,
 * conditions like [>100], elapsed time, locale digits) falls back to General.
 */
import { groupThousands } from "../../core/money";
import { serialToDate, type StoredValue } from "./cell-values";

export const GENERAL = "General";

// Read once: inside jest's vm context every global lookup is slow, and `text` formats every cell.
const finite = Number.isFinite;
const integer = Number.isInteger;
const toText = String;

/** Excel's General format shows about 11 characters of a number. */
function formatGeneral(n: number): string {
  if (!finite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = n < 0 ? -n : n;
  if (integer(n) && abs < 1e11) return toText(n);
  if (abs >= 1e-4 && abs < 1e11) {
    const plain = toText(n);
    if (plain.length <= 11) return plain;
  }
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exp] = n.toExponential(5).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(Math.min(decimals, 20))));
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes [Red], [$-409], [$¥-804] (keeping the currency symbol), _x padding and *x fills. */
function stripDecorations(section: string): string {
  return section
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, (_m, symbol: string) => (symbol ? `"${symbol}"` : ""))
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, " ")
    .replace(/\*./g, "");
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[yd]/i.test(bare) || /h/i.test(bare) || (/m/i.test(bare) && /s/i.test(bare));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatDate(serial: number, section: string): string {
  const { year, month, day } = serialToDate(serial);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const fraction = serial - Math.floor(serial);
  const totalSeconds = Math.round(fraction * 86_400);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ampm = /AM\/PM/i.test(section);
  let out = "";
  let lastWasHour = false;
  for (let i = 0; i < section.length; ) {
    const rest = section.slice(i);
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    const run = /^([yYmMdDhHsS])\1*/.exec(rest);
    if (run) {
      const token = run[0].toLowerCase();
      const c = token[0];
      if (c === "y") out += token.length <= 2 ? String(year % 100).padStart(2, "0") : String(year);
      else if (c === "d") out += token.length === 1 ? String(day) : token.length === 2 ? String(day).padStart(2, "0") : token.length === 3 ? DAYS[weekday].slice(0, 3) : DAYS[weekday];
      else if (c === "h") {
        const h = ampm ? ((hours + 11) % 12) + 1 : hours;
        out += token.length === 1 ? String(h) : String(h).padStart(2, "0");
      } else if (c === "s") out += token.length === 1 ? String(seconds) : String(seconds).padStart(2, "0");
      else if (c === "m") {
        const minuteContext = lastWasHour || /^[^a-zA-Z"]*s/i.test(rest.slice(token.length));
        if (minuteContext && token.length <= 2) out += token.length === 1 ? String(minutes) : String(minutes).padStart(2, "0");
        else out += token.length === 1 ? String(month) : token.length === 2 ? String(month).padStart(2, "0") : token.length === 3 ? MONTHS[month - 1].slice(0, 3) : MONTHS[month - 1];
      }
      lastWasHour = c === "h";
      i += token.length;
      continue;
    }
    if (/^AM\/PM/i.test(rest)) {
      out += hours < 12 ? "AM" : "PM";
      i += 5;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function formatNumberSection(value: number, section: string): string {
  // Split the section into literal text around the first run of digit placeholders.
  let literalBefore = "";
  let literalAfter = "";
  let pattern = "";
  let inPattern = false;
  let done = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, end < 0 ? undefined : end);
      if (inPattern) done = true;
      if (done || inPattern) literalAfter += lit;
      else literalBefore += lit;
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === "\\") {
      const lit = section[i + 1] ?? "";
      if (inPattern) done = true;
      if (done) literalAfter += lit;
      else literalBefore += lit;
      i++;
      continue;
    }
    if (!done && /[0#?,.%]/.test(ch) && !(ch === "," && !inPattern) && !(ch === "%" && !inPattern)) {
      inPattern = true;
      pattern += ch;
      continue;
    }
    if (!done && inPattern && /[eE]/.test(ch) && /^[eE][+-]0+/.test(section.slice(i))) {
      const m = /^[eE][+-]0+/.exec(section.slice(i))!;
      pattern += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (inPattern) done = true;
    if (done) literalAfter += ch;
    else literalBefore += ch;
  }
  const percentSigns = "%".repeat((pattern.match(/%/g) ?? []).length);
  const percent = percentSigns.length + (literalAfter.match(/%/g) ?? []).length;
  let v = value * Math.pow(100, percent);
  const exp = /[eE]([+-])(0+)/.exec(pattern);
  const core = pattern.replace(/[eE][+-]0+/, "").replace(/%/g, "");
  const dot = core.indexOf(".");
  const intPattern = dot < 0 ? core : core.slice(0, dot);
  const fracPattern = dot < 0 ? "" : core.slice(dot + 1).replace(/,/g, "");
  // Trailing commas scale by 1000 each.
  const scale = /,+$/.exec(intPattern);
  if (scale) v = v / Math.pow(1000, scale[0].length);
  const grouping = intPattern.replace(/,+$/, "").includes(",");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const decimals = fracPattern.length;
  const minDecimals = (fracPattern.match(/0/g) ?? []).length;
  let body: string;
  if (exp) {
    const [m, e] = Math.abs(v).toExponential(decimals).split("e");
    const en = Number(e);
    body = `${m}E${en < 0 ? "-" : exp[1] === "+" ? "+" : ""}${String(Math.abs(en)).padStart(exp[2].length, "0")}`;
  } else {
    const [whole, fraction = ""] = Math.abs(v).toFixed(decimals).split(".");
    let fracPart = fraction;
    while (fracPart.length > minDecimals && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
    let intPart = whole === "0" && minInt === 0 ? "" : whole;
    intPart = intPart.padStart(minInt, "0");
    if (grouping) intPart = groupThousands(intPart);
    body = decimals > 0 ? `${intPart}.${fracPart}` : intPart;
  }
  return `${literalBefore}${body}${percentSigns}${literalAfter}`;
}

const sectionCache = new Map<string, string[]>();

function sectionsOf(format: string): string[] {
  let sections = sectionCache.get(format);
  if (!sections) {
    sections = splitSections(format);
    if (sectionCache.size > 500) sectionCache.clear();
    sectionCache.set(format, sections);
  }
  return sections;
}

/** The text Excel shows for a value under a number format (see the module comment for limits). */
export function formatValue(value: StoredValue | undefined, numberFormat: string): string {
  if (value === undefined) return "";
  if (typeof value === "object") return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && (numberFormat === GENERAL || numberFormat === "")) return formatGeneral(value);
  const sections = sectionsOf(numberFormat || GENERAL);
  if (typeof value === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    if (!textSection) return value;
    return stripDecorations(textSection).replace(/"([^"]*)"/g, "$1").replace("@", value);
  }
  let section = sections[0];
  let v = value;
  let explicitNegative = false;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    v = -value;
    explicitNegative = true;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  const clean = stripDecorations(section).trim() === "" ? section : stripDecorations(section);
  if (/^general$/i.test(clean.trim()) || clean.trim() === "" || clean.trim() === "@") {
    return formatGeneral(v);
  }
  if (isDateFormat(clean)) {
    return v < 0 ? "#".repeat(8) : formatDate(v, clean);
  }
  if (!/[0#?]/.test(clean)) return clean.replace(/"([^"]*)"/g, "$1");
  const text = formatNumberSection(v, clean);
  return v < 0 && !explicitNegative ? `-${text}` : text;
}
