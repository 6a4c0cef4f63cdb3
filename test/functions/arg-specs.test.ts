/**
 * Each function's argument table (src/functions/args.ts, one next to each function) against what
 * Excel is told: the generated metadata's parameters and the JSDoc @param lines it comes from.
 * Excel passes arguments by position, and the bodies read them by the table's order, so a table
 * out of step with its @params would hand one argument's value to another's name.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { agingClassFn, ARG_SPECS, provisionFn } from "../../src/functions/functions";
import { errorIn, one } from "./excel";
import { serial } from "../helpers/serial-dates";

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

interface Fn {
  name: string;
  parameters: { name: string; optional?: boolean }[];
}

let functions: Fn[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
});

/** The table's parameters as "name" or "name?" for an optional one, in order. */
function specParams(name: string): string[] {
  return Object.entries(ARG_SPECS[name] ?? {}).map(([param, arg]) => param + (arg.optional ? "?" : ""));
}

test("every function has an argument table, and every table a function", () => {
  expect(Object.keys(ARG_SPECS).sort()).toEqual(functions.map((f) => f.name).sort());
});

test("each table's names, order and optional arguments are the metadata's parameters", () => {
  for (const f of functions) {
    expect([f.name, specParams(f.name)]).toEqual([f.name, f.parameters.map((p) => p.name + (p.optional ? "?" : ""))]);
  }
});

test("each table's names are the JSDoc @param names, in order ([name] for an optional one)", () => {
  const source = readFileSync(SOURCE, "utf8");
  const blocks = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) => m[1]).filter((b) => b.includes("@customfunction"));
  expect(blocks.length).toBe(Object.keys(ARG_SPECS).length);
  for (const block of blocks) {
    const name = /@customfunction\s+(\w+)/.exec(block)![1];
    const params = [...block.matchAll(/@param\s+(\[?)(\w+)\]?/g)].map((m) => m[2] + (m[1] ? "?" : ""));
    expect([name, specParams(name)]).toEqual([name, params]);
  }
});

test("every argument says what a blank gives; call-wide arguments are never an empty result", () => {
  for (const [name, spec] of Object.entries(ARG_SPECS)) {
    for (const [param, arg] of Object.entries(spec)) {
      expect([name, param, ["empty result", "default", "to the core", "error"].includes(arg.blank)]).toEqual([name, param, true]);
      if (arg.scope === "call") expect([name, param, arg.blank]).not.toEqual([name, param, "empty result"]);
    }
  }
});

describe("a row is read up to its last argument whose blank empties it, then the rest", () => {
  const asOf = serial(2011, 8, 31);

  test("an error beside a blank date is still the error", () => {
    expect(errorIn(one(agingClassFn([[null]], [["#N/A"]]))).code).toBe("#N/A");
  });

  test("an argument after the row's blank is not read: a blank balance gives an empty result whatever the recovery holds", () => {
    expect(one(provisionFn([[""]], [[serial(2011, 3, 1)]], [[asOf]], undefined, [["#N/A"]]))).toBe("");
  });
});
