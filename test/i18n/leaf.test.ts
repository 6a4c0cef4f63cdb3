/**
 * src/i18n is the bottom layer: the core imports its languages and texts from it, so it may
 * import nothing from the core (not even a type), or the layers would go round in a circle.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const I18N = path.resolve(__dirname, "../../src/i18n");
const CORE = path.resolve(__dirname, "../../src/core");

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every module a file names: static imports, `export … from`, import() and require(). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function resolvesIntoCore(file: string, specifier: string): boolean {
  if (!specifier.startsWith(".")) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === CORE || target.startsWith(CORE + path.sep);
}

describe("src/i18n is a leaf", () => {
  const files = sourcesUnder(I18N);

  it("has sources to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("imports nothing from src/core", () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => resolvesIntoCore(file, spec))
        .map((spec) => `${path.relative(I18N, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("the check sees an import into the core when there is one", () => {
    const file = path.join(I18N, "example.ts");
    const names = ts.preProcessFile('import type { Lang } from "../core/errors";\nexport { x } from "../core/money";', true, true).importedFiles.map((f) => f.fileName);
    expect(names.filter((spec) => resolvesIntoCore(file, spec))).toEqual(["../core/errors", "../core/money"]);
  });
});
