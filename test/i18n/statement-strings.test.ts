import { STATEMENT_STRINGS } from "../../src/i18n/statement";

function keyPaths(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(o: unknown): string[] {
  if (typeof o !== "object" || o === null) return [o as string];
  return Object.values(o).flatMap(leaves);
}

test("the statement's wording: the same keys in both languages, none empty, 账 never 帐", () => {
  const zh = STATEMENT_STRINGS["zh-CN"];
  const en = STATEMENT_STRINGS["en-US"];
  expect(keyPaths(zh).sort()).toEqual(keyPaths(en).sort());
  for (const v of [...leaves(zh), ...leaves(en)]) expect(v.trim()).not.toBe("");
  expect(leaves(zh).filter((v) => v.includes("帐"))).toEqual([]);
  // The reply slip confirms or disputes the balance, with the amount and the reason.
  expect(zh.agree.startsWith("1. 余额相符")).toBe(true);
  expect(zh.disagree.startsWith("2. 余额不符，不符金额及原因")).toBe(true);
});
