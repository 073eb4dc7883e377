import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Whether the vectra index on disk can still be read: its CURRENT pointer, and the generation
 * folder it names with that generation's manifest. A deleted data folder, a lost mount or changed
 * permissions turn it false while the index already in memory keeps answering, so health checks
 * see the trouble before the next refresh or restart trips over it.
 */
export async function indexReachable(indexDir: string): Promise<boolean> {
  try {
    const generation = (await readFile(join(indexDir, "CURRENT"), "utf8")).trim();
    if (!/^gen-[0-9a-z-]+$/.test(generation)) return false;
    await access(join(indexDir, generation), constants.R_OK | constants.X_OK);
    await access(join(indexDir, generation, "manifest.json"), constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
