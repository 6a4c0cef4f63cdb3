/** "1 item" / "3 items", "1 条" / "3 条": the singular wording for one, the plural template ({n}) otherwise. */
import { format } from "../../i18n";

export function countText(n: number, one: string, many: string): string {
  return n === 1 ? one : format(many, { n });
}
