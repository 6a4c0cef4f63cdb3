/**
 * The manifest checks the XSDs cannot make: every `resid` names a defined resource, every
 * URL points at a file the build emits, every ExecuteFunction names a handler the commands
 * bundle registers, and string resources respect Office's length limits.
 */
export interface ManifestProblem {
  where: string;
  message: string;
}

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

function lineOf(xml: string, index: number): number {
  return xml.slice(0, index).split("\n").length;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function checkManifest(
  xml: string,
  opts: { baseUrl: string; emitted: (path: string) => boolean; associatedCommands: Set<string> }
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const defined = new Map<string, string>(); // id -> kind
  const resourceRe = /<bt:(Image|Url|String)\s+id="([^"]+)"/g;
  for (const m of xml.matchAll(resourceRe)) {
    const kind = m[1] as string;
    const id = m[2] as string;
    if (defined.has(id)) problems.push({ where: `line ${lineOf(xml, m.index ?? 0)}`, message: `resource id "${id}" is defined twice` });
    defined.set(id, kind);
  }
  const used = new Set<string>();
  for (const m of xml.matchAll(/resid="([^"]*)"/g)) {
    const id = m[1] as string;
    used.add(id);
    if (!defined.has(id)) {
      problems.push({ where: `line ${lineOf(xml, m.index ?? 0)}`, message: `resid "${id}" does not name any bt:Image, bt:Url or bt:String resource` });
    }
  }
  for (const [id] of defined) {
    if (!used.has(id)) problems.push({ where: `resource "${id}"`, message: `resource "${id}" is defined but never used` });
  }
  // String length limits, per section (Override values included).
  for (const [section, max] of [["ShortStrings", SHORT_STRING_MAX], ["LongStrings", LONG_STRING_MAX]] as const) {
    const block = new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`).exec(xml);
    if (!block) continue;
    for (const m of (block[1] as string).matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)) {
      const value = decodeXml(m[1] as string);
      if (value.length > max) problems.push({ where: section, message: `"${value.slice(0, 30)}…" is ${value.length} characters; the limit is ${max}` });
    }
  }
  // Every URL on our own origin must be a file the build emits.
  const base = opts.baseUrl.replace(/\/$/, "");
  for (const m of xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>/g)) {
    const url = m[1];
    if (!url) continue;
    if (!url.startsWith(base + "/")) {
      problems.push({ where: `line ${lineOf(xml, m.index ?? 0)}`, message: `URL ${url} is not on the add-in's origin ${base}` });
      continue;
    }
    const path = url.slice(base.length + 1).split(/[?#]/)[0] as string;
    if (!opts.emitted(path)) problems.push({ where: `line ${lineOf(xml, m.index ?? 0)}`, message: `URL ${url} points at "${path}", which the build does not emit` });
  }
  for (const m of xml.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)) {
    const name = (m[1] as string).trim();
    if (!opts.associatedCommands.has(name)) {
      problems.push({ where: `line ${lineOf(xml, m.index ?? 0)}`, message: `ExecuteFunction "${name}" has no handler registered with Office.actions.associate` });
    }
  }
  return problems;
}
