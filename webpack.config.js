/* Builds the three bundles the manifest points at (task pane, ribbon commands, custom
 * functions), generates functions.json from the functions' JSDoc (with functions.zh-CN.json and
 * help.html from it), and copies office.js from
 * @microsoft/office-js so nothing is fetched from a CDN (these machines have no internet). */
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { CSP } = require("./scripts/csp");
const { FunctionMetadataPlugin } = require("./scripts/function-metadata");

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps even in development: the pages' CSP (script-src 'self') forbids eval.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      preview: "./src/preview/preview.ts",
      outcome: "./src/commands/outcome.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false }, // scripts/bundle-sizes.js enforces our own gzip budgets
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // functions.zh-CN.json (the manifest's zh-CN metadata override) and help.html (an anchor per
      // function, each helpUrl's target), both from functions.json: scripts/function-metadata.js.
      new FunctionMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        templateParameters: { csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "outcome.html",
        template: "./src/commands/outcome.html",
        chunks: ["outcome"],
        templateParameters: { csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        templateParameters: { csp: CSP },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            // office.js and the host scripts it loads; debug builds and non-Excel hosts left out.
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            info: { minimized: true },
            globOptions: {
              ignore: ["**/*.debug.js", "**/access-*", "**/onenote*", "**/outlook*", "**/powerpoint*", "**/project*", "**/visio*", "**/word*", "**/*.d.ts", "**/office-vsdoc.js"],
            },
          },
        ],
      }),
    ],
  };
};
