import { defineConfig } from "tsup";

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
    },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    splitting: true,
    treeshake: true,
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
