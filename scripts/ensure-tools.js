#!/usr/bin/env node
// Pre-test step: the tests need Chromium (end-to-end), xmllint (manifest), LibreOffice and
// poppler (a report workbook rendered to PDF and PNG) and a CJK font (so zh-CN screenshots and
// reports show characters, not boxes). Where they are
// missing, install them with apt-get when we are root on Debian; otherwise say exactly what to
// install and fail, rather than skipping tests.
const { spawnSync } = require("child_process");
const fs = require("fs");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const has = (cmd, args = ["--version"]) => !spawnSync(cmd, args, { stdio: "ignore" }).error;

const missing = [];
if (!fs.existsSync(chromium)) missing.push({ pkg: "chromium", what: `Chromium at ${chromium}` });
if (!has("xmllint")) missing.push({ pkg: "libxml2-utils", what: "xmllint" });
if (!has("soffice", ["--version"])) missing.push({ pkg: "libreoffice-calc", what: "LibreOffice (soffice)" });
if (!has("pdftoppm", ["-v"])) missing.push({ pkg: "poppler-utils", what: "pdftoppm" });
const cjkFont = () => {
  const r = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return !r.error && r.stdout.trim().length > 0;
};
if (!cjkFont()) missing.push({ pkg: "fonts-wqy-microhei", what: "a Chinese font" });
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && has("apt-get", ["--version"])) {
  console.log(`pretest: installing ${pkgs.join(" ")} (missing: ${missing.map((m) => m.what).join(", ")})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", ...pkgs], { stdio: "inherit", env });
  if (install && install.status === 0 && fs.existsSync(chromium) && has("xmllint") && has("soffice", ["--version"]) && has("pdftoppm", ["-v"]) && cjkFont()) process.exit(0);
  console.error(`pretest: apt-get could not install ${pkgs.join(" ")}.`);
}
console.error(
  `pretest: missing ${missing.map((m) => m.what).join(" and ")}.\n` +
    `  Debian/Ubuntu: sudo apt-get install -y ${pkgs.join(" ")}\n` +
    "  Elsewhere: install Chromium, libxml2's xmllint, LibreOffice, poppler's pdftoppm and a Chinese font, and set CHROMIUM_PATH to the Chromium binary."
);
process.exit(1);
