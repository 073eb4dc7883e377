import { join } from "node:path";
import { openEngine, PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";

/** Where tests keep the seed corpus index: built once, reused by every test file and run. */
export const TEST_DATA_DIR = join(PROJECT_ROOT, ".cache", "test-data");

let shared: Promise<Engine> | undefined;

/** The real engine over the seed corpus with the real default embedder, opened once per test process. */
export function openTestEngine(): Promise<Engine> {
  shared ??= openEngine({ dataDir: TEST_DATA_DIR });
  return shared;
}
