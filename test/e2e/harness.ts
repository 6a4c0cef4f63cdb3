/**
 * Shared by the end-to-end tests: serve dist/ over http on a free port and drive Debian's
 * Chromium with playwright-core. Screenshots go to test-artifacts/ (git-ignored).
 */
import * as fs from "fs";
import * as path from "path";
import type { Server } from "http";
import { chromium, type Browser, type Page } from "playwright-core";

const { serve } = require("../../scripts/serve.js") as {
  serve: (o: { port: number; secure: boolean }) => Promise<{ server: Server; url: string }>;
};

export const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const DIST = path.resolve(__dirname, "..", "..", "dist");

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
  newPage(): Promise<Page>;
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("No build in dist/: run `npm run build` before the end-to-end tests.");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await serve({ port: 0, secure: false });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  const pageErrors: string[] = [];
  return {
    url,
    browser,
    async newPage() {
      // A context of its own (browser.newPage's context refuses a second page, which
      // @axe-core/playwright opens to finish its run), closed with the page.
      const context = await browser.newContext({ viewport: { width: 420, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      // A renderer that crashes closes the page under the test ("Target page … has been closed"): say so.
      page.on("crash", () => {
        pageErrors.push(`the page's renderer crashed (${page.url()})`);
        process.stderr.write(`e2e: the page's renderer crashed (${page.url()})\n`);
      });
      // The context goes with its page. At the end of a file the browser may already be closing
      // (afterAll), and closing a context then rejects: that is not the test's failure. Left
      // unhandled it was, now and then, reported as "Target page, context or browser has been
      // closed" on a test that had passed.
      page.on("close", () => void context.close().catch(() => undefined));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (pageErrors.length > 0) throw new Error(`Uncaught errors in the page:\n${pageErrors.join("\n")}`);
    },
  };
}

/**
 * The harness for the test file that calls this, at its top level: started before the file's
 * tests and closed after them (which fails the file if the page threw). Use it inside tests.
 */
export function harnessPerFile(): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  const harness = (): Harness => {
    if (started === undefined) throw new Error("the harness starts in beforeAll: use it inside a test");
    return started;
  };
  return {
    get url() {
      return harness().url;
    },
    get browser() {
      return harness().browser;
    },
    newPage: () => harness().newPage(),
    close: () => harness().close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
