/**
 * The lint's own rules, checked on fixtures that break them: eslint run as `npm run lint` runs
 * it (eslint.config.mjs, with type information) on test/fixtures/lint/, which the lint itself
 * ignores (--no-ignore here lifts that). The fixtures have their own tsconfig.json, so the type
 * information comes from them alone and the test takes seconds.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ESLINT = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

interface LintMessage {
  ruleId: string | null;
  line: number;
  severity: number;
}

function lint(...fixtures: string[]): Map<string, LintMessage[]> {
  const files = fixtures.map((f) => join("test", "fixtures", "lint", f));
  const r = spawnSync(process.execPath, [ESLINT, "-c", "eslint.config.mjs", "--no-ignore", "--format", "json", ...files], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  // eslint exits 1 when it reports problems, 2 when it cannot run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint exited ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: LintMessage[] }[];
  return new Map(results.map((x) => [x.filePath.slice(x.filePath.lastIndexOf("/") + 1), x.messages]));
}

let results: Map<string, LintMessage[]>;
beforeAll(() => {
  results = lint("floating.ts", "misused.ts", "clean.ts", "hooks.tsx");
}, 120_000);

test("a promise nobody awaits is an error (no-floating-promises, from type information)", () => {
  expect(results.get("floating.ts")).toEqual([expect.objectContaining({ ruleId: "@typescript-eslint/no-floating-promises", line: 8, severity: 2 })]);
});

test("an async function passed where a void callback is expected is an error (no-misused-promises)", () => {
  expect(results.get("misused.ts")).toEqual([expect.objectContaining({ ruleId: "@typescript-eslint/no-misused-promises", line: 6, severity: 2 })]);
});

test("a hook called conditionally, and an effect missing a dependency, are errors (rules of hooks)", () => {
  expect(results.get("hooks.tsx")).toEqual([
    expect.objectContaining({ ruleId: "react-hooks/rules-of-hooks", line: 9, severity: 2 }),
    expect.objectContaining({ ruleId: "react-hooks/exhaustive-deps", line: 12, severity: 2 }),
  ]);
});

test("the same code awaited, or marked `void` where fire-and-forget is meant, passes", () => {
  expect(results.get("clean.ts")).toEqual([]);
});
