import fc from "fast-check";
import { AGING_CLASSES, agingBand, classify, dueDate } from "../../src/core/aging";
import {
  BATCH_ERRORS,
  type BatchColumns,
  type BatchResult,
  FLAG_CONDITION,
  FLAG_DECIMAL,
  FLAG_ERROR,
  NO_DAYS,
  NO_VALUE,
  runBatch,
} from "../../src/core/batch";
import { fromYmd } from "../../src/core/calendar";
import { fromExcelSerial, toExcelSerial } from "../../src/core/dates";
import { formatFenBigInt } from "../../src/core/fen";
import { Dec, parseMoney } from "../../src/core/money";
import { DEFAULT_POLICY } from "../../src/core/policy/defaults";
import type { Policy } from "../../src/core/policy/types";
import { itemProvision, PROVISION_BASES } from "../../src/core/provision";
import { serial } from "../helpers/serial-dates";

const d = fromYmd;
const bi = (zh: string, en: string) => ({ "zh-CN": zh, "en-US": en });

/** The product defaults with the rates pinned here, so these tests do not move when the defaults do. */
const POLICY: Policy = {
  ...DEFAULT_POLICY,
  defaultCreditDays: 30,
  agingClass: { normalMaxDays: 20, overdueMaxDays: 90, staleMaxDays: 360, atNormalMaxDays: "normal", atOverdueMaxDays: "overdue", atStaleMaxDays: "stale" },
  provision: {
    method: "aging",
    balanceRate: "0.05",
    bands: [
      { key: "y0-1", label: bi("1年以内", "Within 1 year"), upToMonths: 12 },
      { key: "y1-2", label: bi("1-2年", "1–2 years"), upToMonths: 24 },
      { key: "y2-3", label: bi("2-3年", "2–3 years"), upToMonths: 36 },
      { key: "y3-4", label: bi("3-4年", "3–4 years"), upToMonths: 48 },
      { key: "y4-5", label: bi("4-5年", "4–5 years"), upToMonths: 60 },
      { key: "y5+", label: bi("5年以上", "Over 5 years"), upToMonths: null },
    ],
    rates: [
      { bandKey: "y0-1", rate: "0.05" },
      { bandKey: "y1-2", rate: "0.10" },
      { bandKey: "y2-3", rate: "0.30" },
      { bandKey: "y3-4", rate: "0.50" },
      { bandKey: "y4-5", rate: "0.80" },
      { bandKey: "y5+", rate: "1.00" },
    ],
  },
};

const AS_OF = d(2012, 2, 29);

/** What the per-row functions (aging.ts, provision.ts) say about row i, or null for a row they reject. */
function perRow(columns: BatchColumns, i: number, asOf: number, policy: Policy) {
  const arisen = fromExcelSerial(columns.dateArisen[i] as number);
  const dueCell = columns.dueDate?.[i];
  const explicitDue = typeof dueCell === "number" && dueCell === dueCell && dueCell !== 0 ? fromExcelSerial(dueCell) : null;
  const creditCell = columns.creditDays?.[i];
  const credit = creditCell === null || creditCell === undefined || Number.isNaN(creditCell) ? null : creditCell;
  const due = dueDate(arisen, credit, explicitDue, policy);
  const cls = classify(due, asOf, columns.statusText?.[i], policy);
  const balance = parseMoney(columns.balance[i]);
  const recoveryCell = columns.expectedRecovery?.[i];
  const recovery = typeof recoveryCell === "number" && Number.isNaN(recoveryCell) ? null : parseMoney(recoveryCell);
  const p = itemProvision(
    { balance: balance!, dateArisen: arisen, asOf, expectedRecovery: recovery, condition: cls.condition },
    policy,
  );
  return {
    daysPastDue: cls.daysPastDue,
    agingClass: AGING_CLASSES.indexOf(cls.agingClass),
    reportBand: agingBand(arisen, asOf, policy.reportBands),
    provisionBand: agingBand(arisen, asOf, policy.provision.bands),
    condition: cls.condition === null ? NO_VALUE : policy.directToBad.indexOf(cls.condition),
    basis: PROVISION_BASES.indexOf(p.basis),
    provisionFen: BigInt(p.amount.times(100).toFixed(0)),
    balance: balance!,
  };
}

