/**
 * Custom functions, namespace AR (manifest: Functions.Namespace). Thin wrappers over src/core;
 * the JSDoc below is what custom-functions-metadata-plugin turns into functions.json.
 */
import { amountInWords } from "../core/capitals";
import { parseMoney } from "../core/money";

/**
 * The amount in Chinese capitals (人民币大写), as written on notices and cheques.
 * @customfunction AMOUNT_IN_WORDS
 * @param amount Amount in yuan: a number, or text such as "90.96万" or "¥1,234.50".
 * @returns The amount in capitals, e.g. 玖拾万玖仟陆佰元整.
 */
export function amountInWordsFn(amount: number | string): string {
  const value = parseMoney(amount, "amount");
  if (value === null) return "";
  return amountInWords(value);
}
