/**
 * `npm run selftest:manifest`: dist/manifest.selftest.xml, the add-in's manifest with the task
 * pane opening on `?selftest=1` (the hidden Self-test tab) and "(self-test)" after its name, for
 * a tester to sideload instead of manifest.xml. Checked with xmllint against the Office XSDs,
 * whose verdict is read from its output as well as its exit code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const out = source
  .replace(/(taskpane\.html)"/g, '$1?selftest=1"')
  .replace(/<DisplayName DefaultValue="([^"]*)">/, '<DisplayName DefaultValue="$1 (self-test)">');
if (!out.includes("taskpane.html?selftest=1")) throw new Error("selftest-manifest: no task pane URL found in manifest.xml");
fs.mkdirSync(path.join(root, "dist"), { recursive: true });
const target = path.join(root, "dist", "manifest.selftest.xml");
fs.writeFileSync(target, out);
const lint = spawnSync("xmllint", ["--noout", "--schema", path.join(root, "schemas", "manifest", "OfficeAppManifestV1_1.xsd"), target], { encoding: "utf8" });
const said = `${lint.stdout}${lint.stderr}`.trim();
if (lint.error || lint.status !== 0 || !/ validates$/m.test(said)) {
  process.stderr.write(`selftest-manifest: ${target} does not match the Office add-in schema:\n${said || String(lint.error)}\n`);
  process.exit(1);
}
process.stdout.write(`selftest-manifest: wrote ${path.relative(root, target)} (validated with xmllint)\n`);