function provisionOf(result: BatchResult, i: number): bigint {
  const exact = result.provisionExact.get(i);
  if (exact !== undefined) return BigInt(new Dec(exact).times(100).toFixed(0));
  return BigInt(result.provisionFen[i]);
}

function expectMatchesPerRow(columns: BatchColumns, result: BatchResult, asOf: number, policy: Policy): void {
  for (let i = 0; i < result.rowCount; i++) {
    if (result.flags[i] & FLAG_ERROR) continue;
    const want = perRow(columns, i, asOf, policy);
    expect({
      row: i,
      daysPastDue: result.daysPastDue[i],
      agingClass: result.agingClass[i],
      reportBand: result.reportBand[i],
      provisionBand: result.provisionBand[i],
      condition: result.condition[i],
      basis: result.basis[i],
      provisionFen: provisionOf(result, i),
    }).toEqual({
      row: i,
      daysPastDue: want.daysPastDue,
      agingClass: want.agingClass,
      reportBand: want.reportBand,
      provisionBand: want.provisionBand,
      condition: want.condition,
      basis: want.basis,
      provisionFen: want.provisionFen,
    });
  }
}

/** Enough digits to add 5e-324 to 10^13 exactly (the engine's Dec rounds at 40). */
const Wide = Dec.clone({ precision: 2000 });

/** Totals recomputed from the rows with decimal.js. */
function expectTotalsMatchRows(columns: BatchColumns, result: BatchResult, asOf: number, policy: Policy): void {
  let balance = new Wide(0);
  let provision = 0n;
  const byClass = AGING_CLASSES.map(() => ({ count: 0, provision: 0n }));
  for (let i = 0; i < result.rowCount; i++) {
    if (result.flags[i] & FLAG_ERROR) continue;
    balance = balance.plus(perRow(columns, i, asOf, policy).balance);
    provision += provisionOf(result, i);
    byClass[result.agingClass[i]].count += 1;
    byClass[result.agingClass[i]].provision += provisionOf(result, i);
  }
  expect(result.totals.all.count).toBe(result.rowCount - result.errorCount);
  expect(new Wide(result.totals.all.balance).equals(balance)).toBe(true);
  expect(result.totals.all.provision).toBe(formatFenBigInt(provision));
  result.totals.byClass.forEach((t, c) => {
    expect(t.key).toBe(AGING_CLASSES[c]);
    expect(t.count).toBe(byClass[c].count);
    expect(t.provision).toBe(formatFenBigInt(byClass[c].provision));
  });
  for (const group of [result.totals.byClass, result.totals.byReportBand, result.totals.byProvisionBand]) {
    const sumBalance = group.reduce((acc, t) => acc.plus(t.balance), new Wide(0));
    const sumProvision = group.reduce((acc, t) => acc.plus(t.provision), new Wide(0));
    expect(sumBalance.equals(new Wide(result.totals.all.balance))).toBe(true);
    expect(sumProvision.equals(new Wide(result.totals.all.provision))).toBe(true);
    expect(group.reduce((n, t) => n + t.count, 0)).toBe(result.totals.all.count);
  }
}

/** Everything but FLAG_DECIMAL and decimalCount must be identical between the two paths. */
function expectSameResult(fast: BatchResult, slow: BatchResult): void {
  expect(Array.from(fast.daysPastDue)).toEqual(Array.from(slow.daysPastDue));
  expect(Array.from(fast.agingClass)).toEqual(Array.from(slow.agingClass));
  expect(Array.from(fast.reportBand)).toEqual(Array.from(slow.reportBand));
  expect(Array.from(fast.provisionBand)).toEqual(Array.from(slow.provisionBand));
  expect(Array.from(fast.condition)).toEqual(Array.from(slow.condition));
  expect(Array.from(fast.basis)).toEqual(Array.from(slow.basis));
  expect(Array.from(fast.provisionFen)).toEqual(Array.from(slow.provisionFen));
  expect(fast.provisionExact).toEqual(slow.provisionExact);
  expect(Array.from(fast.errorCode)).toEqual(Array.from(slow.errorCode));
  expect(Array.from(fast.flags, (f) => f & ~FLAG_DECIMAL)).toEqual(Array.from(slow.flags, (f) => f & ~FLAG_DECIMAL));
  expect(fast.totals).toEqual(slow.totals);
}

