import Decimal from "decimal.js";
import { amountInWords } from "../../src/core/capitals";
import { Dec } from "../../src/core/money";
import { thrown } from "../helpers/errors";

describe("amountInWords: the examples of 支付结算办法 and the brief", () => {
  it.each([
    ["1680.32", "壹仟陆佰捌拾元零叁角贰分"], // official: 元位 0 before 角 -> 零
    ["107000.53", "壹拾万柒仟元零伍角叁分"], // official: 万位 0 before 仟 -> no 零; 元位 0 before 角 -> 零
    ["909600", "玖拾万玖仟陆佰元整"],
    ["100.05", "壹佰元零伍分"],
    ["1409.50", "壹仟肆佰零玖元伍角"],
    ["6007.14", "陆仟零柒元壹角肆分"],
    ["999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
  ])("%s -> %s", (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });
});

describe("amountInWords: rules", () => {
  it.each([
    // a leading 拾 is written 壹拾
    ["10", "壹拾元整"],
    ["15", "壹拾伍元整"],
    ["100000", "壹拾万元整"],
    ["1000000000", "壹拾亿元整"],
    ["110000", "壹拾壹万元整"],
    // runs of zeros inside collapse to one 零
    ["1000100", "壹佰万零壹佰元整"],
    ["100000001", "壹亿零壹元整"],
    ["10010000", "壹仟零壹万元整"],
    ["1001", "壹仟零壹元整"],
    ["1010", "壹仟零壹拾元整"],
    ["100100", "壹拾万零壹佰元整"], // 万位 and 仟位 both 0: the run reaches 佰, so 零
    ["100010000", "壹亿零壹万元整"],
    ["1000000001", "壹拾亿零壹元整"],
    // a zero 万 group writes no 万
    ["100000000", "壹亿元整"],
    ["100000100", "壹亿零壹佰元整"],
    ["100001000", "壹亿零壹仟元整"], // whole 万 group zero: nothing marks the gap, so 零 (see capitals.ts)
    ["110001000", "壹亿壹仟万壹仟元整"], // 万 written: it marks the place, no 零 before 仟
    ["1050000000", "壹拾亿伍仟万元整"], // 亿位 0, 仟万 non-zero: no 零 after 亿
    ["1005000000", "壹拾亿零伍佰万元整"],
    ["20000", "贰万元整"],
    ["20001", "贰万零壹元整"],
    ["21000", "贰万壹仟元整"],
    // integer ends in 0, then 角 -> 零 after 元
    ["100.50", "壹佰元零伍角"],
    ["10.3", "壹拾元零叁角"],
    ["100000.10", "壹拾万元零壹角"],
    ["101.5", "壹佰零壹元伍角"],
    // fen with zero jiao -> 元零X分
    ["1.01", "壹元零壹分"],
    ["10.05", "壹拾元零伍分"],
    // integer part 0 starts at 角/分
    ["0.05", "伍分"],
    ["0.5", "伍角"],
    ["0.50", "伍角"],
    ["0.55", "伍角伍分"],
    ["0.01", "壹分"],
    ["0", "零元整"],
    ["1", "壹元整"],
    ["2.2", "贰元贰角"],
    ["12345678.9", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"],
    // negatives
    ["-5", "负伍元整"],
    ["-0.05", "负伍分"],
    ["-1680.32", "负壹仟陆佰捌拾元零叁角贰分"],
    // boundaries
    ["100000000000", "壹仟亿元整"], // 10^11
    ["999999999999.994", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"], // rounds down to 10^12 - 0.01
  ])("%s -> %s", (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });
});

describe("amountInWords: rounding first, half-up", () => {
  it.each([
    ["0.005", "壹分"],
    ["-0.005", "负壹分"], // away from zero
    ["2.675", "贰元陆角捌分"], // exact as a string: 2.68
    ["0.004", "零元整"],
    ["-0.004", "零元整"], // rounds to 0: no 负
    ["9.995", "壹拾元整"],
  ])("%s -> %s", (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });
});

describe("amountInWords: inputs", () => {
  it("takes a Decimal, a number or a string", () => {
    expect(amountInWords(new Dec("1680.32"))).toBe("壹仟陆佰捌拾元零叁角贰分");
    expect(amountInWords(new Decimal("1680.32"))).toBe("壹仟陆佰捌拾元零叁角贰分");
    expect(amountInWords(1680.32)).toBe("壹仟陆佰捌拾元零叁角贰分");
    expect(amountInWords(0.1 + 0.2)).toBe("叁角"); // 15 significant digits, as Excel
  });

  it("reads strings as parseMoney does", () => {
    expect(amountInWords("90.96万")).toBe("玖拾万玖仟陆佰元整");
    expect(amountInWords("¥1,680.32")).toBe("壹仟陆佰捌拾元零叁角贰分");
    expect(amountInWords("(5.00)")).toBe("负伍元整");
  });

  it("refuses 10^12 and beyond, either sign", () => {
    for (const a of ["1000000000000", "-1000000000000", "999999999999.995"]) {
      const e = thrown(() => amountInWords(a));
      expect(e.id).toBe("capitals.out-of-range");
      expect(e.excel).toBe("#NUM!");
    }
    // 10^13 and beyond are refused already as amounts (the product's limit), before the capitals.
    expect(thrown(() => amountInWords(1e15)).id).toBe("money.out-of-range");
  });

  it("refuses blanks and unreadable input", () => {
    expect(thrown(() => amountInWords("")).id).toBe("capitals.missing-amount");
    expect(thrown(() => amountInWords("#N/A")).id).toBe("capitals.missing-amount");
    expect(thrown(() => amountInWords("abc")).id).toBe("money.unparseable");
    expect(thrown(() => amountInWords(NaN)).id).toBe("money.unparseable");
    expect(thrown(() => amountInWords(new Dec(Infinity))).id).toBe("money.unparseable");
  });
});
