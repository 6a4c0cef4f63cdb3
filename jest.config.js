/** Unit tests: pure TypeScript under test/, no browser. The e2e suite has its own config. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json", diagnostics: false }],
  },
  // office-addin-mock needs only OfficeApp from office-addin-manifest, whose main module pulls in
  // ES-module-only dependencies jest cannot load: map it to the one file that defines OfficeApp.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
