import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";
import { format, resolveLang } from "../../src/i18n";

function keyPaths(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(o: unknown): unknown[] {
  if (typeof o !== "object" || o === null) return [o];
  return Object.values(o).flatMap(leaves);
}

test("Office display languages map to the two catalogues", () => {
  expect(resolveLang("zh-CN")).toBe("zh-CN");
  expect(resolveLang("zh-TW")).toBe("zh-CN");
  expect(resolveLang("ZH")).toBe("zh-CN");
  expect(resolveLang("en-GB")).toBe("en-US");
  expect(resolveLang("fr-FR")).toBe("en-US");
  expect(resolveLang("zhx")).toBe("en-US");
  expect(resolveLang(undefined)).toBe("en-US");
  expect(resolveLang("")).toBe("en-US");
});

test("zh-CN and en-US have the same keys and no empty strings", () => {
  expect(keyPaths(zhCN).sort()).toEqual(keyPaths(enUS).sort());
  for (const v of [...leaves(zhCN), ...leaves(enUS)]) {
    expect(typeof v).toBe("string");
    expect((v as string).trim()).not.toBe("");
  }
});

test("zh-CN strings are Chinese, not untranslated English", () => {
  const english = leaves(enUS) as string[];
  const chinese = leaves(zhCN) as string[];
  chinese.forEach((s, i) => {
    if (/[A-Za-z]{4,}/.test(english[i] as string)) expect(s).not.toBe(english[i]);
  });
});

test("format fills placeholders and leaves unknown ones visible", () => {
  expect(format("up to {days} days", { days: 20 })).toBe("up to 20 days");
  expect(format("{a} and {b}", { a: "x" })).toBe("x and {b}");
});
