/**
 * `npm run validate`: the manifest, offline. 1) xmllint against the Office add-in XSDs in
 * schemas/manifest (a copy of ../shared/manifest-schemas); 2) our own checks on the built
 * dist/ (scripts/manifest-check.ts); 3) the custom functions' metadata (scripts/function-metadata.js):
 * every function's helpUrl is an anchor of the served help.html on the manifest's origin, and
 * functions.zh-CN.json, the manifest's zh-CN override of the metadata URL, has exactly the
 * functions and parameters of functions.json with a Chinese description for each. xmllint's
 * verdict is read from its output as well as its exit code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "./manifest-check";
import { ADDIN_ORIGIN, anchorsIn, compareLocalized, HELP_PAGE, helpUrlProblems, type FunctionsMetadata } from "./function-metadata";
import { REPORT_COMMANDS } from "../src/commands/commands";

const root = path.resolve(__dirname, "..");
const manifestPath = path.join(root, process.argv[2] ?? "manifest.xml");
const schema = path.join(root, "schemas", "manifest", "OfficeAppManifestV1_1.xsd");
const dist = path.join(root, "dist");

function fail(message: string): never {
  process.stderr.write(`validate: ${message}\n`);
  process.exit(1);
}

const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (probe.error) fail("xmllint is not installed. On Debian/Ubuntu: apt-get install -y libxml2-utils (on a Mac it ships with the system).");

const lint = spawnSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
const lintOut = `${lint.stdout}${lint.stderr}`.trim();
if (lint.status !== 0 || !/ validates$/m.test(lintOut)) fail(`the manifest does not match the Office add-in schema:\n${lintOut}`);
process.stdout.write(`validate: ${path.basename(manifestPath)} matches the Office add-in schema (xmllint)\n`);

if (!fs.existsSync(path.join(dist, "taskpane.html"))) fail("no build in dist/: run `npm run build` first.");
const xml = fs.readFileSync(manifestPath, "utf8");
const problems = checkManifest(xml, {
  baseUrl: ADDIN_ORIGIN,
  emitted: (p) => fs.existsSync(path.join(dist, p)) && fs.statSync(path.join(dist, p)).isFile(),
  associatedCommands: new Set<string>(REPORT_COMMANDS),
});
if (problems.length > 0) fail(`manifest problems:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
process.stdout.write("validate: every resid resolves, every URL is a built file, every command has a handler\n");

// The custom functions' metadata, as the build emitted it.
function readJson(file: string): FunctionsMetadata {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) fail(`dist/${file} is missing: run \`npm run build\`.`);
  try {
    return JSON.parse(fs.readFileSync(full, "utf8")) as FunctionsMetadata;
  } catch (e) {
    fail(`dist/${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
const en = readJson("functions.json");
if (!Array.isArray(en.functions) || en.functions.length === 0) fail("dist/functions.json lists no custom functions");
const metaProblems = helpUrlProblems(en).map((m) => `functions.json: ${m}`);
const helpFile = path.join(dist, HELP_PAGE);
const anchors = fs.existsSync(helpFile) ? anchorsIn(fs.readFileSync(helpFile, "utf8")) : new Set<string>();
for (const f of en.functions) {
  const url = f.helpUrl ?? "";
  const hash = url.indexOf("#");
  if (!url.startsWith(`${ADDIN_ORIGIN}/`)) continue; // reported by helpUrlProblems
  if (!fs.existsSync(path.join(dist, url.slice(ADDIN_ORIGIN.length + 1).split(/[?#]/)[0]))) metaProblems.push(`${f.id}: helpUrl ${url} is not a built file`);
  else if (hash < 0 || !anchors.has(url.slice(hash + 1))) metaProblems.push(`${f.id}: helpUrl ${url} names no anchor of dist/${HELP_PAGE}`);
}
// The zh-CN metadata: the manifest must point at it, and it must mirror functions.json.
const override = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<bt:Override Locale="zh-CN" Value="([^"]+)"\/>/.exec(xml);
if (!override) metaProblems.push('manifest.xml: Functions.Metadata.Url has no <bt:Override Locale="zh-CN" Value="…functions.zh-CN.json"/>');
else if (override[1] !== `${ADDIN_ORIGIN}/functions.zh-CN.json`) metaProblems.push(`manifest.xml: the zh-CN metadata override is ${override[1]}, not ${ADDIN_ORIGIN}/functions.zh-CN.json`);
metaProblems.push(...compareLocalized(en, readJson("functions.zh-CN.json")).map((m) => `functions.zh-CN.json: ${m}`));
if (metaProblems.length > 0) fail(`custom functions metadata problems:\n${metaProblems.map((m) => `  ${m}`).join("\n")}`);
process.stdout.write(
  `validate: ${en.functions.length} custom functions, each with a helpUrl anchor in ${HELP_PAGE}; functions.zh-CN.json (the manifest's zh-CN override) has the same functions and parameters, every description Chinese\n`
);
