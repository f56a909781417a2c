// ESLint for the scripts that the pages inline (src/**/*.js): browser scripts, not modules,
// with Leaflet's global `L`. .ci/run installs eslint into a temporary folder and puts it on
// NODE_PATH; locally: `npm install --no-save eslint@9` here, then `npx eslint src`.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["src/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "script",
      globals: { ...globals.browser, L: "readonly" },
    },
    rules: {
      eqeqeq: "error",
      // sync.js's run(document, window) receives what the inlined map.js uses; a catch that
      // only swallows (a sandboxed frame has no history) need not name its error.
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
    },
  },
];
