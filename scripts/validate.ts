/**
 * `npm run validate`: the manifest, offline. 1) xmllint against the Office add-in XSDs in
 * schemas/manifest (a copy of ../shared/manifest-schemas); 2) our own checks on the built
 * dist/ (scripts/manifest-check.ts). xmllint's verdict is read from its output as well as its
 * exit code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "./manifest-check";
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
  baseUrl: "https://localhost:3000",
  emitted: (p) => fs.existsSync(path.join(dist, p)) && fs.statSync(path.join(dist, p)).isFile(),
  associatedCommands: new Set<string>(REPORT_COMMANDS),
});
const functionsJson = path.join(dist, "functions.json");
if (fs.existsSync(functionsJson)) {
  const meta = JSON.parse(fs.readFileSync(functionsJson, "utf8")) as { functions?: unknown[] };
  if (!Array.isArray(meta.functions) || meta.functions.length === 0) problems.push({ where: "dist/functions.json", message: "lists no custom functions" });
}
if (problems.length > 0) fail(`manifest problems:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
process.stdout.write("validate: every resid resolves, every URL is a built file, every command has a handler\n");