describe("runBatch: hand-made rows", () => {
  // as of 2012-02-29; default credit 30 days.
  const columns: BatchColumns = {
    dateArisen: [
      serial(2012, 1, 9), // due 2012-02-08, 21 days past due: overdue; within 1 year
      serial(2012, 1, 10), // due 2012-02-09, 20 days: normal
      serial(2011, 2, 28), // within 1 year? 2011-02-28 + 12 months = 2012-02-28 < 2012-02-29: 1–2 years
      serial(2011, 3, 1), // + 12 months = 2012-03-01 >= as-of: within 1 year
      serial(2009, 3, 1), // 成都千嘉, refused to pay
      serial(2007, 6, 30), // 成都军通, 15万 expected back
      serial(2011, 12, 1), // an advance (negative balance)
      serial(2012, 3, 1), // arisen after as-of: error
      serial(2011, 6, 30) + 0.75, // a date-time: the time is dropped
      serial(2011, 6, 30), // 10^11 yuan
    ],
    balance: [1000.1, 0.1, 200, 200, 15900, 916600, -300, 5, "90.96万", 1e11],
    expectedRecovery: [null, null, null, null, null, 150000, null, null, null, null],
    statusText: [null, "", "未破产", null, "经多次协商后,对方拒绝支付", "正在办理竣工审计", null, null, null, "已破产"],
  };
  const result = runBatch(columns, AS_OF, POLICY);

  it("classes and days", () => {
    expect(Array.from(result.daysPastDue.slice(0, 2))).toEqual([21, 20]);
    expect(AGING_CLASSES[result.agingClass[0]]).toBe("overdue");
    expect(AGING_CLASSES[result.agingClass[1]]).toBe("normal");
    expect(AGING_CLASSES[result.agingClass[4]]).toBe("bad");
    expect(result.flags[4] & FLAG_CONDITION).toBe(FLAG_CONDITION);
    expect(POLICY.directToBad[result.condition[4]].key).toBe("refuses-to-pay");
    expect(result.condition[2]).toBe(NO_VALUE); // 未破产 is not bankrupt
    expect(POLICY.directToBad[result.condition[9]].key).toBe("bankrupt");
  });

  it("bands at the leap-day as-of", () => {
    expect(result.reportBand[2]).toBe(1);
    expect(result.reportBand[3]).toBe(0);
    expect(POLICY.reportBands[result.reportBand[5]].key).toBe("y3+");
    expect(POLICY.provision.bands[result.provisionBand[5]].key).toBe("y4-5"); // 2007-06-30 → 4 years 8 months
  });

  it("provisions in fen", () => {
    expect(result.provisionFen[0]).toBe(5001); // 1000.10 × 5% = 50.005 → 50.01
    expect(result.provisionFen[1]).toBe(1); // 0.10 × 5% = 0.005 → 0.01
    expect(result.provisionFen[2]).toBe(2000); // 200 × 10% = 20.00
    expect(result.provisionFen[3]).toBe(1000); // 200 × 5% = 10.00
    expect(result.provisionFen[4]).toBe(1590000); // 15,900.00 in full
    expect(result.provisionFen[5]).toBe(76660000); // 916,600 − 150,000 = 766,600.00
    expect(PROVISION_BASES[result.basis[5]]).toBe("specific");
    expect(result.provisionFen[6]).toBe(0);
    expect(PROVISION_BASES[result.basis[6]]).toBe("none-non-positive");
    // "90.96万" = 909,600, arisen 2011-06-30 (within 1 year), due 2011-07-30, 214 days: stale → 5% = 45,480.00
    expect(result.provisionFen[8]).toBe(4548000);
    expect(result.flags[8] & FLAG_DECIMAL).toBe(FLAG_DECIMAL);
    // 10^11 yuan, bankrupt → 100%
    expect(result.provisionFen[9]).toBe(1e13);
    expect(result.flags[9] & FLAG_DECIMAL).toBe(0);
  });

  it("flags the row arisen after the as-of date and leaves it out of the totals", () => {
    expect(result.flags[7] & FLAG_ERROR).toBe(FLAG_ERROR);
    expect(BATCH_ERRORS[result.errorCode[7]].id).toBe("aging.arisen-after-as-of");
    expect(result.provisionFen[7]).toBeNaN();
    expect(result.errorCount).toBe(1);
    expect(result.decimalCount).toBe(1);
    expect(result.totals.all.count).toBe(9);
  });

  it("agrees with the per-row functions and its totals with the rows", () => {
    const rowsWithoutText: BatchColumns = { ...columns, balance: (columns.balance as unknown[]).map((b) => (b === "90.96万" ? 909600 : b)) as number[] };
    const plain = runBatch(rowsWithoutText, AS_OF, POLICY);
    expectMatchesPerRow(rowsWithoutText, plain, AS_OF, POLICY);
    expectTotalsMatchRows(rowsWithoutText, plain, AS_OF, POLICY);
    // Σ balances: 1000.10 + 0.10 + 200 + 200 + 15,900 + 916,600 − 300 + 909,600 + 10^11 = 100,001,843,200.20
    expect(result.totals.all.balance).toBe("100001843200.20");
    // Σ provisions: 50.01 + 0.01 + 20 + 10 + 15,900 + 766,600 + 0 + 45,480 + 10^11 = 100,000,828,060.02
    expect(result.totals.all.provision).toBe("100000828060.02");
  });
});

