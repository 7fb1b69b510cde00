import * as highs from "highs";
import type { LinearProgramSolver } from "../../src/sortition/index.js";

/**
 * Loads HiGHS (WebAssembly) as the panel selection's solver. The package's types declare
 * an ES default export over a CommonJS build, so the loader is taken from whichever shape
 * the import has at run time.
 */
export async function loadHighs(): Promise<LinearProgramSolver> {
  const loader =
    (highs as unknown as { default?: () => Promise<LinearProgramSolver> }).default ??
    (highs as unknown as () => Promise<LinearProgramSolver>);
  return loader();
}
