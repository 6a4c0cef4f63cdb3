/**
 * Every tab at the widths real task panes have (320 px, the narrowest Excel allows, and 450 px),
 * in both languages, on the preview page with something shown on each tab (a check's results,
 * an answered questionnaire, customers found for notices, the policy): nothing runs past the
 * pane (each tab's scrollWidth ≤ clientWidth, and no element's box beyond the pane's right edge),
 * and a screenshot of each (test-artifacts/narrow-<lang>-<width>-<tab>.png).
 *
 * Each tab, in both languages at 320 px, also gets its own test running axe (@axe-core/playwright, a dev dependency)
 * on it: no serious or critical violation, but for the upstream ones named below.
 */
import * as path from "path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { harnessPerFile, ARTIFACTS } from "./harness";

const h = harnessPerFile();

type Lang = "zh-CN" | "en-US";
const TABS: Record<Lang, Record<"validate" | "credit" | "notices" | "policy", string>> = {
  "zh-CN": { validate: "检查", credit: "信用", notices: "通知书", policy: "制度" },
  "en-US": { validate: "Validate", credit: "Credit", notices: "Notices", policy: "Policy" },
};
type Tab = keyof (typeof TABS)["zh-CN"];

/** The preview with the pane `width` px wide, and the page as tall as the pane's content (for whole-tab screenshots). */
async function openPreview(page: Page, lang: Lang, width: number): Promise<void> {
  await page.setViewportSize({ width: 900 + width, height: 900 });
  await page.goto(`${h.url}/preview.html?lang=${lang}`);
  await page.getByRole("tab", { name: TABS[lang].validate }).waitFor({ timeout: 15000 });
  // Through the CSSOM (the page's CSP allows no injected style sheet).
  await page.evaluate((w) => {
    const layout = document.querySelector(".layout") as HTMLElement;
    layout.style.gridTemplateColumns = `minmax(0, 1fr) ${w}px`;
  }, width);
}

/** Something on each tab worth looking at: a check's results, answers, customers found. */
async function fillTab(page: Page, lang: Lang, tab: Tab): Promise<void> {
  if (tab === "validate") {
    await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-picker"]') as HTMLElement | null)?.textContent?.includes("应收账款台账"));
    await page.getByTestId("run").click();
    await page.getByTestId("results").waitFor({ timeout: 60000 });
  } else if (tab === "credit") {
    await page.getByTestId("panel-credit").waitFor({ timeout: 15000 });
    await page.getByTestId("header-customer").fill("四川华西建设集团有限公司");
    await page.getByTestId("header-contractValue").fill("1,000,000.00");
    for (let n = 1; n <= 5; n++) await page.getByTestId(`answer-${n}-1`).selectOption("1");
  } else if (tab === "notices") {
    await page.getByTestId("panel-notices").waitFor({ timeout: 15000 });
    await page.getByTestId("find").click();
    await page.getByTestId("notices-found").waitFor({ timeout: 60000 });
  } else {
    await page.getByTestId("panel-policy").waitFor({ timeout: 15000 });
  }
}

