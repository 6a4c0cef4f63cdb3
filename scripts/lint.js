#!/usr/bin/env node
// Runs office-addin-lint (eslint with eslint.config.mjs: the Office add-in rules, typescript-eslint's
// promise rules with type information, the rules of hooks) over src/, test/, bench/ and scripts/ (TypeScript), and fails on any
// reported problem: Office's CLI tools can print errors and still exit 0, so the output is read too.
const { spawnSync } = require("child_process");
const path = require("path");

const cli = path.join(__dirname, "..", "node_modules", "office-addin-lint", "lib", "cli.js");
const r = spawnSync(process.execPath, [cli, "check", "--files", "{src,test,bench,scripts}/**/*.{ts,tsx}"], {
  encoding: "utf8",
  env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_IN: "false" },
});
const out = `${r.stdout || ""}${r.stderr || ""}`;
process.stdout.write(out);
if (r.error || r.status !== 0 || /\b\d+ problems?\b|\berror\b/i.test(out)) {
  process.stderr.write("lint: failed\n");
  process.exit(1);
}
process.stdout.write("lint: no problems\n");
