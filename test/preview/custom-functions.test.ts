/**
 * The preview registers the add-in's functions from the build's own associate calls
 * (src/preview/custom-functions.ts). This replays what the build does — the metadata generator's
 * id → function list, associated through the fake CustomFunctions runtime — and checks that the
 * names the preview gives are the names Excel shows: the manifest's namespace and the metadata's
 * name, for every function in functions.json.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { byFormulaName, FUNCTIONS_NAMESPACE } from "../../src/preview/custom-functions";
import { createFakeExcel, installFakeCustomFunctions, type FakeCustomFunction } from "../../src/preview/fake-excel";

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

interface Metadata {
  functions: { id: string; name: string }[];
}

let metadata: Metadata;
let registered: Record<string, FakeCustomFunction>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
  // What custom-functions-metadata-plugin's loader appends to functions.ts, run against the fake runtime.
  const runtime = installFakeCustomFunctions(globalThis);
  try {
    const exported = functions as unknown as Record<string, FakeCustomFunction>;
    for (const a of result.associate) CustomFunctions.associate(a.id, exported[a.functionName]);
    registered = byFormulaName(runtime.associated);
  } finally {
    runtime.uninstall();
  }
});

test("the namespace is the manifest's", () => {
  const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
  expect(/<bt:String id="Functions\.Namespace" DefaultValue="([^"]+)"/.exec(manifest)?.[1]).toBe(FUNCTIONS_NAMESPACE);
});

test("every function in functions.json is registered under the name Excel shows, and nothing else", () => {
  expect(metadata.functions.length).toBeGreaterThan(0);
  // The preview names a function by its associate id; Excel by the metadata's name.
  for (const f of metadata.functions) expect(f.name).toBe(f.id);
  expect(Object.keys(registered).sort()).toEqual(metadata.functions.map((f) => `${FUNCTIONS_NAMESPACE}.${f.name}`.toUpperCase()).sort());
  expect(registered["AR.CREDIT_SCORE"]).toBe(functions.creditScoreFn);
});

test("registered, they compute in the fake's formulas", () => {
  const fake = createFakeExcel({ sheets: [{ name: "S", cells: { A1: 909600, A2: 0.95 } }] }, { functions: registered });
  const s = fake.workbook.getSheet("S");
  s.setFormula("B1", "=AR.AMOUNT_IN_WORDS(A1)");
  s.setFormula("B2", '=AR.COLLECTION_ACTION(A2,"en-US")');
  s.setFormula("B3", "=AR.COLLECTION_ACTION(A2)");
  s.setFormula("B4", '=AR.DUE_DATE("2025-01-31",30)');
  expect(s.values("B1:B4")).toEqual([["玖拾万玖仟陆佰元整"], ["Do not disturb the customer; wait for payment"], ["一般不打扰客户，等待客户主动付款"], [45718]]);
});