/** What runs past the pane on a tab: its own overflow, and elements whose box ends beyond the pane's right edge. */
async function overflow(page: Page, tab: Tab): Promise<{ scrollWidth: number; clientWidth: number; rootScroll: number; rootClient: number; beyond: string[] }> {
  return page.evaluate((t) => {
    const root = document.getElementById("root")!;
    const panel = document.querySelector(`[data-testid="panel-${t}"]`) as HTMLElement;
    // The tab's own box (its card) must hold everything: the pane's padding is no place to run into.
    const right = Math.min(root.getBoundingClientRect().right, panel.getBoundingClientRect().right);
    const beyond: string[] = [];
    for (const el of Array.from(panel.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Fluent's own visually hidden elements (the live region, focus guards) are 1 px boxes.
      if (r.width <= 1 && r.height <= 1) continue;
      if (r.right > right + 0.5) beyond.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}.${(el.className || "").toString().split(" ")[0]} right=${Math.round(r.right)} > ${Math.round(right)}: ${(el.textContent ?? "").slice(0, 30)}`);
    }
    return { scrollWidth: panel.scrollWidth, clientWidth: panel.clientWidth, rootScroll: root.scrollWidth, rootClient: root.clientWidth, beyond: beyond.slice(0, 10) };
  }, tab);
}

/** A screenshot of the whole tab: the pane's column grown to its content first. */
async function paneShot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    const layout = document.querySelector(".layout") as HTMLElement;
    layout.style.height = "auto";
    layout.style.gridTemplateRows = "auto";
  });
  await page.locator("#root").screenshot({ path: path.join(ARTIFACTS, file) });
  await page.evaluate(() => {
    const layout = document.querySelector(".layout") as HTMLElement;
    layout.style.height = "";
    layout.style.gridTemplateRows = "";
  });
}

for (const lang of ["zh-CN", "en-US"] as const) {
  for (const width of [320, 450]) {
    test(`${lang} at ${width} px: every tab fits the pane`, async () => {
      const page = await h.newPage();
      await openPreview(page, lang, width);
      for (const tab of ["validate", "credit", "notices", "policy"] as const) {
        await page.getByRole("tab", { name: TABS[lang][tab] }).click();
        await fillTab(page, lang, tab);
        const o = await overflow(page, tab);
        expect([tab, o.beyond]).toEqual([tab, []]);
        expect([tab, o.scrollWidth <= o.clientWidth, o.rootScroll <= o.rootClient]).toEqual([tab, true, true]);
        await paneShot(page, `narrow-${lang}-${width}-${tab}.png`);
      }
      await page.close();
    });
  }
}

/**
 * Waits for every finite CSS transition and animation on the page to end. Fluent's buttons fade
 * their colours over ~100 ms when their appearance changes (Find turns from primary to secondary
 * once customers are found); axe measuring contrast mid-fade reads a colour the user never rests
 * on, and once did (a CI run reported the Find button's contrast). Spinners loop forever and are
 * not waited for.
 */
async function transitionsDone(page: Page): Promise<void> {
  // Only running animations: a paused or idle one's `finished` never settles. Bounded, so a
  // transition that never ends names itself instead of eating the test's whole timeout.
  const pending = await page.evaluate(async () => {
    const running = document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
    const settled = Promise.all(running.map((a) => a.finished.catch(() => undefined))).then(() => [] as string[]);
    const late = new Promise<string[]>((resolve) => setTimeout(() => resolve(running.filter((a) => a.playState === "running").map((a) => (a as CSSTransition).transitionProperty || (a as CSSAnimation).animationName || a.id || "an animation")), 5000));
    return Promise.race([settled, late]);
  });
  expect(pending).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Known upstream problems, each with its issue; a violation is excused only for the nodes named.
 * Tabster (Fluent v9's focus manager) puts a focusable aria-hidden <i data-tabster-dummy> at each
 * end of a TabList so Tab leaves the list in one press: microsoft/tabster#288 (open), closed as
 * by design in microsoft/fluentui#27517 and #25133; Accessibility Insights suppresses it
 * (microsoft/accessibility-insights-web#7605). Only those elements are excused.
 */
const UPSTREAM: { id: string; html: RegExp; issue: string }[] = [{ id: "aria-hidden-focus", html: /^<i [^>]*data-tabster-dummy=/, issue: "https://github.com/microsoft/tabster/issues/288" }];

// One test per tab, each on its own page: a slow machine gets the whole timeout for one tab's
// work (a check's run, a search for customers) and axe's pass over it, and a failure names the tab.
for (const lang of ["zh-CN", "en-US"] as const) {
  for (const tab of ["validate", "credit", "notices", "policy"] as const) {
    test(`axe on the ${tab} tab in ${lang} at 320 px: no serious or critical violation`, async () => {
      const page = await h.newPage();
      try {
        await openPreview(page, lang, 320);
        await page.getByRole("tab", { name: TABS[lang][tab] }).click();
        await fillTab(page, lang, tab);
        await transitionsDone(page);
        // @axe-core/playwright injects axe as an evaluated expression (the devtools protocol's, which the
        // page's CSP does not govern) into every frame, and runs it on the pane's root.
        const results = await new AxeBuilder({ page }).include("#root").analyze();
        const violations: AxeViolation[] = results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })) }));
        const report: string[] = [];
        for (const v of violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          const nodes = v.nodes.filter((n) => !UPSTREAM.some((u) => u.id === v.id && u.html.test(n.html)));
          if (nodes.length > 0) report.push(`${tab}: ${v.id} (${v.impact}) ${v.help}: ${nodes.map((n) => n.target.join(" ")).join(", ")}`);
        }
        expect(report).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
}
