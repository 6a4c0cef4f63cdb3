/**
 * The custom functions' metadata beyond what custom-functions-metadata generates (issue 18):
 *
 * - every function's helpUrl: an anchor on the add-in's own help.html, on the manifest's origin;
 * - the function section of help.html, rendered from functions.json and the zh-CN table, so the
 *   page has an anchor per function and cannot drift from the metadata;
 * - functions.zh-CN.json, the metadata Excel shows while typing in a Chinese Excel: functions.json
 *   with the descriptions from src/i18n/function-descriptions.zh-CN.json. Office localizes only
 *   `name` and `description` (the `id` never changes); the names stay the English ones, so a
 *   formula (and the README's, the reports') reads the same in every display language;
 * - the check `npm run validate` and the tests make on the two files.
 *
 * Plain CommonJS, because webpack.config.js runs it; function-metadata.d.ts types it for the
 * TypeScript callers (scripts/validate.ts, the tests).
 */
const fs = require("fs");
const path = require("path");

/** The origin of every URL in manifest.xml (scripts/validate.ts checks the manifest against it). */
const ADDIN_ORIGIN = "https://localhost:3000";
/** The manifest's Functions.Namespace. */
const NAMESPACE = "AR";
const HELP_PAGE = "help.html";
/** Where src/help.html takes the generated function section. */
const HELP_MARKER = "<!-- custom-functions -->";
const ZH_TABLE = path.join(__dirname, "..", "src", "i18n", "function-descriptions.zh-CN.json");
const HELP_TEMPLATE = path.join(__dirname, "..", "src", "help.html");

/** The help page's anchor for a function: ar-aging_class for AGING_CLASS. */
function anchorOf(name) {
  return `${NAMESPACE}-${name}`.toLowerCase();
}

/** The helpUrl every function's metadata must carry. */
function helpUrlOf(name) {
  return `${ADDIN_ORIGIN}/${HELP_PAGE}#${anchorOf(name)}`;
}

function readZhTable(file = ZH_TABLE) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const HAN = /[\u3400-\u9fff]/;

/** Problems with one zh-CN description: empty, without Chinese, or with the variant 帐 (the product writes 账). */
function zhTextProblem(text) {
  if (typeof text !== "string" || text.trim() === "") return "is empty";
  if (!HAN.test(text)) return `is not Chinese: "${text}"`;
  if (text.includes("帐")) return `writes 帐; the product writes 账: "${text}"`;
  return null;
}

/**
 * Problems of functions.json itself for this add-in: every function has the helpUrl of its anchor.
 * @returns {string[]}
 */
function helpUrlProblems(metadata) {
  const problems = [];
  for (const f of metadata.functions || []) {
    if (f.helpUrl !== helpUrlOf(f.name)) problems.push(`${f.id}: helpUrl is ${f.helpUrl === undefined ? "missing" : `"${f.helpUrl}"`}; expected "${helpUrlOf(f.name)}" (@helpurl in src/functions/functions.ts)`);
  }
  return problems;
}

/**
 * functions.zh-CN.json from functions.json and the zh-CN table. Problems for a function or a
 * parameter the table lacks or has beyond the metadata, and for a description that is not Chinese.
 * @returns {{ metadata: object, problems: string[] }}
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const out = JSON.parse(JSON.stringify(metadata));
  const ids = new Set(out.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id}: in the zh-CN table but not a custom function`);
  for (const f of out.functions) {
    const entry = table[f.id];
    if (!entry) {
      problems.push(`${f.id}: no zh-CN description`);
      continue;
    }
    f.description = entry.description;
    const p = zhTextProblem(entry.description);
    if (p) problems.push(`${f.id}: the zh-CN description ${p}`);
    const given = entry.parameters || {};
    const names = new Set(f.parameters.map((q) => q.name));
    for (const name of Object.keys(given)) if (!names.has(name)) problems.push(`${f.id}(${name}): in the zh-CN table but not a parameter`);
    for (const q of f.parameters) {
      if (!(q.name in given)) {
        problems.push(`${f.id}(${q.name}): no zh-CN description`);
        continue;
      }
      q.description = given[q.name];
      const pp = zhTextProblem(given[q.name]);
      if (pp) problems.push(`${f.id}(${q.name}): the zh-CN description ${pp}`);
    }
  }
  return { metadata: out, problems };
}

function withoutDescriptions(f) {
  const copy = JSON.parse(JSON.stringify(f));
  delete copy.description;
  for (const q of copy.parameters || []) delete q.description;
  return copy;
}

/**
 * What `npm run validate` checks of the built pair: the zh-CN metadata has exactly the functions
 * of functions.json, in order, each identical but for its descriptions (same id, name, helpUrl,
 * result, options, and parameters with the same names, types, dimensionality and optionality),
 * and every description of it is non-empty Chinese.
 * @returns {string[]}
 */
