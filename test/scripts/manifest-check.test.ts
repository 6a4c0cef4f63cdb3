/**
 * The manifest gate: the real manifest passes both checks, and the mistakes the gate exists for
 * (a misspelt element, a dangling resid, a URL to a file the build does not emit, a button with
 * no handler) make it fail.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest } from "../../scripts/manifest-check";
import { REPORT_COMMANDS } from "../../src/commands/commands";

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const schema = path.join(root, "schemas", "manifest", "OfficeAppManifestV1_1.xsd");

// What `npm run build` emits that the manifest refers to (webpack.config.js).
const BUILT = new Set([
  "taskpane.html", "commands.html", "functions.html", "functions.js", "functions.json", "functions.zh-CN.json", "help.html",
  "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png",
]);
const opts = { baseUrl: "https://localhost:3000", emitted: (p: string) => BUILT.has(p), associatedCommands: new Set<string>(REPORT_COMMANDS) };

function xmllint(xml: string): { ok: boolean; out: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (r.error) throw new Error("xmllint is required for this test (apt-get install -y libxml2-utils)");
  const out = `${r.stdout}${r.stderr}`;
  return { ok: r.status === 0 && / validates\s*$/.test(out.trim()), out };
}

test("the shipped manifest matches the Office schema", () => {
  expect(xmllint(manifest)).toEqual({ ok: true, out: expect.stringContaining("validates") });
});

test("the shipped manifest passes our own checks", () => {
  expect(checkManifest(manifest, opts)).toEqual([]);
});

test("a misspelt element fails the schema check", () => {
  const broken = manifest.replace("<DisplayName ", "<DispalyName ").replace("</DisplayName>", "</DispalyName>");
  expect(broken).not.toBe(manifest);
  const r = xmllint(broken);
  expect(r.ok).toBe(false);
  expect(r.out).toContain("DispalyName");
});

test("a dangling resid is reported with its line", () => {
  const broken = manifest.replace('<Label resid="Tab.Label"/>', '<Label resid="Tab.Lable"/>');
  const problems = checkManifest(broken, opts);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ message: expect.stringContaining('resid "Tab.Lable" does not name') }),
      expect.objectContaining({ message: expect.stringContaining('"Tab.Label" is defined but never used') }),
    ])
  );
  expect(problems.find((p) => p.message.includes("Tab.Lable"))?.where).toMatch(/^line \d+$/);
});

test("a URL to a file the build does not emit is reported", () => {
  const broken = manifest.replace("https://localhost:3000/functions.json", "https://localhost:3000/function.json");
  expect(checkManifest(broken, opts).map((p) => p.message)).toEqual([
    'URL https://localhost:3000/function.json points at "function.json", which the build does not emit',
  ]);
});

test("a URL on another origin is reported", () => {
  const broken = manifest.replace("https://localhost:3000/help.html\"/>\n        <bt:Url id=\"Commands.Url\"", "https://example.com/help.html\"/>\n        <bt:Url id=\"Commands.Url\"");
  expect(broken).not.toBe(manifest);
  expect(checkManifest(broken, opts).map((p) => p.message)).toEqual(["URL https://example.com/help.html is not on the add-in's origin https://localhost:3000"]);
});

test("a button whose function has no handler is reported", () => {
  const broken = manifest.replace("<FunctionName>agingAnalysis</FunctionName>", "<FunctionName>agingAnalysys</FunctionName>");
  expect(checkManifest(broken, opts).map((p) => p.message)).toEqual(['ExecuteFunction "agingAnalysys" has no handler registered with Office.actions.associate']);
});

test("a short string over Office's 125-character limit is reported", () => {
  const long = "x".repeat(126);
  const broken = manifest.replace('DefaultValue="Receivables"', `DefaultValue="${long}"`);
  expect(checkManifest(broken, opts).map((p) => p.message)).toEqual([`"${"x".repeat(30)}…" is 126 characters; the limit is 125`]);
});

test("every ribbon report button is in the manifest with zh-CN labels", () => {
  for (const name of REPORT_COMMANDS) expect(manifest).toContain(`<FunctionName>${name}</FunctionName>`);
  const stringBlocks = [...manifest.matchAll(/<bt:(?:ShortStrings|LongStrings)>([\s\S]*?)<\/bt:(?:ShortStrings|LongStrings)>/g)].map((m) => m[1]).join("\n");
  const zhOverrides = stringBlocks.match(/<bt:Override Locale="zh-CN"/g) ?? [];
  const strings = stringBlocks.match(/<bt:String id=/g) ?? [];
  // Every display string but the function namespace ("AR") has a zh-CN override.
  expect(zhOverrides.length).toBe(strings.length - 1);
  // And the functions' metadata has its zh-CN file (test/functions/help-and-locale.test.ts).
  expect(manifest).toContain('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>');
});
