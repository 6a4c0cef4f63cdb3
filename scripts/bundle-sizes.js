#!/usr/bin/env node
// Prints the gzipped size of each bundle and fails when one is over its budget
// (issue: functions ≤ 60 KB gzipped, task pane ≤ 300 KB gzipped).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// commands.js carries the core and the report writers (the ribbon builds reports itself), hence its own budget.
const BUDGETS_KB = { "functions.js": 60, "taskpane.js": 300, "commands.js": 250, "preview.js": 400, "outcome.js": 10 };
const dist = path.join(__dirname, "..", "dist");
let over = false;
for (const [file, budget] of Object.entries(BUDGETS_KB)) {
  const p = path.join(dist, file);
  if (!fs.existsSync(p)) {
    console.error(`bundle-sizes: ${file} was not built`);
    over = true;
    continue;
  }
  const raw = fs.readFileSync(p);
  const gz = zlib.gzipSync(raw, { level: 9 }).length / 1024;
  const ok = gz <= budget;
  if (!ok) over = true;
  console.log(`SIZE ${file} ${(raw.length / 1024).toFixed(1)} KB raw, ${gz.toFixed(1)} KB gzipped (budget <= ${budget} KB)${ok ? "" : "  OVER BUDGET"}`);
}
// The chunks the pane loads on demand (the Credit and Notices tabs, the check's worker): sizes for the record.
for (const file of fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !(f in BUDGETS_KB)).sort()) {
  const raw = fs.readFileSync(path.join(dist, file));
  console.log(`SIZE chunk ${file} ${(raw.length / 1024).toFixed(1)} KB raw, ${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB gzipped (loaded on demand)`);
}
process.exit(over ? 1 : 0);
