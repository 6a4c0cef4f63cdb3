/**
 * The fake Excel's load/sync rules: what gateway tests rely on behaving like Excel.
 * Each block names the semantic it pins down.
 */
import { createFakeExcel, FakeOfficeError, type FakeExcel, type FakeWorkbookData } from "../../src/preview/fake-excel";

const LEDGER: FakeWorkbookData = {
  sheets: [
    { name: "Ledger", cells: [["Customer", "Amount"], ["Acme", 12], ["Globex", 30]] },
    { name: "Sheet 1", cells: { B2: "spaced" } },
  ],
  settings: { existing: { version: 1 } },
};

function fresh(data: FakeWorkbookData = LEDGER, options?: Parameters<typeof createFakeExcel>[1]): FakeExcel {
  return createFakeExcel(data, options);
}

describe("proxies and load/sync", () => {
  test("reading a property before load() and sync() throws PropertyNotLoaded naming the property", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("A1:B2");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load("values");
      // Loaded but not yet synced: still not available.
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FakeOfficeError);
      expect(error).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded", debugInfo: { errorLocation: "Range.values" } });
      await context.sync();
      expect(range.values).toEqual([
        ["Customer", "Amount"],
        ["Acme", 12],
      ]);
      expect(() => range.address).toThrow(/'address'/);
    });
  });

  test("load accepts 'a, b', ['a'], { select }, { a: true }, nested paths, and load() loads every scalar", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      const a = sheet.getRange("A1:B1").load("values, address");
      const b = sheet.getRange("A2").load(["values"]);
      const c = sheet.getRange("B2").load({ select: "values, rowIndex" });
      const d = sheet.getRange("B3").load({ values: true, format: { font: { bold: true } } } as unknown as string);
      const e = sheet.getRange("B3").load("format/fill/color, worksheet/name");
      const all = sheet.getRange("A1:B3").load();
      await context.sync();
      expect(a.address).toBe("Ledger!A1:B1");
      expect(b.values).toEqual([["Acme"]]);
      expect(c.rowIndex).toBe(1);
      expect(d.values).toEqual([[30]]);
      expect(d.format.font.bold).toBe(false);
      expect(e.format.fill.color).toBe("#FFFFFF");
      expect(e.worksheet.name).toBe("Ledger");
      expect(all.rowCount).toBe(3);
      expect(all.columnCount).toBe(2);
      expect(all.text[2]).toEqual(["Globex", "30"]);
      expect(all.valueTypes[1]).toEqual(["String", "Double"]);
      expect(all.numberFormat[0]).toEqual(["General", "General"]);
      expect(all.formulas[1]).toEqual(["Acme", 12]);
    });
  });

  test("writes are queued and applied in order at the next sync; a later load sees them", async () => {
    const fake = fresh();
    const sheet = fake.workbook.getSheet("Ledger");
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("C1:C2");
      range.values = [["first"], ["x"]];
      range.values = [["second"], ["y"]];
      expect(sheet.cell("C1").value).toBe(""); // nothing reaches the workbook before sync
      const check = context.workbook.worksheets.getItem("Ledger").getRange("C1").load("values");
      await context.sync();
      expect(check.values).toEqual([["second"]]);
      expect(sheet.cell("C2").value).toBe("y");
    });
  });

  test("a value set on a proxy reads back locally before sync, as in Office.js", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("D1");
      range.values = [["=1+1"]];
      expect(range.values).toEqual([["=1+1"]]); // the raw value set, not Excel's result
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[2]]);
    });
  });

  test("Excel.run flushes commands still queued when the batch function returns", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ledger").getRange("E1").values = [["late"]];
    });
    expect(fake.workbook.getSheet("Ledger").cell("E1").value).toBe("late");
    expect(fake.stats.syncs).toBe(1);
  });

  test("a batch function that throws discards its queued commands", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("E1").values = [["never"]];
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(fake.workbook.getSheet("Ledger").cell("E1").value).toBe("");
    expect(fake.stats.syncs).toBe(0);
  });

  test("proxies from a finished Excel.run cannot queue work (InvalidObjectPath), but keep loaded values", async () => {
    const fake = fresh();
    let kept: Excel.Range | undefined;
    await fake.Excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Ledger").getRange("A1").load("values");
      await context.sync();
    });
    expect(kept!.values).toEqual([["Customer"]]);
    expect(() => kept!.load("address")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("the batch function must return a promise", async () => {
    const fake = fresh();
    await expect(fake.Excel.run((() => 1) as unknown as () => Promise<number>)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("addresses: A1, A1:C3, whole columns, whole rows, sheet prefixes with quotes", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const ledger = context.workbook.worksheets.getItem("Ledger");
      const spaced = context.workbook.worksheets.getItem("Sheet 1");
      const ranges = [ledger.getRange("A1"), ledger.getRange("A1:C3"), ledger.getRange("A:C"), ledger.getRange("2:4"), ledger.getRange("Ledger!$B$2"), spaced.getRange("'Sheet 1'!B2")];
      ranges.forEach((r) => r.load("address, rowCount, columnCount, isEntireColumn"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual(["Ledger!A1", "Ledger!A1:C3", "Ledger!A:C", "Ledger!2:4", "Ledger!B2", "'Sheet 1'!B2"]);
      expect(ranges[2].rowCount).toBe(1_048_576);
      expect(ranges[2].isEntireColumn).toBe(true);
      expect(ranges[3].columnCount).toBe(16_384);
    });
  });

  test("a bad address rejects the sync with InvalidArgument", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("A1:ZZZZ9").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("range navigation: getCell, getResizedRange, getOffsetRange, getRow/getColumn, getIntersection, getLastRow", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Ledger").getRange("B2:D5");
      const derived = [
        base.getCell(1, 1),
        base.getResizedRange(1, -1),
        base.getOffsetRange(2, 1),
        base.getRow(0),
        base.getColumn(2),
        base.getIntersection("C1:C3"),
        base.getLastRow(),
        base.getEntireColumn(),
        base.getRowsAbove(1),
        base.getBoundingRect("F9"),
      ];
      derived.forEach((r) => r.load("address"));
      const none = base.getIntersectionOrNullObject("A10:A12");
      await context.sync();
      expect(derived.map((r) => r.address)).toEqual([
        "Ledger!C3",
        "Ledger!B2:C6",
        "Ledger!C4:E7",
        "Ledger!B2:D2",
        "Ledger!D2:D5",
        "Ledger!C2:C3",
        "Ledger!B5:D5",
        "Ledger!B:D",
        "Ledger!B1:D1",
        "Ledger!B2:F9",
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("value and formula dimension mismatches reject with InvalidArgument and change nothing", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("A1:B2").values = [["only one row", "x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("doesn't match the size") });
    expect(fake.workbook.getSheet("Ledger").cell("A1").value).toBe("Customer");
  });

  test("a single value (not an array) fills every cell; null in an array leaves a cell alone; '' clears", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      (sheet.getRange("F1:F3") as unknown as { values: unknown }).values = 7;
      sheet.getRange("A2:B3").values = [
        [null, ""],
        ["Initech", null],
      ];
      await context.sync();
    });
    const s = fake.workbook.getSheet("Ledger");
    expect(s.values("F1:F3")).toEqual([[7], [7], [7]]);
    expect(s.values("A2:B3")).toEqual([
      ["Acme", ""],
      ["Initech", 30],
    ]);
  });
});

describe("null objects", () => {
  test("*OrNullObject sets isNullObject after sync; a property of a null object reads undefined, as in Office.js", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Ledger");
      present.load("name");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Ledger");
      expect(missing.name).toBeUndefined();
      // Loaded before the sync that answered isNullObject: still PropertyNotLoaded-free, and undefined.
      expect(missing.toJSON()).toEqual({});
    });
  });

  test("a write through a null object rejects with ItemNotFound", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
        await context.sync();
        missing.getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("getUsedRangeOrNullObject is null on a blank sheet; getUsedRange is A1 there", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Blank" }] });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blank");
      const orNull = sheet.getUsedRangeOrNullObject();
      const used = sheet.getUsedRange().load("address");
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe("Blank!A1");
    });
  });

  test("getItem of a missing sheet rejects the sync with ItemNotFound", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", debugInfo: { statement: expect.stringContaining('getItem("Nope")') } });
  });

  test("creating a getItem proxy alone sends nothing and fails nothing", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("sync counting and payload sizes", () => {
  test("each round trip counts once and records the JSON bytes out and in", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("A1:B3");
      range.load("values");
      await context.sync();
      await context.sync(); // empty: no round trip
      range.values = [
        ["a", 1],
        ["b", 2],
        ["c", 3],
      ];
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.syncCalls).toBe(4); // two explicit with work, one empty, Excel.run's closing one
    const [read, write] = fake.stats.requests;
    const readBack = JSON.stringify([
      ["Customer", "Amount"],
      ["Acme", 12],
      ["Globex", 30],
    ]).length;
    expect(read.bytesIn).toBeGreaterThanOrEqual(readBack);
    expect(read.bytesIn).toBeLessThan(readBack + 100);
    const sent = JSON.stringify([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]).length;
    expect(write.bytesOut).toBeGreaterThanOrEqual(sent);
    expect(write.bytesOut).toBeLessThan(sent + 200);
    expect(fake.stats.maxRequestBytes).toBe(Math.max(read.bytesOut, write.bytesOut));
    fake.resetStats();
    expect(fake.stats).toMatchObject({ syncs: 0, syncCalls: 0, requests: [] });
  });

  test("a request over 5 MB rejects with RequestPayloadSizeLimitExceeded and applies nothing from the batch", async () => {
    const fake = fresh();
    const big = Array.from({ length: 60_000 }, (_, i) => [`customer number ${i} with a long name`, i, "x".repeat(40)]);
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Ledger");
        sheet.getRange("H1").values = [["small write in the same batch"]];
        context.workbook.worksheets.add("Added");
        sheet.getRange(`A1:C${big.length}`).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.requests[0].bytesOut).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.workbook.getSheet("Ledger").cell("H1").value).toBe("");
    expect(fake.workbook.hasSheet("Added")).toBe(false);
    expect(fake.workbook.getSheet("Ledger").cell("A1").value).toBe("Customer");
  });

  test("the same data written in chunks passes", async () => {
    const fake = fresh();
    const big = Array.from({ length: 60_000 }, (_, i) => [`customer number ${i} with a long name`, i, "x".repeat(40)]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      for (let start = 0; start < big.length; start += 20_000) {
        sheet.getRange(`A${start + 1}:C${start + 20_000}`).values = big.slice(start, start + 20_000);
        await context.sync();
      }
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.workbook.getSheet("Ledger").cell("B60000").value).toBe(59_999);
  });

  test("a response over the limit rejects with ResponsePayloadSizeLimitExceeded; the limit is configurable", async () => {
    const fake = fresh(LEDGER, { payloadLimitBytes: 1000 });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ledger").getRange("A1:A3").values = [["a"], ["b"], ["c"]];
      await context.sync();
    });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("A1:Z100").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    fake.options.payloadLimitBytes = Infinity;
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ledger").getRange("A1:Z100").load("values");
      await context.sync();
    });
  });

  test("reading more than five million cells rejects with RangeExceedsLimit", async () => {
    const fake = fresh(LEDGER, { payloadLimitBytes: Infinity });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("A:E").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });
});

