import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import { COMMAND_GROUPS } from "./src/cli/commandGroups.js";

/**
 * Dependencies bundled into `dist`, tree-shaken: importing a civitas subpath reads a few
 * files instead of resolving hundreds (`import "date-fns"` alone takes ~0.15 s, zod's
 * classic API ~0.1 s). civitas builds its schemas with zod-mini, whose functions shake
 * down to the few kilobytes used. The packages stay dependencies for their types.
 */
const bundled = ["zod", "yaml", "date-fns", "@date-fns/tz", "immer"];

/**
 * yaml's ES module build (its "default" export condition): plain ESM, shaken like the
 * rest. Its Node build is CommonJS that `require`s `process`, which an ESM bundle cannot.
 */
const yamlAsModule: Plugin = {
  name: "civitas-yaml-module",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({
      path: resolve("node_modules/yaml/browser/index.js"),
    }));
  },
};

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** One entry per public subpath; the CLI is built as a Node-only ESM executable. */
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "core/index": "src/core/index.ts",
      "io/index": "src/io/index.ts",
      "budgeting/index": "src/budgeting/index.ts",
      "tally/index": "src/tally/index.ts",
      "calendar/index": "src/calendar/index.ts",
      "proposals/index": "src/proposals/index.ts",
      "simulation/index": "src/simulation/index.ts",
      "sortition/index": "src/sortition/index.ts",
      "initiatives/index": "src/initiatives/index.ts",
      "accountability/index": "src/accountability/index.ts",
      "consultations/index": "src/consultations/index.ts",
      "io/openData": "src/io/openData.ts",
      "storage/index": "src/storage/index.ts",
      "storage/postgres/index": "src/storage/postgres/index.ts",
      "testing/index": "src/testing/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    // One self-contained file per subpath: a cold import then reads one module instead of
    // the twenty to forty shared chunks code splitting makes (`npm run bench`: importing
    // civitas/io took +63 to +70 ms over bare node split, +22 to +35 ms whole). A program
    // importing several subpaths loads the code they share once per subpath; nothing in
    // civitas relies on identity across subpaths.
    splitting: false,
    treeshake: true,
    // Minified: a cold import parses less (source maps keep stack traces readable).
    minify: true,
    noExternal: bundled,
    esbuildPlugins: [yamlAsModule],
    // Maps give stack traces their TypeScript files and lines; without the sources' text,
    // which every self-contained subpath would otherwise carry again (26 MB of 31).
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  },
  {
    // The command, and one self-contained file per command group that it loads on demand.
    entry: {
      "cli/main": "src/cli/main.ts",
      ...Object.fromEntries(
        COMMAND_GROUPS.map((group) => [`cli/${group}`, `src/cli/groups/${group}.ts`]),
      ),
    },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    minify: true,
    splitting: false,
    noExternal: bundled,
    esbuildPlugins: [yamlAsModule],
    banner: { js: "#!/usr/bin/env node" },
    // `civitas --version` prints the version of the package it was built from.
    define: { CIVITAS_VERSION: JSON.stringify(version) },
  },
]);
