/**
 * Host detection (src/taskpane/host.ts), with the browser's and Office's globals stood in for:
 * which host (Excel, the preview, none) and which language (?lang=, then Office's display
 * language, then the browser's), and a deadline when office.js never calls back.
 */
import { detectHost } from "../../src/taskpane/host";

const NAMES = ["window", "navigator", "Office"] as const;
type Name = (typeof NAMES)[number];
const g = globalThis as unknown as Record<Name, unknown>;

function stand(globals: { search?: string; preview?: boolean; browserLang?: string; office?: unknown }): void {
  g.window = { location: { search: globals.search ?? "" }, ...(globals.preview ? { __AR_PREVIEW__: true } : {}) };
  Object.defineProperty(globalThis, "navigator", { value: { language: globals.browserLang ?? "en-GB" }, configurable: true, writable: true });
  if (globals.office !== undefined) g.Office = globals.office;
}

/** Office as office.js defines it inside a host (or the preview's fake): onReady says which host. */
function office(host: string | null, displayLanguage?: string): unknown {
  return { onReady: () => Promise.resolve({ host, platform: null }), context: displayLanguage === undefined ? {} : { displayLanguage } };
}

afterEach(() => {
  for (const name of NAMES) delete g[name];
  jest.useRealTimers();
});

test("no office.js: no host, the browser's language", async () => {
  stand({ browserLang: "zh-TW" });
  await expect(detectHost()).resolves.toEqual({ kind: "none", lang: "zh-CN" });
});

test("inside Excel: the excel host, Office's display language", async () => {
  stand({ browserLang: "en-US", office: office("Excel", "zh-CN") });
  await expect(detectHost()).resolves.toEqual({ kind: "excel", lang: "zh-CN" });
});

test("?lang= wins over Office's display language", async () => {
  stand({ search: "?lang=en-US", office: office("Excel", "zh-CN") });
  await expect(detectHost()).resolves.toEqual({ kind: "excel", lang: "en-US" });
});

test("the preview: its fake says Excel, the flag says preview", async () => {
  stand({ search: "?lang=zh-CN", preview: true, office: office("Excel") });
  await expect(detectHost()).resolves.toEqual({ kind: "preview", lang: "zh-CN" });
});

test("office.js in a plain browser (onReady says no host): none; Office.context that throws falls back to the browser", async () => {
  stand({
    browserLang: "zh-CN",
    office: {
      onReady: () => Promise.resolve({ host: null, platform: null }),
      get context(): never {
        throw new Error("Office.context is not available");
      },
    },
  });
  await expect(detectHost()).resolves.toEqual({ kind: "none", lang: "zh-CN" });
});

test("another Office host is not Excel", async () => {
  stand({ office: office("Word", "en-US") });
  await expect(detectHost()).resolves.toMatchObject({ kind: "none" });
});

test("office.js that never calls back: no host after the 3 s deadline", async () => {
  jest.useFakeTimers();
  stand({ office: { onReady: () => new Promise(() => undefined), context: {} } });
  const detected = detectHost();
  let settled = false;
  // Only watched here; awaited below.
  void detected.then(() => (settled = true));
  await jest.advanceTimersByTimeAsync(2999);
  expect(settled).toBe(false);
  await jest.advanceTimersByTimeAsync(1);
  await expect(detected).resolves.toEqual({ kind: "none", lang: "en-US" });
});
