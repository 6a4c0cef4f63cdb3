/**
 * Traditional Chinese characters read as their simplified forms, for matching free text (a
 * ledger's status or note, a collection log's result) against the policy's words, which are
 * written in simplified characters. Ledgers kept in Hong Kong, Macao or Taiwan, or typed with a
 * traditional input method, write 宣告破產, 對方明確表示不再付款, 呆帳, 訴訟.
 *
 * Only the characters of the status vocabulary, its hedges and negations, the legal-step and
 * bill words and the aging classes (呆帳, 呆滯, 壞賬) are listed: the mapping serves matching,
 * not conversion. Customer names and document numbers are never mapped (遂寧 and 遂宁 may be two
 * companies' spellings).
 */

// Pairs: traditional, simplified.
const PAIRS =
  "債债務务經经產产進进條条風风險险瀕濒臨临請请絕绝還还償偿確确簽签營营狀状況况劇剧惡恶長长沒没轉转嚴严資资難难業业災灾內内復复複复颱台臺台並并從从無无屬属於于銷销餘余財财實实弔吊執执註注訴诉訟讼訂订單单蹤踪遺遗義义決决書书終终結结擔担憂忧許许暫暂時时認认會会對对帳账賬账額额據据協协調调議议聯联繫系電电話话與与應应歸归兌兑貼贴託托現现讓让師师強强滯滞壞坏";

const MAP = new Map<number, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS.charCodeAt(i), PAIRS[i + 1]);

const TRADITIONAL = new RegExp(`[${[...MAP.keys()].map((c) => String.fromCharCode(c)).join("")}]`, "g");

/** `text` with the listed traditional characters in their simplified forms; the same string when it has none. */
export function simplifiedForMatching(text: string): string {
  TRADITIONAL.lastIndex = 0;
  if (!TRADITIONAL.test(text)) return text;
  TRADITIONAL.lastIndex = 0;
  return text.replace(TRADITIONAL, (c) => MAP.get(c.charCodeAt(0)) ?? c);
}