describe("runBatch: input errors", () => {
  it("flags each kind of bad cell", () => {
    const columns: BatchColumns = {
      dateArisen: [null, 60, serial(2011, 1, 1), serial(2011, 1, 1), serial(2011, 1, 1), serial(2011, 1, 1), serial(2011, 1, 1), "2011-13-01", serial(2011, 1, 1)],
      dueDate: [null, null, "soon", null, null, null, null, null, null],
      creditDays: [null, null, null, -5, 2.5, null, null, null, null],
      balance: [1, 1, 1, 1, 1, NaN, Infinity, 1, "abc"],
      expectedRecovery: [null, null, null, null, null, null, null, null, null],
    };
    const r = runBatch(columns, AS_OF, POLICY);
    const ids = Array.from(r.errorCode, (c) => BATCH_ERRORS[c].id);
    expect(ids).toEqual([
      "batch.date-arisen-missing",
      "batch.date-arisen-invalid", // serial 60 = Excel's phantom 1900-02-29
      "batch.due-date-invalid",
      "batch.credit-days-invalid",
      "batch.credit-days-invalid",
      "batch.balance-missing", // NaN: an empty cell of a Float64Array
      "batch.balance-invalid",
      "batch.date-arisen-invalid",
      "batch.balance-invalid", // text that is no amount
    ]);
    expect(r.errorCount).toBe(9);
    expect(Array.from(r.flags).every((f) => (f & FLAG_ERROR) !== 0)).toBe(true);
    expect(r.totals.all).toEqual({ key: "all", count: 0, balance: "0.00", provision: "0.00" });
    expect(r.daysPastDue[0]).toBe(NO_DAYS);
    expect(r.agingClass[0]).toBe(NO_VALUE);
  });

  it("a negative expected recovery is an error", () => {
    const r = runBatch({ dateArisen: [serial(2011, 1, 1)], balance: [100], expectedRecovery: [-1] }, AS_OF, POLICY);
    expect(BATCH_ERRORS[r.errorCode[0]].id).toBe("batch.recovery-invalid");
  });

  it("refuses columns of different lengths and a bad as-of date", () => {
    expect(() => runBatch({ dateArisen: [1, 2], balance: [1] }, AS_OF, POLICY)).toThrow(
      expect.objectContaining({ id: "batch.column-length", field: "dateArisen" }),
    );
    expect(() => runBatch({ dateArisen: [], balance: [] }, NaN, POLICY)).toThrow(expect.objectContaining({ id: "batch.as-of-invalid" }));
  });

  it("a row older than a closed band table is an error row", () => {
    const closed: Policy = { ...POLICY, reportBands: POLICY.reportBands.slice(0, 3) };
    const r = runBatch({ dateArisen: [serial(2011, 6, 1), serial(2005, 1, 1)], balance: [1, 1] }, AS_OF, closed);
    expect(r.errorCode[0]).toBe(0);
    expect(BATCH_ERRORS[r.errorCode[1]].id).toBe("aging.no-band");
    expect(r.reportBand[1]).toBe(NO_VALUE);
  });

  it("refuses a policy without a rate for a band before any row", () => {
    const broken: Policy = { ...POLICY, provision: { ...POLICY.provision, rates: POLICY.provision.rates.slice(1) } };
    expect(() => runBatch({ dateArisen: [], balance: [] }, AS_OF, broken)).toThrow(expect.objectContaining({ id: "provision.rate-missing" }));
  });
});

