// Lint for `office-addin-lint check`: the Office add-in rules (load/sync mistakes are errors)
// on top of eslint's recommended set, for .ts and .tsx alike. Formatting is not linted here.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const recommended = officeAddins.configs.recommended;
// The plugin's own block lists .ts but not .tsx; reuse its plugins and rules for both.
const addinBlock = recommended.find((c) => c.plugins && c.plugins["office-addins"]);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...recommended.filter((c) => c !== addinBlock),
  {
    ...addinBlock,
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ...addinBlock.languageOptions,
      parser: tsParser, // the plugin's own reference resolves to undefined (espree would parse TS)
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...addinBlock.rules,
      "prettier/prettier": "off",
      "no-undef": "off", // TypeScript checks names; Office, Excel and CustomFunctions are ambient globals
      "no-redeclare": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
    },
  },
  {
    // A custom function keeps its parameters for the metadata (names, order, optional) and its
    // body reads them by position, through its spec table (src/functions/args.ts): a parameter
    // is never used by name there. Unused locals and imports are still errors.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-unused-vars": ["error", { args: "none" }] },
  },
];
