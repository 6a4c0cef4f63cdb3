/**
 * The fixture ledgers every layout test runs over: the golden outputs (golden.test.ts) and the
 * pane-versus-CLI parity of the audit's sheets (test/cli/audit-sheets-parity.test.ts).
 */
import { join } from "node:path";
import { fromYmd } from "../../src/core/calendar";
import type { SheetInput } from "../../src/core/ledger/workbook";
import { readWorkbook } from "../../src/cli/read-workbook";
import { BANNER_TWO_ROW } from "../fixtures/ledgers/bannerTwoRow";
import { BILLS_REGISTER, COLLECTION_LOG, CUSTOMER_MASTER } from "../fixtures/ledgers/companions";
import { ENGLISH } from "../fixtures/ledgers/english";
import { NO_HEADER } from "../fixtures/ledgers/noHeader";
import { PLAIN_ZH } from "../fixtures/ledgers/plainZh";
import { SUBTOTALS } from "../fixtures/ledgers/subtotals";
import { TELECOM_000 } from "../fixtures/ledgers/telecom000";
import { TEXT_AMOUNTS } from "../fixtures/ledgers/textAmounts";
import { TITLE_UNITS } from "../fixtures/ledgers/titleUnits";
import { TRANSACTIONS } from "../fixtures/ledgers/transactionsLedger";

export interface FixtureLedger {
  name: string;
  sheets: () => Promise<SheetInput[]>;
  /** The as-of date, when not 2011-08-31 (a fixture dated after it). */
  asOf?: number;
}

export const one = (name: string, values: unknown[][]): SheetInput[] => [{ name, values }];

export const FIXTURE_LEDGERS: readonly FixtureLedger[] = [
  { name: "plain-zh", sheets: async () => one("应收账款台账", PLAIN_ZH) },
  { name: "banner-two-row", sheets: async () => one("台账", BANNER_TWO_ROW) },
  { name: "english", sheets: async () => one("Ledger", ENGLISH) },
  { name: "no-header", sheets: async () => one("Sheet1", NO_HEADER) },
  { name: "subtotals", sheets: async () => one("台账", SUBTOTALS) },
  { name: "telecom-000", sheets: async () => one("清理台账", TELECOM_000) },
  { name: "text-amounts", sheets: async () => one("台账", TEXT_AMOUNTS), asOf: fromYmd(2011, 9, 30) },
  { name: "title-units", sheets: async () => one("台账", TITLE_UNITS) },
  { name: "transactions", sheets: async () => one("往来明细", TRANSACTIONS) },
  {
    name: "with-companions",
    sheets: async () => [
      { name: "应收账款台账", values: PLAIN_ZH },
      { name: "客户档案", values: CUSTOMER_MASTER },
      { name: "应收票据登记簿", values: BILLS_REGISTER },
      { name: "催收记录", values: COLLECTION_LOG },
    ],
  },
  { name: "sample-ledger-xlsx", sheets: async () => (await readWorkbook(join(__dirname, "../../assets/sample-ledger.xlsx"))).sheets },
];
