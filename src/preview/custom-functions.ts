/**
 * The add-in's custom functions under the names a formula uses. The build appends a
 * `CustomFunctions.associate(id, fn)` call for every @customfunction to src/functions/functions.ts
 * (custom-functions-metadata-plugin), so what was associated is exactly what Excel is given;
 * Excel then shows each function as the manifest's namespace, a dot and the metadata's name,
 * which for our functions is the id (test/preview/custom-functions.test.ts checks both).
 */
import type { FakeCustomFunction } from "./fake-excel";

/** manifest.xml, Functions.Namespace. */
export const FUNCTIONS_NAMESPACE = "AR";

/** Associated functions by full formula name: "CREDIT_SCORE" → "AR.CREDIT_SCORE". */
export function byFormulaName(associated: ReadonlyMap<string, FakeCustomFunction>, namespace = FUNCTIONS_NAMESPACE): Record<string, FakeCustomFunction> {
  const out: Record<string, FakeCustomFunction> = {};
  for (const [id, fn] of associated) out[`${namespace}.${id}`.toUpperCase()] = fn;
  return out;
}
