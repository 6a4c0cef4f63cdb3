/**
 * Traditional Chinese characters read as their simplified forms, for matching free text (a
 * ledger's status or note, a collection log's result) against the policy's words, which are
 * written in simplified characters. Ledgers kept in Hong Kong, Macao or Taiwan, or typed with a
 * traditional input method, write 宣告破產, 對方明確表示不再付款, 呆帳, 訴訟.
 *
 * Only the characters of the status vocabulary, its hedges and negations, the legal-step and
 * bill words, the aging classes (呆帳, 呆滯, 壞賬), and the ledger's own words (its headers
 * 單位名稱, 發生日期, 應收金額, 餘額; its units 萬元; its special lines 小計, 合計, 承前頁, 結轉下年,
 * 製表人, 審核) are listed: the mapping serves matching, not conversion. Customer names and
 * document numbers are never mapped (遂寧 and 遂宁 may be two companies' spellings).
 */

// Pairs: traditional, simplified.
const PAIRS =
  "債债務务經经產产進进條条風风險险瀕濒臨临請请絕绝還还償偿確确簽签營营狀状況况劇剧惡恶長长沒没轉转嚴严資资難难業业災灾內内復复複复颱台臺台並并從从無无屬属於于銷销餘余財财實实弔吊執执註注訴诉訟讼訂订單单蹤踪遺遗義义決决書书終终結结擔担憂忧許许暫暂時时認认會会對对帳账賬账額额據据協协調调議议聯联繫系電电話话與与應应歸归兌兑貼贴託托現现讓让師师強强滯滞壞坏" +
  // The ledger's headers, units and special lines.
  "稱称發发貨货購购買买賣卖價价稅税編编號号碼码證证憑凭記记錄录貸贷備备員员門门項项簡简際际幣币種种減减準准預预損损級级別别說说類类來来關关審审監监納纳間间報报匯汇彙汇億亿萬万計计頁页總总過过製制戶户齡龄態态開开費费專专區区廠厂續续負负責责欄栏筆笔數数週周處处後后銀银約约評评係系辦办掛挂當当組组劃划";

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
