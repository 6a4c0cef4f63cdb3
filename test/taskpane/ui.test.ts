/** What every panel shows the same way (src/taskpane/panels/ui.ts, count.ts): error text, money, dates, percentages, counts. */
import { ArError } from "../../src/core/errors";
import { GatewayError } from "../../src/excel/errors";
import { countText } from "../../src/taskpane/panels/count";
import { errorText, money, percent, todayIso } from "../../src/taskpane/panels/ui";

describe("errorText", () => {
  test("an ArError or GatewayError in the pane's language", () => {
    const ar = new ArError("money.unparseable", { "zh-CN": "金额无法识别", "en-US": "amount not readable" });
    const gw = new GatewayError("AccessDenied", { "zh-CN": "Excel 拒绝了写入", "en-US": "Excel refused the change" });
    expect([errorText(ar, "zh-CN"), errorText(ar, "en-US")]).toEqual(["金额无法识别", "amount not readable"]);
    expect(errorText(gw, "zh-CN")).toBe("Excel 拒绝了写入");
  });
  test("any other error's own message; anything else as text", () => {
    expect(errorText(new Error("boom"), "zh-CN")).toBe("boom");
    expect(errorText({ text: null }, "en-US")).toBe("[object Object]");
    expect(errorText("plain", "en-US")).toBe("plain");
    expect(errorText(undefined, "en-US")).toBe("undefined");
  });
});

test("money: the core's exact decimal text, grouped, two decimals", () => {
  expect(money("1234.5")).toBe("1,234.50");
  expect(money("-0.01")).toBe("-0.01");
  expect(money("1344835")).toBe("1,344,835.00");
});

test("todayIso: the local calendar day, zero-padded", () => {
  expect(todayIso(new Date(2011, 7, 31, 23, 59))).toBe("2011-08-31");
  expect(todayIso(new Date(2024, 0, 5, 0, 0))).toBe("2024-01-05");
});

test("percent: one decimal at most, half up", () => {
  expect(percent("0.85")).toBe("85%");
  expect(percent("0.163648")).toBe("16.4%");
  expect(percent("0.00005")).toBe("0%");
  expect(percent("0.00051")).toBe("0.1%");
  expect(percent("1")).toBe("100%");
});

test("countText: the singular for one, the plural template otherwise", () => {
  expect(countText(1, "1 item", "{n} items")).toBe("1 item");
  expect(countText(0, "1 item", "{n} items")).toBe("0 items");
  expect(countText(3, "1 条", "{n} 条")).toBe("3 条");
});
