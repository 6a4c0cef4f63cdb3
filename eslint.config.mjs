// Lint for `office-addin-lint check` (scripts/lint.js): the Office add-in rules (load/sync
// mistakes are errors) on top of eslint's recommended set, for .ts and .tsx alike; the promise
// rules of typescript-eslint, which need type information (a promise nobody awaits loses its
// rejection, and an Excel.run nobody awaits can outlive its caller); and the rules of hooks.
// Formatting is not linted here.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const recommended = officeAddins.configs.recommended;
// The plugin's own block lists .ts but not .tsx; reuse its plugins and rules for both.
const addinBlock = recommended.find((c) => c.plugins && c.plugins["office-addins"]);

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
      // Lint's own fixtures break the rules on purpose; test/lint/lint-fixtures.test.ts lints them.
      "test/fixtures/lint/**",
    ],
  },
  ...recommended.filter((c) => c !== addinBlock),
  {
    ...addinBlock,
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ...addinBlock.languageOptions,
      parser: tsParser, // the plugin's own reference resolves to undefined (espree would parse TS)
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: {
        ecmaFeatures: { jsx: true },
        // Type information for the promise rules: the files' own tsconfig.json (src, test, bench, scripts).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: {
      ...addinBlock.plugins,
      "@typescript-eslint": tseslint.plugin,
      "react-hooks": reactHooks,
    },
    rules: {
      ...addinBlock.rules,
      "prettier/prettier": "off",
      "no-undef": "off", // TypeScript checks names; Office, Excel and CustomFunctions are ambient globals
      "no-redeclare": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // A custom function keeps its parameters for the metadata (names, order, optional) and its
    // body reads them by position, through its spec table (src/functions/args.ts): a parameter
    // is never used by name there. Unused locals and imports are still errors.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-unused-vars": ["error", { args: "none" }] },
  },
  {
    // The Office rules stay on the product's code. The tests misuse the API on purpose (reading
    // before load or sync, syncing in a loop) to check that the fake refuses it as Excel does, and
    // the rules, which go by names, mistake exceljs cells and recorded commands for proxy objects.
    files: ["test/**/*.{ts,tsx}"],
    rules: Object.fromEntries(Object.keys(addinBlock.rules).filter((r) => r.startsWith("office-addins/")).map((r) => [r, "off"])),
  },
];
