/**
 * The workbooks of a group run: what the command line names — folders, files, glob patterns —
 * as one ordered list, each workbook once. A folder gives its .xlsx, .xlsm and .csv files (not
 * its subfolders: a pattern with `**` reaches those); a file is taken as named
 * (the reader decides by its bytes what it is, and says why when it is not a ledger); a pattern
 * gives the files it matches. A name that is none of these is kept, so the branch is listed as
 * failed with the reader's reason ("File not found"), never silently dropped.
 *
 * Patterns: `*` and `?` within a name, `[abc]` and `[a-z]` classes, `**` for any depth of
 * folders. Names starting with "." match only a pattern that starts with "."; Excel's lock files
 * (`~$…`) are left out of folders and patterns. Node 20 has no fs.glob, hence this small one.
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";

interface GroupInput {
  /** The path as the run names it (the command line's spelling, or folder + name). */
  path: string;
  /** When the input names nothing: the pattern that matched no file. */
  unmatchedPattern?: true;
}

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".csv"]);

function hasGlobCharacters(text: string): boolean {
  return /[*?[]/.test(text);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isWorkbookName(name: string): boolean {
  return !name.startsWith(".") && !name.startsWith("~$") && WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase());
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The workbooks directly in a folder, by name. */
function folderWorkbooks(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name))
    .map((e) => e.name)
    .sort(byCodeUnits)
    .map((name) => join(folder, name));
}

/** One segment of a pattern as a regular expression over a name. */
function segmentPattern(segment: string): RegExp {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = end;
    } else out += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

function listFolder(folder: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() || (e.isSymbolicLink() && isDirectory(join(folder, e.name))) }));
  } catch {
    return [];
  }
}

/** The files a pattern matches, in path order. */
export function expandPattern(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  let first = segments.findIndex((s) => hasGlobCharacters(s));
  if (first < 0) first = segments.length;
  const baseParts = segments.slice(0, first);
  const base = absolute ? `/${baseParts.filter((s) => s !== "").join("/")}` : baseParts.join("/");
  const rest = segments.slice(first);
  const found = new Set<string>();
  const walk = (folder: string, k: number): void => {
    if (k === rest.length) return;
    const segment = rest[k];
    const last = k === rest.length - 1;
    const here = folder === "" ? "." : folder;
    if (segment === "**") {
      walk(folder, k + 1); // zero folders
      for (const e of listFolder(here)) if (e.dir && !e.name.startsWith(".")) walk(folder === "" ? e.name : join(folder, e.name), k);
      return;
    }
    const re = segmentPattern(segment);
    const dotOk = segment.startsWith(".");
    for (const e of listFolder(here)) {
      if (!re.test(e.name) || (e.name.startsWith(".") && !dotOk) || e.name.startsWith("~$")) continue;
      const path = folder === "" ? e.name : join(folder, e.name);
      if (last) {
        if (!e.dir) found.add(path);
      } else if (e.dir) walk(path, k + 1);
    }
  };
  walk(base, 0);
  return [...found].sort(byCodeUnits);
}

/**
 * The workbooks the command line names, in order (folders and patterns sorted by path), each
 * once (by its resolved path); a pattern matching nothing is kept as an unmatched input.
 */
export function groupInputs(names: readonly string[]): GroupInput[] {
  const out: GroupInput[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path });
  };
  for (const name of names) {
    if (isDirectory(name)) for (const f of folderWorkbooks(name)) add(f);
    else if (exists(name) || !hasGlobCharacters(name)) add(name);
    else {
      const matched = expandPattern(name);
      if (matched.length === 0) out.push({ path: name, unmatchedPattern: true });
      for (const f of matched) add(f);
    }
  }
  return out;
}

/** True when the names make a group run: several, a folder, or a pattern. */
export function namesAGroup(names: readonly string[]): boolean {
  return names.length > 1 || names.some((n) => isDirectory(n) || (!exists(n) && hasGlobCharacters(n)));
}
