/**
 * The ledger check's rules in words (core/ledger/findings.ts holds each rule's severity and
 * source): a title, the definition (when exactly the rule fires: the documentation of the rule)
 * and the message templates, `{name}` filled by the parameter of that name; every message starts
 * with `{cell}`, "default" is always present and other keys are variants. Words as the glossary
 * has them (test/i18n/glossary.test.ts).
 */
import { bi, type Bilingual } from "./bilingual";

export interface RuleText {
  title: Bilingual;
  /** When the rule fires, exactly. */
  definition: Bilingual;
  messages: { default: Bilingual } & Record<string, Bilingual>;
}

/** A problem the reading found, carried over as a finding: its own explanation is the {detail}. */
const FROM_READING = bi("{cell}（{label}）：{detail}", "{cell} ({label}): {detail}");

/** Keyed by rule id, in catalogue order (data faults first, then the policy's rules). */
export const RULE_TEXTS: Readonly<Record<string, RuleText>> = {
  "missing-field": {
    title: bi("缺少必填值", "Missing value"),
    definition: bi(
      "该行缺少判断所必需的值：客户、发生日期或到期日（至少一个）、金额或余额（至少一个）；伴随表缺少其必需列的值（客户档案的客户、票据的号码/金额/到期日、催收记录的客户/日期）。",
      "The row lacks a value it needs: the customer, a date arisen or a due date (one of them), an amount or a balance (one of them); in a companion table, a value its schema requires (customer; bill number, face value, maturity; customer and contact date).",
    ),
    messages: { default: FROM_READING },
  },
  "bad-date": {
    title: bi("日期无法识别", "Unreadable date"),
    definition: bi(
      "日期列的单元格不是可识别的日期（只接受含义唯一的写法，如 2011-09-08、2011/9/8、2011年9月8日），或日期不存在。该字段按空白处理，其余照常检查。",
      "A date column's cell is not a date that can mean exactly one day (only spellings with one meaning: 2011-09-08, 2011/9/8, 2011年9月8日…), or the day does not exist. The field is read as blank and the rest of the row is still checked.",
    ),
    messages: { default: FROM_READING },
  },
  "bad-amount": {
    title: bi("金额无法识别", "Unreadable amount"),
    definition: bi(
      "金额列的单元格不是可识别的金额（数字，可带千分位、¥、万/亿、会计括号），或预计可收回金额为负数。该字段按空白处理。",
      "A money column's cell is not an amount (a number, with thousands separators, ¥, 万/亿 or accounting parentheses allowed), or an expected recovery is negative. The field is read as blank.",
    ),
    messages: {
      default: FROM_READING,
      negative: bi("{cell}（{label}）：预计可收回金额 {value} 为负数，已忽略；应为 0 或正数。", "{cell} ({label}): the expected recovery {value} is negative and was ignored; it must be 0 or more."),
    },
  },
  "bad-value": {
    title: bi("数值无法识别", "Unreadable value"),
    definition: bi(
      "天数、比例、是/否或文字列的单元格无法识别（如信用期“三十天”、回收可能性“较高”）。该字段按空白处理。",
      "A days, probability, yes/no or text cell cannot be read (credit days \"thirty\", a probability \"high\"). The field is read as blank.",
    ),
    messages: { default: FROM_READING },
  },
  "excel-error": {
    title: bi("Excel 错误值", "Excel error value"),
    definition: bi("单元格是 Excel 错误值（#N/A、#REF! 等），按空白处理。", "The cell holds an Excel error (#N/A, #REF!...), read as blank."),
    messages: { default: FROM_READING },
  },
  "sub-fen-amount": {
    title: bi("金额有分以下尾数", "Amount finer than a fen"),
    definition: bi(
      "金额单元格的值有分以下的尾数（如 15000.005，常见于公式算出的含税金额），单元格显示的是四舍五入后的数。按原值读取：合计和坏账准备按原值计算，只在最后四舍五入到分一次，与 Excel 的 SUM 一致。报表和结果表的单元格保存原值、按两位小数显示，所以显示的逐笔数之和与合计可能差 0.01。公式运算留下的二进制尾差（如 0.10000000009）按到分的数读取，不报。",
      "A money cell's value has a fraction of a fen (15000.005, as a formula computing an amount with VAT often gives), while the cell shows it rounded. It is read as it is: totals and provisions are computed on the exact value and rounded to the fen once at the end, as Excel's SUM is. Report and result cells hold the exact value shown to two decimals, so the lines as shown may add up to a cent off the total. A formula's binary residue (0.10000000009) is read as the fen it shows and not reported.",
    ),
    messages: { default: FROM_READING },
  },
  "unknown-document": {
    title: bi("收款单据号找不到", "Receipt names an unknown document"),
    definition: bi(
      "收付明细式台账中，一笔收款注明的单据号在该客户的发票中找不到；收款已按先进先出冲销。",
      "In a transactions ledger, a receipt names a document none of the customer's invoices has; it was applied first-in first-out.",
    ),
    messages: { default: FROM_READING },
  },
  "unallocated-receipt": {
    title: bi("无法分配的收款", "Receipt that cannot be applied"),
    definition: bi("收付明细式台账中，一笔收款没有客户，无法冲销任何款项。", "In a transactions ledger, a receipt has no customer and cannot be applied."),
    messages: { default: FROM_READING },
  },
  "control-total-mismatch": {
    title: bi("与台账自身合计不符", "Disagrees with the ledger's own total"),
    definition: bi(
      "台账自己写明的数字（合计、小计、本月合计、本年累计、过次页、结转下年的金额，或逐行的余额）与读取到的明细相差 0.01 元或以上：与上方明细按几种范围（自上一个同名合计起、自上一个合计起、自表首起）求和都对不上，或余额不等于上一行余额 + 借方 − 贷方。说明读取漏读、错读了某些行，或台账本身不平。",
      "A figure the ledger states itself (a total, subtotal, 本月合计, 本年累计, page carry-forward or closing line, or a line's running balance) differs by 0.01 or more from what was read: no sum of the lines above it (since the previous line with the same words, since the previous total, since the top) gives it, or the balance is not the previous line's balance + debit − credit. Either the reading missed or misread lines, or the ledger itself does not add up.",
    ),
    messages: {
      default: bi(
        "{cell}：台账写明“{text}”为 {stated}，读取到的{rows}合计为 {computed}，台账所写{difference}。",
        "{cell}: the ledger states {stated} on its \"{text}\" line, but what was read in {rows} comes to {computed}; the ledger's figure is {difference}.",
      ),
      unreadable: bi(
        "{cell}：台账写明“{text}”为 {stated}，读取到的{rows}合计为 {computed}，台账所写{difference}；其中第 {unreadable} 行的金额无法识别，未计入。",
        "{cell}: the ledger states {stated} on its \"{text}\" line, but what was read in {rows} comes to {computed}; the ledger's figure is {difference}. Row {unreadable} has an amount that could not be read and is not in the sum.",
      ),
      running: bi(
        "{cell}：余额 {stated} 不等于上一行余额（{previousCell}）+ 借方 − 贷方 = {computed}，台账所写{difference}。",
        "{cell}: the balance {stated} is not the previous balance ({previousCell}) + debit − credit = {computed}; the ledger's figure is {difference}.",
      ),
    },
  },
  "reading-mostly-unusable": {
    title: bi("大部分行无法使用", "Most rows could not be used"),
    definition: bi(
      "读取的明细行中超过一半缺少或无法识别客户、日期或金额。以下合计、分类和坏账准备不代表台账；多半是列对应有误或台账格式未被识别。",
      "More than half of the lines read lack, or have unreadable, customer, date or amount. The totals, classes and provisions do not represent the ledger; most likely the columns are mapped wrongly or the layout was not recognised.",
    ),
    messages: {
      default: bi(
        "{cell}：读取的 {total} 行中有 {bad} 行缺少或无法识别客户、日期或金额，只有 {good} 行完整；以下合计、分类和坏账准备不代表台账。请检查列对应（表头在第 {headerRow} 行）。",
        "{cell}: {bad} of the {total} lines read lack, or have unreadable, customer, date or amount, and only {good} are whole; the totals, classes and provisions below do not represent the ledger. Check the column mapping (header in row {headerRow}).",
      ),
    },
  },
  "as-of-inexact": {
    title: bi("截止日视图不精确", "The as-of view cannot be exact"),
    definition: bi(
      "台账记录的收款、核销没有日期（如 ERP 应收单列表的已核销金额），而截止日早于台账中最晚的日期（导出晚于截止日）：截止日之后才发生的核销已从余额中扣除，这些款项在截止日的余额可能被低估。截止日之后的款项已不计入。收款、核销有日期（收款日期、核销日期）且晚于截止日的，其金额按截止日尚未收到计入余额：一次收齐时精确，截止日前另有部分回款时偏高（台账只记最近一次的日期）。",
      "The ledger's settlements carry no dates (an ERP bill list's settled amount), and the as-of date is before the latest date in the ledger (it was exported later): settlements made after the as-of date are already deducted, so those items' balances on the as-of date may be understated. Lines dated after the as-of date are left out. Where a settlement is dated (收款日期, 核销日期) after the as-of date, its amount is counted as still open on it: exact when it was received all at once, too much open where part came before (the ledger dates only the last).",
    ),
    messages: {
      default: bi(
        "{cell}：台账中最晚日期为 {latest}，晚于截止日 {asOf}；已核销金额没有日期，截止日之后的核销无法剔除，{count} 笔有已收或已核销金额的款项按截止日的余额可能偏低。",
        "{cell}: the ledger's latest date is {latest}, after the as-of date {asOf}; its settled amounts have no dates, so settlements after the as-of date cannot be taken out, and {count} items with a received or settled amount may show too little open on the as-of date.",
      ),
      "paid-after": bi(
        "{cell}：截止日为 {asOf}，本行起 {count} 笔款项的回款（核销）日期晚于截止日，其已收金额按截止日尚未收到计入余额。若其中有截止日前收到的部分回款（台账只记最近一次的日期），这些款项按截止日的余额偏高。",
        "{cell}: as of {asOf}, {count} items from this line on were paid (settled) after the as-of date: their amounts received are counted as still open on it. Where part was received on or before the as-of date (the ledger dates only the last payment), they show too much open.",
      ),
      exported: bi(
        "{cell}：台账标明的导出日期为 {latest}，晚于截止日 {asOf}；已核销金额没有日期，截止日之后的核销无法剔除，{count} 笔有已收或已核销金额的款项按截止日的余额可能偏低。",
        "{cell}: the ledger says it was exported on {latest}, after the as-of date {asOf}; its settled amounts have no dates, so settlements after the as-of date cannot be taken out, and {count} items with a received or settled amount may show too little open on the as-of date.",
      ),
      "before-ledger": bi(
        "{cell}：读取的各行都晚于截止日 {asOf}（最早为 {first}）：截止日当天未结清的款项来自本台账期间之前，台账中没有，以下显示为无未结清款项。请同时读取之前各期的工作表（每期从上一期结转），或选用较晚的截止日。",
        "{cell}: every line read is dated after the as-of date {asOf} (the first on {first}): what was open on the as-of date came from before the period this ledger holds, so nothing shows open below. Read the earlier periods' sheets too (each opening from the one before), or take a later as-of date.",
      ),
    },
  },
  "list-dated-before": {
    title: bi("台账截至日早于截止日", "The list stands at an earlier date"),
    definition: bi(
      "台账标题写明本表截至的日期（截至2011年7月31日、明细表（2011年7月31日）、余额表（2011年7月））早于检查的截止日：其后的收款、新增款项和核销都不在表中，按截止日的余额和账龄不准确（收款未扣减时余额偏高）。请用截至该日的台账，或把截止日改为台账的日期。",
      "The list's title says the date it stands at (截至2011年7月31日, 明细表（2011年7月31日）, 余额表（2011年7月）), and that date is before the as-of date: receipts, new items and settlements after it are not in the list, so balances and ages on the as-of date are not right (too much open where receipts are missing). Use a list as at that date, or set the as-of date to the list's.",
    ),
    messages: {
      default: bi(
        "{cell}：台账截至 {listDate}，早于截止日 {asOf}；其后的收款、新增款项和核销不在表中，按截止日的余额和账龄不准确。请用截至 {asOf} 的台账（如另一张工作表），或以 {listDate} 为截止日检查。",
        "{cell}: the list stands at {listDate}, before the as-of date {asOf}; receipts, new items and settlements after it are not in it, so the balances and ages on the as-of date are not right. Use a list as at {asOf} (another sheet, perhaps), or check as of {listDate}.",
      ),
    },
  },
  "opening-balance-dated": {
    title: bi("期初余额按期初日计龄", "Opening balance aged from the period start"),
    definition: bi(
      "期初余额、上年结转行在截止日仍有余额，而工作簿中没有更早的明细说明其来源：按期间开始日（该行的日期，没有时取台账最早的日期）计算账龄，实际账龄只会更长。",
      "An opening-balance line (期初余额, 上年结转) still open on the as-of date, with no earlier lines in the workbook showing where it came from: it is aged from the period's start (its own date, else the ledger's first), so its true age can only be longer.",
    ),
    messages: {
      default: bi(
        "{cell}：“{customer}”的期初余额 {balance} 按期初 {date} 计算账龄；其中款项发生得更早，实际账龄不短于此，可能属于更早的账龄段。",
        "{cell}: \"{customer}\"'s opening balance of {balance} is aged from the start of the period, {date}; what it carries arose earlier, so its true age is at least that, and it may belong in an older band.",
      ),
      "brought-forward": bi(
        "{cell}：“{customer}”承前页结转的余额（之前各页不在工作簿中）按期初 {date} 计算账龄，截止日仍有 {balance} 未收；其中款项发生得更早，实际账龄不短于此，可能属于更早的账龄段。",
        "{cell}: \"{customer}\"'s balance brought forward (承前页), from pages not in the workbook, is aged from the start of the period, {date}, and {balance} of it is still open on the as-of date; what it carries arose earlier, so its true age is at least that, and it may belong in an older band.",
      ),
    },
  },
  "credits-from-balance": {
    title: bi("金额不分借贷，按余额读出收款", "Receipts told from the running balance"),
    definition: bi(
      "台账只有一列金额，发货和收款都写成正数，另有逐行结出的余额：余额比上一行（同一客户）减少了本行金额的，读作收款（贷方）；余额无法判断时（客户的第一行、余额空白或有误），按摘要（收款、回款等）判断。",
      "The ledger has one amount column, sales and receipts both written as positive figures, and a running balance: a line after which the balance fell by its amount (against the same customer's line before) is read as a receipt (a credit); where the balance cannot tell (a customer's first line, a blank or wrong balance), its 摘要 decides (收款, 回款…).",
    ),
    messages: {
      default: bi(
        "{cell}：台账只有一列金额，不分借方、贷方；本行起共 {count} 行（{rows}）因其后余额减少了本行金额或摘要写明收款，按收款（贷方）冲减该客户的应收款。请核对这些行确是收款。",
        "{cell}: the ledger has one amount column, not split into debit and credit; from this line on, {count} line(s) ({rows}) are read as receipts (credits) against the customer's receivables, because the balance fell by their amount or their 摘要 says so. Check that these lines are receipts.",
      ),
    },
  },
  "foreign-currency": {
    title: bi("外币金额按人民币计算", "Foreign-currency amounts summed as yuan"),
    definition: bi(
      "台账的币种列有外币（美元、欧元等），而读取的金额列不是本位币：这些行按外币金额计入人民币合计，账龄合计和坏账准备都不对。台账有本位币列（本位币金额、未收本位币、折人民币）时自动使用本位币列。",
      "The ledger's currency column names foreign currencies (USD, EUR…) while the money columns read are not in the books' own currency: those lines are summed as if yuan, so the totals and provisions are wrong. Where the ledger has home-currency columns (本位币金额, 未收本位币, 折人民币), they are used.",
    ),
    messages: {
      default: bi(
        "{cell}：本行起共 {count} 行是外币（{currencies}），而读取的金额列（{columns}）不是本位币：这些金额按人民币计入合计，以下合计和坏账准备不可采信。请加本位币金额列，或在列对应中指定本位币列。",
        "{cell}: from this line on, {count} line(s) are in a foreign currency ({currencies}), but the money columns read ({columns}) are not in the books' own currency: their amounts are summed as yuan, so the totals and provisions below cannot be relied on. Add home-currency columns, or map them in the column mapping.",
      ),
      units: bi(
        "{cell}：表头上方写明“{text}”，金额是外币，却按人民币读取和合计：以下合计和坏账准备不可采信。请导出本位币（人民币）金额，或加本位币金额列。",
        "{cell}: the line above the header says \"{text}\": the amounts are in a foreign currency, yet they are read and summed as yuan, so the totals and provisions below cannot be relied on. Export the amounts in the books' own currency (yuan), or add home-currency columns.",
      ),
      original: bi(
        "{cell}：读取的金额列（{columns}）是原币金额，台账没有本位币列，也没有币种列：外币行的金额会按人民币计入合计，以下合计和坏账准备只在所有行都是人民币时才对。请导出本位币金额列，或在列对应中指定本位币列；确为人民币时，把表头改为“金额”等。",
        "{cell}: the money columns read ({columns}) are in the original currency (原币), and the ledger has neither a home-currency (本位币) column nor a currency column: a line in another currency is summed as yuan, so the totals and provisions below hold only if every line is in yuan. Export the home-currency columns, or map them in the column mapping; if the amounts are yuan, rename the headers (金额…).",
      ),
    },
  },
  "customer-filled-down": {
    title: bi("客户名称按上一行读取", "Customer read from the line above"),
    definition: bi(
      "手工台账只在每个客户的第一行写客户名称，下面几行留空（未合并单元格）：每个空白按紧邻上一行的客户读取。只有当所有缺客户的行都紧接在有客户的行之下时才这样读；收款行不补。",
      "A hand-kept ledger writes each customer once, on its block's first line, and leaves the cell blank below (not merged): each blank is read as the customer of the line right above it. Only when every line without a customer continues one; a receipt is never given one.",
    ),
    messages: {
      default: bi(
        "{cell}：客户名称空白，按上一行的客户读取；本行起共 {count} 行（{rows}）如此读取。请核对这些行确属上一行的客户。",
        "{cell}: the customer is blank and is read as the line above's; from this line on, {count} line(s) ({rows}) are read so. Check that they belong to the customer above them.",
      ),
    },
  },
  "status-says-settled": {
    title: bi("状态写明已结清", "The status says settled"),
    definition: bi(
      "未结清款项台账的状态列写明已结清（已收讫、已付清、已收回等；已核销是核销坏账，不在此列），或余额栏空白而备注整格写明已结清（可在前面写收款日期，如“6月20日已结清”，按该日收款），而读到的余额大于 0：余额栏空白时，余额是按金额减已收金额推算的，状态是台账自己的说法，这些行按已结清处理，不计入未结清款项；余额栏写明大于 0 的余额时，保留所写余额，两者矛盾需核对。每种情况各报一次，列出所涉各行。",
      "The status column of an open-items list says settled (已结清, 已收讫, 已付清, 已收回…; not 已核销, a write-off), or, over a blank 余额, the note says so as its whole text (after the date it was paid, if any: 6月20日已结清 is received on that day), while the balance read is above 0. Where the 余额 cell is blank the balance was worked out as amount − received, and the status is the ledger's own word: those lines are settled and left out of the open items. Where the ledger states a balance above 0 it is kept, and the two disagree. Each case is said once, with its lines.",
    ),
    messages: {
      default: bi(
        "{cell}：状态写明已结清，余额栏空白，按已结清处理；本行起共 {count} 行（{rows}）如此处理，按金额减已收金额合计 {balance} 元，未计入未结清款项。请补填已收金额或余额，或核对状态。",
        "{cell}: the status says settled and the balance is blank: read as settled. From this line on, {count} line(s) ({rows}) are read so; amount − received would leave {balance} open on them in all, which is not counted. Fill in the received amount or the balance, or check the status.",
      ),
      note: bi(
        "{cell}：备注写明已结清，余额栏空白，按已结清处理；本行起共 {count} 行（{rows}）如此处理，按金额减已收金额合计 {balance} 元，未计入未结清款项。请补填已收金额或余额，或核对备注。",
        "{cell}: the note says settled and the balance is blank: read as settled. From this line on, {count} line(s) ({rows}) are read so; amount − received would leave {balance} open on them in all, which is not counted. Fill in the received amount or the balance, or check the note.",
      ),
      conflict: bi(
        "{cell}：状态写明已结清，但余额为 {balance} 元，按所写余额计入未结清款项；本行起共 {count} 行（{rows}）状态与余额矛盾。请核对状态或余额。",
        "{cell}: the status says settled but the balance is {balance}, which is counted as open as written. From this line on, {count} line(s) ({rows}) have a status and a balance that disagree. Check the status or the balance.",
      ),
    },
  },
  "voided-or-draft": {
    title: bi("作废或未审核的单据未计入", "Voided or unapproved documents left out"),
    definition: bi(
      "单据列表（云星空应收单列表、K/3 应收单等）中作废的单据（作废状态为“是”，或单据状态为“已作废”）和尚未审核入账的单据（单据状态为暂存、创建、未审核、审核中等）不是账上的应收账款：不计入未结清款项、账龄和坏账准备。每种情况报一次，列出所涉各行。",
      "In an ERP bill list (云星空 应收单列表, K/3 应收单…), a voided document (作废状态 是, or 单据状态 已作废) and one not yet approved into the books (单据状态 暂存, 创建, 未审核, 审核中…) are no receivable on the books: they are left out of the open items, the aging and the provision. Each case is said once, with its lines.",
    ),
    messages: {
      default: bi(
        "{cell}：单据已作废（“{text}”），未计入；本行起共 {count} 行（{rows}）作废，未计入未结清款项。",
        "{cell}: the document is voided (\"{text}\") and was left out; from this line on, {count} line(s) ({rows}) are voided and not counted as open.",
      ),
      draft: bi(
        "{cell}：单据尚未审核入账（“{text}”），未计入；本行起共 {count} 行（{rows}）未审核，未计入未结清款项。审核后重新导出，或确认这些单据不应入账。",
        "{cell}: the document is not approved into the books yet (\"{text}\") and was left out; from this line on, {count} line(s) ({rows}) are unapproved and not counted as open. Approve them and export again, or confirm they should not be booked.",
      ),
    },
  },
  "sheet-not-read": {
    title: bi("像台账的工作表未读取", "A sheet that reads as a ledger was not read"),
    definition: bi(
      "工作簿中另一张工作表也像台账（例如每个客户一张的明细账），但其列的排列与所读的台账不同，或无法读取，因此未读取：其中的款项不在合计、账龄和坏账准备之内。每张工作表报一次。所读的表右侧另有一张表头相同的表（如华东区、华南区两张并排）时，也报一次。",
      "Another sheet of the workbook also reads as a ledger (a customer's own sheet of a 三栏式 book, say), but its columns are laid out otherwise than the ledger read, or it cannot be read, so it was not read: its items are not in the totals, the aging or the provision. Said once per sheet; and once for a second table beside the one read, under the same header (two regions' lists side by side).",
    ),
    messages: {
      default: bi(
        "{cell}：工作表“{sheet}”也像台账，但列的排列与“{ledger}”不同，未读取：其中的款项不在以下合计之内。请把各表的列排成一样，或单独检查该表。",
        "{cell}: sheet \"{sheet}\" also reads as a ledger, but its columns are laid out otherwise than \"{ledger}\"'s, so it was not read: its items are not in the totals below. Lay its columns out like the others, or check it on its own.",
      ),
      beside: bi(
        "{cell}：工作表“{sheet}”在所读的表右侧另有一张表头相同的表（{columns}），未读取：其中的款项不在以下合计之内。请把它接在所读的表下方，或单独检查这几列。",
        "{cell}: sheet \"{sheet}\" has a second table beside the one read, under the same header ({columns}), which was not read: its items are not in the totals below. Put it under the table read, or check those columns on their own.",
      ),
      unreadable: bi(
        "{cell}：工作表“{sheet}”也像台账，但无法读取，未使用：{reason}",
        "{cell}: sheet \"{sheet}\" also looks like a ledger but could not be read, and was not used: {reason}",
      ),
    },
  },
  "receipt-on-debit": {
    title: bi("收款记在借方", "A receipt on the debit side"),
    definition: bi(
      "有借方、贷方两栏的明细账中，业务类型或摘要写着收款（回款、收到…），金额却记在借方：按所在的方向读取，即应收增加，而不是收款。收款误记到借方会使未结清款项多出两倍的该笔金额。坏账收回（借应收账款、贷坏账准备）记在借方是正常分录，不报。报一次，列出所涉各行。",
      "In a ledger of 借方 and 贷方, a line whose type or 摘要 says a receipt (收款, 回款, 收到…) has its figure on 借方: it is read by its side, as owed more, not as received. A receipt keyed on the wrong side puts twice its amount too much open. A 坏账收回 on 借方 (Dr receivable, Cr allowance) is the usual entry and is not said. Said once, with the lines.",
    ),
    messages: {
      default: bi(
        "{cell}：摘要或类型写着收款，金额却记在借方，按借方（应收增加）读取；本行起共 {count} 行（{rows}）如此。如确为收款，应记在贷方，否则未结清款项多计两倍该金额。",
        "{cell}: the type or 摘要 says a receipt but the figure is on 借方 (debit), and it is read as owed. From this line on, {count} line(s) ({rows}) are so. If it is a receipt it belongs on 贷方 (credit); as it stands, twice its amount too much is open.",
      ),
    },
  },
  "due-before-date": {
    title: bi("到期日早于发生日期", "Due date before the date arisen"),
    definition: bi("台账写明的到期日早于发生日期。", "The ledger's due date is earlier than the date arisen."),
    messages: {
      default: bi("{cell}：到期日 {due} 早于发生日期 {arisen}。", "{cell}: the due date {due} is before the date arisen {arisen}."),
    },
  },
  "received-exceeds-amount": {
    title: bi("已收超过应收", "Received more than the amount"),
    definition: bi(
      "同一行的已收金额大于金额（两者都有值）。多收部分是预收款，不是应收账款（此时不再另报 overpayment）。",
      "The row's received amount is larger than its amount (both given). The excess is an advance, not a receivable (overpayment is then not reported again).",
    ),
    messages: {
      default: bi(
        "{cell}：已收金额 {received} 超过金额 {amount}，多收 {excess} 元，应转作预收款。",
        "{cell}: the amount received {received} exceeds the amount {amount} by {excess}; the excess is an advance received.",
      ),
    },
  },
  "balance-mismatch": {
    title: bi("余额与金额、已收不符", "Balance does not match amount − received"),
    definition: bi(
      "台账同时有金额、已收和余额三列，且余额单元格有值：金额 − 已收（已收空白按 0）与余额相差 0.01 元（1 分）或以上。台账另有期初余额列（期初余额 | 本期增加 | 本期收回 | 期末余额）时，按期初余额 + 金额 − 已收核对。",
      "The ledger has amount, received and balance columns and the balance cell is filled: amount − received (a blank received is 0) differs from the balance by 0.01 yuan (one fen) or more. Where the ledger also has an opening balance column (期初余额 | 本期增加 | 本期收回 | 期末余额), opening + amount − received is compared.",
    ),
    messages: {
      default: bi(
        "{cell}：余额 {balance} 不等于 金额 {amount} − 已收 {received} = {expected}，相差 {difference}。",
        "{cell}: the balance {balance} is not amount {amount} − received {received} = {expected}; the difference is {difference}.",
      ),
      opening: bi(
        "{cell}：余额 {balance} 不等于 期初余额 {opening} + 金额 {amount} − 已收 {received} = {expected}，相差 {difference}。",
        "{cell}: the balance {balance} is not opening balance {opening} + amount {amount} − received {received} = {expected}; the difference is {difference}.",
      ),
    },
  },
  "duplicate-document": {
    title: bi("单据号重复", "Duplicate document"),
    definition: bi(
      "同一客户的同一单据号在台账中出现两次或以上（比较时忽略全半角、大小写和空格）；第一次出现之后的每一行各报一次。",
      "The same customer's document number appears more than once (compared ignoring width, case and spaces); every occurrence after the first is reported.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”的单据号“{document}”与 {firstCell} 重复，可能重复挂账。",
        "{cell}: customer \"{customer}\" has document \"{document}\" already at {firstCell}; the item may be booked twice.",
      ),
    },
  },
  "allowance-mismatch": {
    title: bi("台账坏账准备与制度不符", "Allowance booked differs from the policy"),
    definition: bi(
      "台账自带的坏账准备栏（手工计提）与按制度、截止日算出的坏账准备相差 0.01 元以上。空白的坏账准备栏不报（计提表中可见）。",
      "The ledger's own allowance column (provided by hand) differs by 0.01 or more from the provision the policy gives on the as-of date. A blank allowance cell is not reported (the provision schedule shows it).",
    ),
    messages: {
      default: bi("{cell}：台账计提坏账准备 {booked}，按制度应为 {policy}，相差 {difference}。", "{cell}: the ledger books an allowance of {booked}; the policy gives {policy}, a difference of {difference}."),
      more: bi("{cell}：台账计提坏账准备 {booked}，按制度应为 {policy}，多提 {difference}。", "{cell}: the ledger books an allowance of {booked}; the policy gives {policy}: {difference} more than it."),
      less: bi("{cell}：台账计提坏账准备 {booked}，按制度应为 {policy}，少提 {difference}。", "{cell}: the ledger books an allowance of {booked}; the policy gives {policy}: {difference} less than it."),
    },
  },
  "class-mismatch": {
    title: bi("账龄栏与制度不符", "Aging column disagrees with the policy"),
    definition: bi(
      "台账自带的账龄栏写的是一个分类（正常/逾期/呆滞/呆账）或一个账龄段（如“1-2年”），与按制度、截止日算出的分类或账龄段不同。无法识别的写法不报。",
      "The ledger's own aging column names a class (normal/overdue/stale/bad) or a band (e.g. \"1–2 years\") other than the one the policy gives on the as-of date. Text that names neither is not reported.",
    ),
    messages: {
      default: bi(
        "{cell}：账龄栏写“{written}”，按制度截至 {asOf} 应为“{expected}”（{why}）。",
        "{cell}: the aging column says \"{written}\", but under the policy on {asOf} it is \"{expected}\" ({why}).",
      ),
    },
  },
  "customer-not-in-master": {
    title: bi("客户不在客户档案中", "Customer not in the customer master"),
    definition: bi(
      "有客户档案时，台账中有正余额的客户在档案中找不到（按客户编号，没有编号时按名称）：该客户的信用额度和信用评审无法检查；台账没写信用期和到期日的款项按制度的默认信用期计算到期日。每个客户只报一次，报在该客户在台账中的第一行。",
      "With a customer master given, a customer with a positive balance in the ledger matches no master row (by its code, else by its name): its credit limit and credit review cannot be checked, and its items with neither a credit term nor a due date in the ledger are due after the policy's default term. Reported once per customer, on its first ledger row.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”不在客户档案（{master}）中，信用额度和信用评审无法检查。",
        "{cell}: customer \"{customer}\" is not in the customer master ({master}), so its credit limit and credit review cannot be checked.",
      ),
      "default-term": bi(
        "{cell}：客户“{customer}”不在客户档案（{master}）中，信用额度和信用评审无法检查；其 {count} 笔款项台账中没有信用期和到期日，按默认信用期 {days} 天计算到期日。",
        "{cell}: customer \"{customer}\" is not in the customer master ({master}), so its credit limit and credit review cannot be checked; {count} item(s) with neither a credit term nor a due date in the ledger are due after the default term of {days} days.",
      ),
    },
  },
  "customer-master-mismatch": {
    title: bi("客户与客户档案对不上", "Customer and customer master disagree"),
    definition: bi(
      "台账的客户编号在客户档案中对应另一个名称（按编号匹配：编号指明一个客户），或台账只写名称而客户档案中有几行同名（按第一行匹配）。信用期、信用额度和评审按所匹配的档案行检查。每个客户只报一次。",
      "The ledger's customer code is, in the customer master, a customer of another name (matched by the code: a code names one customer), or the ledger gives only a name that several master rows share (matched to the first). The credit term, limit and review are those of the master row matched. Reported once per customer.",
    ),
    messages: {
      default: bi(
        "{cell}：客户编号 {code} 在客户档案中是“{masterName}”（第 {masterRow} 行），与台账的“{customer}”不同；按编号匹配。",
        "{cell}: customer code {code} is \"{masterName}\" in the customer master (row {masterRow}), not \"{customer}\" as the ledger says; matched by the code.",
      ),
      "shared-name": bi(
        "{cell}：客户档案中有 {count} 行名为“{customer}”（第 {rows} 行），台账没有客户编号可以区分；按第 {firstRow} 行（{code}）匹配。请在台账中填写客户编号。",
        "{cell}: {count} rows of the customer master are named \"{customer}\" (rows {rows}) and the ledger gives no customer code to tell them apart; matched to row {firstRow} ({code}). Add the customer code to the ledger.",
      ),
      "shared-name-unknown-code": bi(
        "{cell}：客户档案中有 {count} 行名为“{customer}”（第 {rows} 行），台账的客户编号 {rowCode} 在客户档案中找不到；按第 {firstRow} 行（{code}）匹配。请核对客户编号。",
        "{cell}: {count} rows of the customer master are named \"{customer}\" (rows {rows}) and the ledger's customer code {rowCode} is not in the master; matched to row {firstRow} ({code}). Check the customer code.",
      ),
    },
  },
  "credit-limit-exceeded": {
    title: bi("超过信用额度", "Credit limit exceeded"),
    definition: bi(
      "客户在台账中的余额合计（含负数余额）大于客户档案中的信用额度。每个客户只报一次，报在该客户在台账中的第一行。客户档案没有额度的客户不检查。",
      "A customer's total balance in the ledger (negative balances included) is above its credit limit in the customer master. Reported once per customer, on its first ledger row. Customers without a limit are not checked.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”应收余额合计 {total} 元，超过信用额度 {limit} 元（{limitCell}），超出 {excess} 元。",
        "{cell}: customer \"{customer}\" owes {total} in total, above its credit limit of {limit} ({limitCell}) by {excess}.",
      ),
    },
  },
  "credit-review-overdue": {
    title: bi("信用评审过期", "Credit review overdue"),
    definition: bi(
      "台账中有正余额的客户，其客户档案的最近评审日期早于截止日前制度规定的评审间隔（默认 12 个月）（评审日加上该月数仍早于截止日），或没有评审日期。报在客户档案该客户的行。",
      "A customer with a positive balance in the ledger whose last credit review in the customer master is more than the policy's review interval (12 months by default) before the as-of date (review date plus that many months is still before it), or who has none. Reported on the customer's master row.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”最近一次信用评审是 {last}，截至 {asOf} 已超过 {months} 个月未复核。",
        "{cell}: customer \"{customer}\" was last reviewed on {last}, more than {months} months before {asOf}.",
      ),
      never: bi("{cell}：客户“{customer}”没有信用评审日期（制度要求每 {months} 个月复核一次）。", "{cell}: customer \"{customer}\" has no credit review date (the policy asks for one every {months} months)."),
    },
  },
  "reconciliation-overdue": {
    title: bi("对账逾期", "Reconciliation overdue"),
    definition: bi(
      "有正余额的客户，其在台账中最近的对账日（各行对账日取最晚）早于截止日前制度规定的对账间隔（默认 6 个月）（对账日加上该月数仍早于截止日），或从未对账。每个客户只报一次，报在该客户在台账中的第一行。台账没有对账日列时本规则不检查。",
      "A customer with a positive balance whose latest confirmation date in the ledger (the latest over its rows) is more than the policy's reconciliation interval (6 months by default) before the as-of date (that date plus the months is still before it), or who was never confirmed. Reported once per customer, on its first ledger row. Not checked when the ledger has no confirmation column.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”最近一次书面对账是 {last}，截至 {asOf} 已超过 {months} 个月（制度要求至少每 {months} 个月对账一次）。",
        "{cell}: customer \"{customer}\" last confirmed its balance on {last}, more than {months} months before {asOf} (the policy asks for a written confirmation at least every {months} months).",
      ),
      never: bi(
        "{cell}：客户“{customer}”没有对账记录（制度要求至少每 {months} 个月书面对账一次）。",
        "{cell}: customer \"{customer}\" has never confirmed its balance (the policy asks for a written confirmation at least every {months} months).",
      ),
    },
  },
  "write-off-candidate": {
    title: bi("可申请核销", "Write-off candidate"),
    definition: bi(
      "余额为正，且按七.第一条可以核销：状态或备注写明破产/注销、死亡/失踪、重大灾害/事故、法院裁定无法清偿，或自到期日起逾期达到制度规定的年数（默认 3 年；“以上”含本数，恰好满 3 年即可）。",
      "A positive balance that may be written off under 七.第一条: the status or note says bankrupt/deregistered, dead/missing, disaster/accident or a court ruling, or it is overdue, from its due date, for the policy's number of years or more (3 by default; 以上 includes the number, so exactly 3 years qualifies).",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”余额 {balance} 元符合核销条件：{reasons}。可报批核销，核销后转入备查簿继续追索。",
        "{cell}: customer \"{customer}\"'s balance of {balance} may be written off: {reasons}. Once approved, it goes to the memorandum register and is still pursued.",
      ),
    },
  },
  "status-near-condition": {
    title: bi("状态与制度条件相近，需人工判断", "Status close to a policy condition: a person decides"),
    definition: bi(
      "状态或备注与制度的某个条件（五.第三条直接划入呆账、七.第一条可以核销）用词相近、却没有写明该条件：含否定（未破产、不是拒付、撤销起诉），只写了一部分（宣告破产而未写剩余财产不足清偿），或只是用词相同（破产风险、交通事故）。该行不按该条件处理（其分类只看写明的条件和天数）；由人判断是否属于该情形。",
      "The status or note shares words with a policy condition (五.第三条 straight to bad, 七.第一条 may be written off) without stating it: negated (未破产, 不是拒付, 撤销起诉), only part stated (宣告破产 without remaining assets that cannot pay), or sharing words only (破产风险, 交通事故). The row is not treated as meeting it (it is classed by the conditions it does state and its days); a person decides whether it applies.",
    ),
    messages: {
      default: bi(
        "{cell}：“{text}”与以下制度条件相近，但没有写明该条件，不按该条件处理：{conditions}。请人工判断；如确属该情形，请按制度用语填写（可从状态列表中选择）。",
        "{cell}: \"{text}\" comes close to a policy condition it does not state, so that condition is not applied: {conditions}. A person decides; if it applies, write it in the policy's words (or pick it from the status list).",
      ),
    },
  },
  "bad-debt-unassigned": {
    title: bi("呆账无责任人", "Bad debt without a responsible person"),
    definition: bi(
      "分类为呆账、余额为正，而台账该行和客户档案都没有催收责任人。台账和客户档案都没有责任人列时本规则不检查。",
      "An item classed bad with a positive balance, with no collector on the row nor in the customer master. Not checked when neither has a collector column.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”余额 {balance} 元已属呆账（{why}），但没有催收责任人。",
        "{cell}: customer \"{customer}\"'s balance of {balance} is a bad debt ({why}) but no one is responsible for collecting it.",
      ),
    },
  },
  "low-recovery-no-action": {
    title: bi("回收可能性低而未采取法律措施", "Low recovery, no legal step"),
    definition: bi(
      "余额为正，回收可能性（台账的回收可能性，没有时用 预计可收回金额 ÷ 余额）落在制度的诉讼档（六.第三条，默认 50% 以下，含 50%），而该客户的催收记录和该行的状态、备注中都没有法律措施（诉讼、仲裁、律师函、起诉等）。",
      "A positive balance whose recovery probability (the ledger's, else expected recovery ÷ balance) falls in the policy's legal tier (六.第三条: 50% or less by default), with no legal step (lawsuit, arbitration, lawyer's letter...) in the customer's collection log nor in the row's status or note.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”回收可能性 {probability}，按制度应措辞严厉、必要时仲裁或诉讼，但催收记录中没有法律措施。",
        "{cell}: customer \"{customer}\"'s recovery probability is {probability}; the policy calls for stern wording and arbitration or a lawsuit where needed, but the collection log shows no legal step.",
      ),
    },
  },
  "promise-missing": {
    title: bi("催收没有书面承诺", "Contact without a written promise"),
    definition: bi(
      "催收记录的一次联系没有取得书面付款承诺：书面承诺栏为“否”，或书面承诺栏不为“是”且承诺付款金额、承诺付款日期都为空。当次已收回款项的联系不报。",
      "A collection log entry without a written promise to pay: its written-promise cell says no, or it does not say yes and both the promised amount and the promised date are blank. An entry where money was collected is not reported.",
    ),
    messages: {
      default: bi(
        "{cell}：{date} 对客户“{customer}”的催收没有取得书面付款承诺（承诺金额、承诺日期均为空）。",
        "{cell}: the contact with customer \"{customer}\" on {date} got no written promise to pay (no promised amount or date).",
      ),
      refused: bi(
        "{cell}：{date} 对客户“{customer}”的催收记为没有书面承诺；制度要求每次催收都取得书面付款承诺并交财务部备案。",
        "{cell}: the contact with customer \"{customer}\" on {date} is marked as without a written promise; the policy asks for one at every contact, filed with finance.",
      ),
    },
  },
  "log-states-condition": {
    title: bi("催收记录写明了制度条件，台账未记载", "The collection log states a policy condition the ledger does not"),
    definition: bi(
      "催收记录的催收结果或备注写明了制度的某个条件（五.第三条直接划入呆账，如债务人明示拒绝还款；七.第一条可以核销），而台账中该客户的未结款项，状态或备注都没有写明这个条件。分类、计提和核销只按台账的状态处理，所以这些款项仍按天数分类；请核实后在台账的状态列登记。基准日之后的催收记录不检查。",
      "A collection log entry's result or note states a policy condition (五.第三条 straight to bad, such as the debtor refusing to pay; 七.第一条 may be written off), while none of the customer's open items in the ledger states it in its status or note. Classes, provisions and write-offs follow the ledger's status only, so those items are still classed by their days; verify it and record the status in the ledger. Log entries dated after the as-of date are not checked.",
    ),
    messages: {
      default: bi(
        "{cell}：{date} 对客户“{customer}”的催收记载“{text}”，即{conditions}；台账中该客户的未结款项未记载此状态，仍按天数分类。请核实后在台账状态列登记。",
        "{cell}: the contact with customer \"{customer}\" on {date} records \"{text}\", that is {conditions}; none of the customer's open items in the ledger records it, so they are still classed by their days. Verify it and record the status in the ledger.",
      ),
    },
  },
  "bill-past-maturity": {
    title: bi("票据过期未托收", "Bill past maturity, not collected"),
    definition: bi(
      "应收票据登记簿中的票据到期日早于截止日，且没有托收、贴现、背书日期或背书人，状态、备注也未写明已托收/已收款/已贴现/已背书/转回应收。",
      "A bill in the bills register whose maturity is before the as-of date, with no presentation or discount date, no endorsee, and no status or note saying it was presented, paid, discounted, endorsed or taken back to receivables.",
    ),
    messages: {
      default: bi(
        "{cell}：票据“{billNo}”（{amount} 元）已于 {due} 到期，截至 {asOf} 已过 {days} 天，未见托收、贴现或背书记录；到期应及时委托收款。",
        "{cell}: bill \"{billNo}\" ({amount}) matured on {due}, {days} days before {asOf}, and shows no presentation, discount or endorsement; a bill is presented for collection at maturity.",
      ),
    },
  },
  "overpayment": {
    title: bi("预收款（客户净贷方余额）", "An advance (a customer's net credit)"),
    definition: bi(
      "截至截止日，客户的收款、红字冲销和贷项冲完其全部应收款后仍有余额：这是预收款，不是应收账款，不计入账龄分类，应转入预收账款。报在留下余额的最后一笔贷项所在行。",
      "On the as-of date a customer's receipts, reversals and credit notes exceed all its items: the rest is an advance received, not a receivable, kept out of the aging classes, to be moved to advances received. Reported on the row of the last credit that left it.",
    ),
    messages: {
      default: bi(
        "{cell}：客户“{customer}”的贷项冲完全部应收款后余 {balance} 元，是预收款而不是应收账款，应转入预收账款。",
        "{cell}: customer \"{customer}\"'s credits exceed all its items by {balance}: an advance received, not a receivable; move it to advances received.",
      ),
    },
  },
};