describe("runBatch: dates", () => {
  it("explicit due dates, credit days, blank cells", () => {
    const a = serial(2011, 12, 1);
    const r = runBatch(
      {
        dateArisen: [a, a, a, a, a],
        dueDate: [serial(2012, 2, 1), 0, NaN, null, ""],
        creditDays: [null, 10, 0, NaN, 60],
        balance: [1, 1, 1, 1, 1],
      },
      AS_OF,
      POLICY,
    );
    // 2012-02-29 − 2012-02-01 = 28; 2011-12-01 + 10 = 12-11 → 80; + 0 → 90; + 30 → 60; + 60 → 30
    expect(Array.from(r.daysPastDue)).toEqual([28, 80, 90, 60, 30]);
  });

  it("the 1904 date system", () => {
    const s1904 = toExcelSerial(d(2011, 1, 1), { dateSystem: "1904" });
    const r = runBatch({ dateArisen: [s1904, 0], balance: [1, 1] }, AS_OF, POLICY, { dateSystem: "1904" });
    expect(r.daysPastDue[0]).toBe(AS_OF - d(2011, 1, 1) - 30);
    expect(BATCH_ERRORS[r.errorCode[1]].id).toBe("batch.date-arisen-missing"); // 0 is a blank cell
  });

  it("blank cells as Office.js gives them (\"\") stay on the fast path", () => {
    const r = runBatch(
      { dateArisen: [serial(2011, 12, 1), serial(2011, 12, 1)], dueDate: ["", ""], balance: [100, ""], expectedRecovery: ["", ""], statusText: ["", ""] },
      AS_OF,
      POLICY,
    );
    expect(r.daysPastDue[0]).toBe(60);
    expect(r.provisionFen[0]).toBe(500); // 100 × 5%
    expect(r.decimalCount).toBe(0);
    expect(BATCH_ERRORS[r.errorCode[1]].id).toBe("batch.balance-missing");
  });

  it("text dates take the slow path and agree", () => {
    const r = runBatch({ dateArisen: ["2011-03-01", "2011年2月28日"], balance: [100, 100] }, AS_OF, POLICY);
    expect(Array.from(r.reportBand)).toEqual([0, 1]);
  });

  it("bands equal agingBand for every arisen day over 7 years, for leap-day and month-end as-of dates", () => {
    for (const asOf of [d(2012, 2, 29), d(2013, 2, 28), d(2011, 3, 31), d(2012, 12, 31), d(2012, 3, 1)]) {
      const days: number[] = [];
      for (let a = asOf - 7 * 366; a <= asOf; a++) days.push(a);
      const r = runBatch({ dateArisen: days.map((a) => toExcelSerial(a)), balance: days.map(() => 1) }, asOf, POLICY);
      days.forEach((a, i) => {
        if (r.reportBand[i] !== agingBand(a, asOf, POLICY.reportBands) || r.provisionBand[i] !== agingBand(a, asOf, POLICY.provision.bands)) {
          throw new Error(`arisen ${a} as of ${asOf}`);
        }
      });
    }
  });
});

