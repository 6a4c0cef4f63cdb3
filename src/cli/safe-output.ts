/**
 * How the CLI writes a file without ever losing one: never over one of its own inputs (the
 * same path, a symbolic link to it or a hard link: the same device and inode), and through a
 * temporary file beside the target that is renamed over it only when complete and flushed to
 * disk. A write that fails part-way (a full disk, `ulimit -f`) leaves the previous file as it
 * was and no partial file behind; an interrupt (Ctrl-C, SIGTERM) removes the temporary file.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { closeSync, createWriteStream, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, type WriteStream } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ArError } from "../core/errors";

/** An input the outputs must not name: the option that named it and its path. */
export interface NamedFile {
  option: string;
  path: string;
}

function identity(path: string): { real: string; dev: number; ino: number } | null {
  try {
    const st = statSync(path); // follows a symbolic link to what it names
    return { real: realpathSync(path), dev: st.dev, ino: st.ino };
  } catch {
    return null; // a file that does not exist yet is nobody's input
  }
}

/**
 * Throws "cli.output-is-input" when an output names an input (or another output): the same
 * path, a symbolic link to it, or a hard link (same device and inode).
 */
export function refuseOutputOverInput(outputs: readonly NamedFile[], inputs: readonly NamedFile[]): void {
  const seen: (NamedFile & { id: ReturnType<typeof identity> })[] = inputs.map((f) => ({ ...f, id: identity(f.path) }));
  for (const out of outputs) {
    const id = identity(out.path);
    const outReal = resolve(out.path);
    for (const other of seen) {
      const same = id !== null && other.id !== null ? (id.dev === other.id.dev && id.ino === other.id.ino) || id.real === other.id.real : outReal === resolve(other.path);
      if (!same) continue;
      throw new ArError("cli.output-is-input", {
        "zh-CN": `${out.option} “${out.path}”与 ${other.option} “${other.path}”是同一个文件：检查从不覆盖自己的输入，也不把两个输出写进同一个文件；请换一个文件名。`,
        "en-US": `${out.option} "${out.path}" is the same file as ${other.option} "${other.path}": the audit never overwrites its input, nor writes two outputs to one file; give another name.`,
      });
    }
    seen.push({ ...out, id });
  }
}

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();

/** Removes the temporary files of writes still in progress (for a signal handler). */
export function removePendingOutputs(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Races a step of the write against the file's own failure, so a failed write never waits forever. */
type Watch = <T>(step: Promise<T>) => Promise<T>;

/**
 * Writes `target` through a temporary file in the same folder: `fill` writes to the stream
 * (awaiting each step through `watch`), then the file is ended, flushed to disk and renamed
 * over the target. On any failure the temporary file is removed, the target left untouched,
 * and the failure thrown.
 */
export async function writeAtomically(target: string, fill: (out: WriteStream, watch: Watch) => Promise<void>): Promise<void> {
  const temporary = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.partial`);
  const out = createWriteStream(temporary, { flags: "wx" });
  pending.add(temporary);
  const failed = new Promise<never>((_, reject) => out.on("error", reject));
  failed.catch(() => undefined); // observed through watch; never an unhandled rejection
  const watch: Watch = (step) => Promise.race([step, failed]);
  try {
    await watch(once(out, "open"));
    await fill(out, watch);
    if (!out.writableEnded) out.end();
    if (!out.writableFinished) await watch(once(out, "finish"));
    if (!out.closed) await watch(once(out, "close"));
    // On disk before it takes the target's name: a crash now leaves the old file, not an empty one.
    const fd = openSync(temporary, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    pending.delete(temporary);
  } catch (e) {
    out.destroy();
    pending.delete(temporary);
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already removed
    }
    throw e;
  }
}