function compareLocalized(en, zh) {
  const problems = [];
  const enFns = en.functions || [];
  const zhFns = (zh && zh.functions) || [];
  const enIds = enFns.map((f) => f.id);
  const zhIds = zhFns.map((f) => f.id);
  if (JSON.stringify(enIds) !== JSON.stringify(zhIds)) problems.push(`the functions differ: functions.json has ${enIds.join(", ")}; functions.zh-CN.json has ${zhIds.join(", ") || "none"}`);
  const zhById = new Map(zhFns.map((f) => [f.id, f]));
  for (const f of enFns) {
    const z = zhById.get(f.id);
    if (!z) continue;
    const a = withoutDescriptions(f);
    const b = withoutDescriptions(z);
    const names = (fn) => (fn.parameters || []).map((q) => q.name).join(", ");
    if (names(a) !== names(b)) problems.push(`${f.id}: the parameters differ: (${names(a)}) in functions.json, (${names(b)}) in functions.zh-CN.json`);
    else {
      a.parameters.forEach((q, k) => {
        const r = b.parameters[k];
        if (JSON.stringify(q) !== JSON.stringify(r)) problems.push(`${f.id}(${q.name}): the parameter differs beyond its description: ${JSON.stringify(q)} vs ${JSON.stringify(r)}`);
      });
    }
    delete a.parameters;
    delete b.parameters;
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${f.id}: differs beyond its descriptions: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    const p = zhTextProblem(z.description);
    if (p) problems.push(`${f.id}: the description ${p}`);
    for (const q of z.parameters || []) {
      const pp = zhTextProblem(q.description);
      if (pp) problems.push(`${f.id}(${q.name}): the description ${pp}`);
    }
  }
  const enRest = { ...en, functions: undefined };
  const zhRest = { ...(zh || {}), functions: undefined };
  if (JSON.stringify(enRest) !== JSON.stringify(zhRest)) problems.push(`the files differ outside "functions": ${JSON.stringify(enRest)} vs ${JSON.stringify(zhRest)}`);
  return problems;
}

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** AR.AGING_CLASS(due_date, as_of, [status], …): the signature as the README writes it. */
function signatureOf(f) {
  const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `${NAMESPACE}.${f.name}(${args})`;
}

/** The help page's function section: one <section id="ar-…"> per function, zh-CN and English. */
function helpSection(metadata, table) {
  const lines = ['<h2 id="functions">单元格函数 · Cell functions</h2>'];
  for (const f of metadata.functions) {
    const zh = table[f.id] || { parameters: {} };
    lines.push(`<section id="${anchorOf(f.name)}">`);
    lines.push(`  <h3><code>${escapeHtml(signatureOf(f))}</code></h3>`);
    if (zh.description) lines.push(`  <p lang="zh-CN">${escapeHtml(zh.description)}</p>`);
    lines.push(`  <p lang="en">${escapeHtml(f.description || "")}</p>`);
    if (f.parameters.length > 0) {
      lines.push("  <table>");
      lines.push("    <tr><th>参数 · Parameter</th><th>说明</th><th>Description</th></tr>");
      for (const p of f.parameters) {
        const name = p.optional ? `[${p.name}]` : p.name;
        lines.push(`    <tr><td><code>${escapeHtml(name)}</code></td><td lang="zh-CN">${escapeHtml((zh.parameters || {})[p.name] || "")}</td><td lang="en">${escapeHtml(p.description || "")}</td></tr>`);
      }
      lines.push("  </table>");
    }
    lines.push("</section>");
  }
  return lines.join("\n");
}

/** help.html: src/help.html with its marker replaced by the function section. */
function renderHelp(template, metadata, table) {
  if (!template.includes(HELP_MARKER)) throw new Error(`src/help.html has no ${HELP_MARKER} marker for the function section`);
  return template.replace(HELP_MARKER, () => helpSection(metadata, table));
}

/** The ids a page defines (id="…", or id=… as the production build's minified help.html writes them), to check a helpUrl's anchor against. */
function anchorsIn(html) {
  return new Set([...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]));
}

/**
 * webpack: after custom-functions-metadata-plugin has added functions.json, emit
 * functions.zh-CN.json and help.html from it; a missing helpUrl or zh-CN description fails the build.
 */
class FunctionMetadataPlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(ZH_TABLE);
        compilation.fileDependencies.add(HELP_TEMPLATE);
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the metadata plugin reported its own errors
        try {
          const metadata = JSON.parse(asset.source.source().toString());
          const table = readZhTable();
          const { metadata: zh, problems } = localizeMetadata(metadata, table);
          problems.push(...helpUrlProblems(metadata));
          for (const p of problems) compilation.errors.push(new WebpackError(`functions metadata: ${p}`));
          compilation.emitAsset("functions.zh-CN.json", new sources.RawSource(JSON.stringify(zh, null, 4)));
          compilation.emitAsset(HELP_PAGE, new sources.RawSource(renderHelp(fs.readFileSync(HELP_TEMPLATE, "utf8"), metadata, table)));
        } catch (e) {
          compilation.errors.push(new WebpackError(`functions metadata: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}

module.exports = {
  ADDIN_ORIGIN,
  NAMESPACE,
  HELP_PAGE,
  HELP_MARKER,
  ZH_TABLE,
  HELP_TEMPLATE,
  anchorOf,
  helpUrlOf,
  readZhTable,
  zhTextProblem,
  helpUrlProblems,
  localizeMetadata,
  compareLocalized,
  helpSection,
  renderHelp,
  anchorsIn,
  FunctionMetadataPlugin,
};