describe("runBatch: the fast path and the decimal path agree", () => {
  const money = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100) }, // up to 10^7 yuan
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }).map((k) => k * 10 / 100) }, // 0.10, 0.20…: × 5% ends in .005
    { weight: 2, arbitrary: fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 100) }, // up to 10^13 yuan
    { weight: 1, arbitrary: fc.constantFrom(1e11, -1e11, 1e11 + 0.01, 1e13, 1e13 + 0.01, 0, -0) },
    { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000) }, // 3 decimals: 1.005…
    { weight: 1, arbitrary: fc.double({ min: -1e14, max: 1e14, noNaN: true }) }, // mostly not fen-exact
    { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1.005, 2.675, 1e14 + 0.5, 123456789012345.67) },
  );
  const asOf = d(2012, 2, 29);
  const row = fc.record({
    arisen: fc.integer({ min: asOf - 6 * 366, max: asOf + 20 }),
    credit: fc.option(fc.integer({ min: 0, max: 400 })),
    balance: money,
    recovery: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: money.map((m) => Math.abs(m)) }),
    status: fc.constantFrom(null, null, null, "拒绝支付", "未破产", "已破产", "正常", "not bankrupt"),
  });

  it("on random rows: identical output, and equal to the per-row functions", () => {
    let fastRows = 0;
    let decimalRows = 0;
    let errorRows = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const columns: BatchColumns = {
          dateArisen: rows.map((r) => toExcelSerial(r.arisen)),
          creditDays: rows.map((r) => r.credit),
          balance: rows.map((r) => r.balance),
          expectedRecovery: rows.map((r) => r.recovery),
          statusText: rows.map((r) => r.status),
        };
        const fast = runBatch(columns, asOf, POLICY);
        const slow = runBatch(columns, asOf, POLICY, { forceDecimal: true });
        expectSameResult(fast, slow);
        expect(slow.decimalCount).toBe(slow.rowCount - slow.errorCount);
        expectMatchesPerRow(columns, fast, asOf, POLICY);
        expectTotalsMatchRows(columns, fast, asOf, POLICY);
        fastRows += fast.rowCount - fast.decimalCount - fast.errorCount;
        decimalRows += fast.decimalCount;
        errorRows += fast.errorCount;
      }),
      { numRuns: 300 },
    );
    // The generators reach all three kinds of row.
    expect(fastRows).toBeGreaterThan(600); // typically ~1,200 / ~550 / ~60
    expect(decimalRows).toBeGreaterThan(250);
    expect(errorRows).toBeGreaterThan(10);
  });

  it("with a rate of more than 4 decimals (its band goes decimal) and under direct write-off", () => {
    const finer: Policy = {
      ...POLICY,
      provision: { ...POLICY.provision, rates: POLICY.provision.rates.map((r, i) => (i === 0 ? { ...r, rate: "0.05125" } : r)) },
    };
    const direct: Policy = { ...POLICY, provision: { ...POLICY.provision, method: "direct-write-off" } };
    for (const policy of [finer, direct]) {
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
          const columns: BatchColumns = {
            dateArisen: rows.map((r) => toExcelSerial(r.arisen)),
            balance: rows.map((r) => r.balance),
            statusText: rows.map((r) => r.status),
          };
          const fast = runBatch(columns, asOf, policy);
          expectSameResult(fast, runBatch(columns, asOf, policy, { forceDecimal: true }));
          expectMatchesPerRow(columns, fast, asOf, policy);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("a balance beyond the product's limit (10^13 yuan) is a bad row, never a provision", () => {
    // 123456789012345.67 would read as 123456789012346 at Excel's 15 digits: beyond the limit.
    const r = runBatch({ dateArisen: [serial(2011, 1, 1)], balance: [123456789012345.67], statusText: ["破产"] }, asOf, POLICY);
    expect(r.provisionFen[0]).toBeNaN();
    expect(r.provisionExact.get(0)).toBeUndefined();
    expect(r.totals.all.provision).toBe("0.00");
    expect(r.flags[0] & FLAG_ERROR).toBe(FLAG_ERROR);
  });

  it("a balance finer than a fen is summed exactly", () => {
    // Arisen 2011-12-01, due 2011-12-31, 60 days past due (overdue), within 1 year: 5%.
    const r = runBatch({ dateArisen: [serial(2011, 12, 1), serial(2011, 12, 1)], balance: [1.005, 2.5] }, asOf, POLICY);
    // 1.005 + 2.50 = 3.505; provisions: 1.005 × 5% = 0.05025 → 0.05; 2.50 × 5% = 0.125 → 0.13
    expect(r.totals.all.balance).toBe("3.505");
    expect(r.totals.all.provision).toBe("0.18");
    expect(Array.from(r.provisionFen)).toEqual([5, 13]);
  });
});
