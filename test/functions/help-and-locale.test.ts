/**
 * Issue 18, Excel-native polish: every function's helpUrl is an anchor of the help page the add-in
 * serves, and the zh-CN metadata (functions.zh-CN.json, the manifest's zh-CN override) describes
 * every function and parameter in Chinese. Built here as the build builds them
 * (scripts/function-metadata.js on the generator's functions.json), without running webpack.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ADDIN_ORIGIN,
  anchorOf,
  anchorsIn,
  compareLocalized,
  HELP_TEMPLATE,
  helpUrlProblems,
  localizeMetadata,
  NAMESPACE,
  readZhTable,
  renderHelp,
  type FunctionsMetadata,
  type ZhTable,
} from "../../scripts/function-metadata";

const root = path.resolve(__dirname, "../..");
let en: FunctionsMetadata;
let table: ZhTable;
let zh: FunctionsMetadata;
let help: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(root, "src/functions/functions.ts"), false);
  expect(result.errors).toEqual([]);
  en = JSON.parse(result.metadataJson) as FunctionsMetadata;
  table = readZhTable();
  const localized = localizeMetadata(en, table);
  expect(localized.problems).toEqual([]);
  zh = localized.metadata;
  help = renderHelp(readFileSync(HELP_TEMPLATE, "utf8"), en, table);
});

const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

test("the help page's origin and namespace are the manifest's", () => {
  expect(/<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1]).toBe(`${ADDIN_ORIGIN}/functions.json`);
  expect(manifest).toContain(`<SupportUrl DefaultValue="${ADDIN_ORIGIN}/help.html"/>`);
  expect(/<bt:String id="Functions\.Namespace" DefaultValue="([^"]+)"/.exec(manifest)?.[1]).toBe(NAMESPACE);
});

test("every function has a helpUrl on the add-in's help page whose anchor the page defines", () => {
  expect(en.functions.length).toBeGreaterThanOrEqual(16);
  expect(helpUrlProblems(en)).toEqual([]);
  const anchors = anchorsIn(help);
  for (const f of en.functions) {
    const url = new URL(f.helpUrl ?? "");
    expect([f.id, url.origin, url.pathname]).toEqual([f.id, ADDIN_ORIGIN, "/help.html"]);
    expect([f.id, anchors.has(url.hash.slice(1))]).toEqual([f.id, true]);
    expect(url.hash).toBe(`#${anchorOf(f.name)}`);
  }
});

test("the help page's section for a function gives its signature and both descriptions", () => {
  const section = new RegExp(`<section id="ar-provision">([\\s\\S]*?)</section>`).exec(help)?.[1] ?? "";
  expect(section).toContain("AR.PROVISION(balance, date_arisen, as_of, [rate_table], [expected_recovery], [status])");
  expect(section).toContain(table.PROVISION!.description);
  expect(section).toContain("Bad-debt provision for a receivable");
  expect(section).toContain(table.PROVISION!.parameters.status);
  // One section per function, nothing left over from the template.
  expect(help.match(/<section id="ar-/g)?.length).toBe(en.functions.length);
  expect(help).not.toContain("<!-- custom-functions -->");
});

test("anchors are found in the minified page the production build serves", () => {
  expect([...anchorsIn('<section id=ar-provision><h2 id="functions"><a id=\'x\'>')]).toEqual(["ar-provision", "functions", "x"]);
});

test("the zh-CN metadata covers every function and parameter with a Chinese description, and nothing else differs", () => {
  expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  expect(Object.keys(table).sort()).toEqual(en.functions.map((f) => f.id).sort());
  for (const f of zh.functions) {
    expect([f.id, /[\u4e00-\u9fff]/.test(f.description ?? "")]).toEqual([f.id, true]);
    expect(f.name).toBe(f.id); // the id never changes; the names stay those formulas are written with
    for (const p of f.parameters) expect([f.id, p.name, /[\u4e00-\u9fff]/.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
  }
  expect(compareLocalized(en, zh)).toEqual([]);
});

test("the zh-CN descriptions write 账, never 帐", () => {
  const text = JSON.stringify(table);
  expect(text).toContain("账");
  expect(text).not.toContain("帐");
});

test("the manifest points zh-CN Excel at functions.zh-CN.json", () => {
  expect(manifest).toMatch(/<bt:Url id="Functions\.Metadata\.Url" DefaultValue="[^"]+">\s*(?:<!--[\s\S]*?-->\s*)?<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions\.zh-CN\.json"\/>\s*<\/bt:Url>/);
});

describe("the check validate makes catches", () => {
  const copy = (): FunctionsMetadata => JSON.parse(JSON.stringify(zh)) as FunctionsMetadata;

  test("a missing function", () => {
    const z = copy();
    z.functions.pop();
    expect(compareLocalized(en, z).join("\n")).toMatch(/the functions differ/);
  });

  test("a missing, renamed or retyped parameter", () => {
    let z = copy();
    z.functions[0].parameters.pop();
    expect(compareLocalized(en, z).join("\n")).toMatch(/AGING_CLASS: the parameters differ/);
    z = copy();
    z.functions[0].parameters[0].name = "到期日";
    expect(compareLocalized(en, z).join("\n")).toMatch(/AGING_CLASS: the parameters differ/);
    z = copy();
    z.functions[0].parameters[2].optional = false;
    expect(compareLocalized(en, z).join("\n")).toMatch(/AGING_CLASS\(status\): the parameter differs beyond its description/);
  });

  test("a changed id, name or helpUrl", () => {
    let z = copy();
    z.functions[1].name = "逾期天数";
    expect(compareLocalized(en, z).join("\n")).toMatch(/DAYS_PAST_DUE: differs beyond its descriptions/);
    z = copy();
    z.functions[1].helpUrl = "https://localhost:3000/help.html";
    expect(compareLocalized(en, z).join("\n")).toMatch(/DAYS_PAST_DUE: differs beyond its descriptions/);
    z = copy();
    z.functions[1].id = "DAYS_OVERDUE";
    expect(compareLocalized(en, z).join("\n")).toMatch(/the functions differ/);
  });

  test("an empty, English or 帐 description", () => {
    const z = copy();
    z.functions[0].description = "";
    z.functions[1].parameters[0].description = "Due date";
    z.functions[2].parameters[1].description = "记帐日期";
    expect(compareLocalized(en, z)).toEqual([
      "AGING_CLASS: the description is empty",
      'DAYS_PAST_DUE(due_date): the description is not Chinese: "Due date"',
      'AGING_BAND(as_of): the description writes 帐; the product writes 账: "记帐日期"',
    ]);
  });

  test("a table that lacks a function or a parameter, or names one that does not exist", () => {
    const t = JSON.parse(JSON.stringify(table)) as ZhTable;
    delete t.AMOUNT_IN_WORDS;
    delete t.DUE_DATE!.parameters.policy;
    t.DUE_DATE!.parameters.days = "天数";
    t.NOT_A_FUNCTION = { description: "无", parameters: {} };
    expect(localizeMetadata(en, t).problems.sort()).toEqual(
      ["AMOUNT_IN_WORDS: no zh-CN description", "DUE_DATE(days): in the zh-CN table but not a parameter", "DUE_DATE(policy): no zh-CN description", "NOT_A_FUNCTION: in the zh-CN table but not a custom function"].sort()
    );
  });

  test("a function without its helpUrl", () => {
    const e = JSON.parse(JSON.stringify(en)) as FunctionsMetadata;
    delete e.functions[3].helpUrl;
    expect(helpUrlProblems(e)).toEqual([`PROVISION: helpUrl is missing; expected "${ADDIN_ORIGIN}/help.html#ar-provision" (@helpurl in src/functions/functions.ts)`]);
  });
});

test("the build emits help.html and functions.zh-CN.json through the plugin, not a raw copy of src/help.html", () => {
  const config = (require(path.join(root, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => { plugins: object[] })({}, { mode: "production" });
  const { FunctionMetadataPlugin } = require(path.join(root, "scripts/function-metadata.js")) as { FunctionMetadataPlugin: new () => object };
  expect(config.plugins.some((p) => p instanceof FunctionMetadataPlugin)).toBe(true);
  const copied = JSON.stringify(config.plugins.map((p) => (p as { patterns?: unknown }).patterns ?? null));
  expect(copied).toContain("assets/*.png"); // the copy plugin's patterns are where this looks
  expect(copied).not.toContain("src/help.html");
});
