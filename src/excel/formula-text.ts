/**
 * How a formula calling one of the add-in's custom functions comes back from `Range.formulas`,
 * made comparable with what was written. The text is the host's and undocumented: the namespace
 * may come back in another case, and hosts have been seen to prefix the function with `_xludf.`
 * or `_xlfn.`, or to rename it `_xldudf_AR_CREDIT_SCORE` (office-js issues #2051, #5611), even
 * `[2]!_xldudf_AR_CREDIT_SCORE` (#2568). All of these read as `AR.CREDIT_SCORE`.
 */

/** The custom functions' namespace (manifest.xml, Functions.Namespace). */
export const FUNCTIONS_NAMESPACE = "AR";

const CALL = new RegExp(String.raw`(?:_xlfn\.|_xludf\.)*(?:(?:\[\d+\]!)?_xldudf_${FUNCTIONS_NAMESPACE}_|${FUNCTIONS_NAMESPACE}\.)([A-Z0-9_]+)\(`, "gi");

/** A formula with every call of the add-in's functions spelt "AR.NAME(" (anything else as it was). */
export function canonicalFormula(formula: string): string {
  if (!formula.startsWith("=")) return formula;
  // Outside string literals only: "…" pieces are kept as they are.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(CALL, (_, name: string) => `${FUNCTIONS_NAMESPACE}.${name.toUpperCase()}(`)))
    .join("");
}
