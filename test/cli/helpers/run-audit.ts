/**
 * Running the headless audit as its users do: a child process (`node --import tsx
 * src/cli/audit.ts …`), so exit codes, stderr and what is left on disk are the real ones. A run
 * may be given a heap limit (--max-old-space-size), a kill timeout and a shell prefix (a ulimit).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..", "..");
export const SAMPLE = join(ROOT, "assets", "sample-ledger.xlsx");

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stderr without blank lines and without npm's or Node's notices about the environment. */
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** V8's old-space limit in MB for the audit's process. */
  maxOldSpaceMb?: number;
  /** Kill the run after this long (a generous bound, not a speed test). */
  timeoutMs?: number;
  /** Shell commands run before the audit in the same shell, e.g. "ulimit -f 20". */
  shellPrefix?: string;
}

export function audit(args: readonly string[], options: RunOptions = {}): Run {
  const node = [process.execPath, ...(options.maxOldSpaceMb === undefined ? [] : [`--max-old-space-size=${options.maxOldSpaceMb}`]), "--import", "tsx", "src/cli/audit.ts", ...args];
  const env = { ...process.env, LANG: "en_US.UTF-8", ...options.env };
  const r =
    options.shellPrefix === undefined
      ? spawnSync(node[0], node.slice(1), { cwd: ROOT, encoding: "utf8", env, timeout: options.timeoutMs ?? 120_000, killSignal: "SIGKILL" })
      : spawnSync("bash", ["-c", `${options.shellPrefix}; exec "$@"`, "bash", ...node], { cwd: ROOT, encoding: "utf8", env, timeout: options.timeoutMs ?? 120_000, killSignal: "SIGKILL" });
  const stderr = (r.stderr ?? "")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("npm warn") && !l.startsWith("(node:") && !l.includes("--trace-warnings"))
    .join("\n");
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr };
}

/** The run ended as a refusal: exit 2, nothing on stdout, one line on stderr starting "audit: ". */
export function expectRefusal(r: Run, reason: RegExp): void {
  expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: "" });
  expect(r.stderr.split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^audit: /);
  expect(r.stderr).toMatch(reason);
}