describe("protection, read-only workbooks and injected failures", () => {
  const PROTECTED: FakeWorkbookData = {
    sheets: [
      { name: "Open", cells: [["a"]] },
      { name: "Locked", cells: [["keep"]], protected: true },
    ],
  };

  test("writing to a protected sheet rejects with AccessDenied and applies nothing", async () => {
    const fake = createFakeExcel(PROTECTED);
    await expect(
      fake.Excel.run(async (context) => {
        const locked = context.workbook.worksheets.getItem("Locked");
        locked.getRange("A1").values = [["changed"]];
        locked.getRange("B1").format.fill.color = "red";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.getSheet("Locked").cell("A1").value).toBe("keep");
    expect(fake.workbook.getSheet("Locked").style("B1")["fill.color"]).toBe("#FFFFFF");
  });

  test("reads of a protected sheet work, and protection can be read and lifted", async () => {
    const fake = createFakeExcel(PROTECTED);
    await fake.Excel.run(async (context) => {
      const locked = context.workbook.worksheets.getItem("Locked");
      const value = locked.getRange("A1").load("values");
      locked.protection.load("protected");
      await context.sync();
      expect(value.values).toEqual([["keep"]]);
      expect(locked.protection.protected).toBe(true);
      locked.protection.unprotect();
      locked.getRange("A1").values = [["now allowed"]];
      await context.sync();
    });
    expect(fake.workbook.getSheet("Locked").cell("A1").value).toBe("now allowed");
  });

  test("failureMode 'partial' (default, as Excel): commands before the failing one stay applied", async () => {
    const fake = createFakeExcel(PROTECTED);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Open").getRange("A1").values = [["written first"]];
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["denied"]];
        context.workbook.worksheets.getItem("Open").getRange("A2").values = [["never reached"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied", debugInfo: { statement: expect.stringContaining('getItem("Locked")') } });
    expect(fake.workbook.getSheet("Open").values("A1:A2")).toEqual([["written first"], [""]]);
  });

  test("failureMode 'atomic': a failed batch leaves the workbook as it was", async () => {
    const fake = createFakeExcel(PROTECTED, { failureMode: "atomic" });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add("New");
        context.workbook.worksheets.getItem("Open").getRange("A1").values = [["written first"]];
        context.workbook.settings.add("k", 1);
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["denied"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.getSheet("Open").cell("A1").value).toBe("a");
    expect(fake.workbook.hasSheet("New")).toBe(false);
    expect(fake.workbook.settings.has("k")).toBe(false);
  });

  test("a read-only workbook rejects every write with AccessDenied but still reads", async () => {
    const fake = createFakeExcel({ ...PROTECTED, readOnly: true });
    const writes: ((context: Excel.RequestContext) => void)[] = [
      (c) => (c.workbook.worksheets.getItem("Open").getRange("A1").values = [["x"]]),
      (c) => void c.workbook.worksheets.add("X"),
      (c) => void c.workbook.settings.add("k", 1),
      (c) => (c.workbook.worksheets.getItem("Open").name = "Renamed"),
      (c) => void c.workbook.names.add("N", "Open!A1"),
      (c) => c.workbook.worksheets.getItem("Open").freezePanes.freezeRows(1),
    ];
    for (const write of writes) {
      await expect(
        fake.Excel.run(async (context) => {
          write(context);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Open").getRange("A1").load("values");
      await context.sync();
      expect(r.values).toEqual([["a"]]);
    });
  });

  test("failSync(n) fails the n-th round trip from now; a failure leaves the workbook as it was", async () => {
    const fake = fresh();
    fake.failSync(2, { code: "GeneralException" });
    const writeTwice = fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1").values = [["step 1"]];
      await context.sync();
      sheet.getRange("A2").values = [["step 2"]];
      await context.sync();
    });
    await expect(writeTwice).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.workbook.getSheet("Ledger").values("A1:A2")).toEqual([["step 1"], ["Acme"]]);
    expect(fake.stats.requests.map((r) => r.error)).toEqual([undefined, "GeneralException"]);
  });

  test("failSync can fail in the middle of a batch (afterCommands)", async () => {
    const fake = fresh();
    fake.failSync(1, { code: "RequestAborted", afterCommands: 1 });
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Ledger");
        sheet.getRange("A1").values = [["ran"]];
        sheet.getRange("A2").values = [["dropped"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestAborted" });
    expect(fake.workbook.getSheet("Ledger").values("A1:A2")).toEqual([["ran"], ["Acme"]]);
  });
});

describe("settings", () => {
  test("settings round trip through JSON: add, get, getItemOrNullObject, items, delete", async () => {
    const fake = fresh();
    const when = new Date(Date.UTC(2025, 0, 15));
    await fake.Excel.run(async (context) => {
      context.workbook.settings.add("policy", { aging: [30, 60, 90], name: "应收账款", when });
      await context.sync();
    });
    await fake.Excel.run(async (context) => {
      const policy = context.workbook.settings.getItem("policy").load("value");
      const missing = context.workbook.settings.getItemOrNullObject("missing");
      const all = context.workbook.settings.load("items/key");
      const count = context.workbook.settings.getCount();
      await context.sync();
      expect(policy.value).toEqual({ aging: [30, 60, 90], name: "应收账款", when: "2025-01-15T00:00:00.000Z" });
      expect(missing.isNullObject).toBe(true);
      expect(all.items.map((s) => s.key)).toEqual(["existing", "policy"]);
      expect(count.value).toBe(2);
      context.workbook.settings.getItem("existing").delete();
      await context.sync();
    });
    expect(fake.workbook.settings.toJSON()).toEqual({ policy: { aging: [30, 60, 90], name: "应收账款", when: "2025-01-15T00:00:00.000Z" } });
  });

  test("a value that is not JSON rejects with InvalidArgument; getItem of a missing key with ItemNotFound", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.settings.add("bad", () => 1);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.settings.getItem("missing").load("value");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("gaps are loud", () => {
  test("members of the real API the fake lacks throw 'FakeExcel: X is not implemented'", async () => {
    const fake = fresh();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ledger").getRange("A1");
      expect(() => range.find("x", {})).toThrow("FakeExcel: Range.find is not implemented");
      expect(() => range.load("numberFormatCategories")).toThrow("FakeExcel: Range.numberFormatCategories is not implemented");
      expect(() => (range.format.font.tintAndShade = 0.5)).toThrow("FakeExcel: RangeFont.tintAndShade is not implemented");
      expect(() => context.workbook.comments).toThrow("FakeExcel: Workbook.comments is not implemented");
    });
    expect(() => (fake.Excel as unknown as Record<string, unknown>).createWorkbook).toThrow("FakeExcel: Excel.createWorkbook is not implemented");
  });

  test("a property Excel does not have rejects the load with InvalidArgument", async () => {
    const fake = fresh();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ledger").getRange("A1").load("valuez");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
