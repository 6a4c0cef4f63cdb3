/**
 * A temporary folder per test file (made before its tests, removed after them), and files
 * written into it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TempFolder {
  /** The folder's path (valid inside the tests). */
  path(): string;
  /** Writes a file into the folder and returns its path. */
  file(name: string, content: Buffer | string): string;
}

/** Not a React hook, hence not `use…`: it registers the file's beforeAll/afterAll. */
export function tempFolderPerFile(prefix: string): TempFolder {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: () => dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
