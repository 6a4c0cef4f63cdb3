/**
 * functions.json as the build generates it (custom-functions-metadata, the generator the webpack
 * plugin runs): every function the issue names is there, described, with described parameters,
 * and `any` only where a parameter must take mixed values.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

let functions: Fn[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"), false);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
});

const REQUIRED: Record<string, string[]> = {
  AGING_CLASS: ["due_date", "as_of", "status?", "thresholds?", "language?"],
  DAYS_PAST_DUE: ["due_date", "as_of"],
  AGING_BAND: ["date_arisen", "as_of", "bands?", "language?"],
  PROVISION: ["balance", "date_arisen", "as_of", "rate_table?", "expected_recovery?", "status?"],
  CREDIT_SCORE: ["answers", "weights?", "rater_weights?"],
  CREDIT_GRADE: ["score", "bands?"],
  COLLECTION_ACTION: ["recovery_probability", "language?", "policy?"],
  WRITE_OFF_ELIGIBLE: ["due_date", "as_of", "status?", "policy?"],
  DISCOUNT_INTEREST: ["face", "discount_date", "maturity_date", "annual_rate", "policy?"],
  AMOUNT_IN_WORDS: ["amount"],
  DUE_DATE: ["date_arisen", "credit_days?", "policy?"],
  TAX_FILING_DEADLINE: ["loss_date", "policy?"],
};

test("the README's function table gives every function with the metadata's parameters, and no other", () => {
  // README.md, "Custom functions": | `AR.NAME(a, [b])` | … — the signature column as users read it.
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `AR\.([A-Z_]+)\(([^)]*)\)` \|/gm)].map((m) => [m[1], m[2].split(",").map((a) => a.trim()).filter((a) => a !== "")] as const);
  const documented = new Map(rows.map(([name, args]) => [name, args.map((a) => (a.startsWith("[") ? `${a.slice(1, -1)}?` : a))]));
  expect(rows.length).toBe(documented.size); // each function once
  expect(new Map(functions.map((f) => [f.name, f.parameters.map((p) => p.name + (p.optional ? "?" : ""))]))).toEqual(documented);
});

test("every function the product promises is there, with its parameters in order", () => {
  const byName = new Map(functions.map((f) => [f.name, f]));
  for (const [name, params] of Object.entries(REQUIRED)) {
    const f = byName.get(name);
    expect(f).toBeDefined();
    expect(f!.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
  }
});

test("every function and parameter has a description", () => {
  for (const f of functions) {
    expect(f.description?.length ?? 0).toBeGreaterThan(20);
    for (const p of f.parameters) expect([f.name, p.name, (p.description ?? "").length > 10]).toEqual([f.name, p.name, true]);
  }
});

test("`any` only for cells or ranges of mixed values (dates, amounts, answers), always as a range", () => {
  for (const f of functions) {
    for (const p of f.parameters) {
      if (p.type === "any" || p.type === undefined) expect([f.name, p.name, p.dimensionality]).toEqual([f.name, p.name, "matrix"]);
    }
  }
  // Languages are text, never any.
  const langs = functions.flatMap((f) => f.parameters.filter((p) => p.name === "language"));
  expect(langs.length).toBeGreaterThan(0);
  for (const p of langs) expect(p.type).toBe("string");
});
