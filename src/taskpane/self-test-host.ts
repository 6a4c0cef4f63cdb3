/**
 * Where the self-test runs: in Excel, on the workbook that is open (the tester's new blank one),
 * through the same Excel.run as every other surface; in the preview, on a new in-memory workbook
 * the preview page provides (window.__AR_SELF_TEST_HOST__), so the sample workbook is left alone.
 */
import type { SelfTestHost, SelfTestReport } from "../excel/self-test";
import type { SelfTestUi } from "./panels/SelfTestPanel";

export type SelfTestHostBase = Omit<SelfTestHost, "onProgress" | "prompt">;

declare global {
  interface Window {
    /** Set by the preview page: a fresh in-memory workbook for each self-test run. */
    __AR_SELF_TEST_HOST__?: () => SelfTestHostBase;
  }
}

/** Whether the hidden Self-test tab is asked for (?selftest=1 on the pane's URL). */
export function selfTestRequested(): boolean {
  return new URLSearchParams(window.location.search).get("selftest") === "1";
}

function officeLabel(): string {
  try {
    const d = Office.context.diagnostics;
    return `Excel ${String(d.platform)} ${d.version}`;
  } catch {
    return "Excel";
  }
}

async function excelHost(): Promise<SelfTestHostBase> {
  const { excelRunner, hostRequirements } = await import("../excel/run");
  return { run: excelRunner(Excel), requirements: hostRequirements(), label: officeLabel() };
}

export function selfTestStarter(lang: "zh-CN" | "en-US"): (ui: SelfTestUi) => Promise<SelfTestReport> {
  return async (ui) => {
    const { runSelfTest } = await import("../excel/self-test");
    const base = window.__AR_SELF_TEST_HOST__ ? window.__AR_SELF_TEST_HOST__() : await excelHost();
    return runSelfTest({ ...base, onProgress: ui.onProgress, prompt: ui.prompt }, lang);
  };
}
