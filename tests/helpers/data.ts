import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..");
export const fixturesDir = join(repoRoot, "tests", "fixtures");
export const examplesDataDir = join(repoRoot, "examples", "data");
/** The workplace's shared data, beside the clone (CI has a copy there). */
export const sharedPabulibDir = join(repoRoot, "..", "shared", "data", "pabulib");

export interface ManifestEntry {
  readonly file: string;
  readonly rule: string;
  readonly vote_type: string;
  readonly has_selected_column: boolean;
  readonly selected: readonly string[] | null;
}

export const manifest: readonly ManifestEntry[] = JSON.parse(
  readFileSync(join(fixturesDir, "pabulib-MANIFEST.json"), "utf8"),
);

/** Finds a Pabulib file in the fixtures, the bundled examples, or the shared data. */
export function locatePabulib(file: string): string | undefined {
  const name = file.split("/").pop() ?? file;
  for (const candidate of [
    join(fixturesDir, name),
    join(examplesDataDir, name),
    join(sharedPabulibDir, file),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function readFixture(name: string): string {
  return readFileSync(join(fixturesDir, name), "utf8");
}
