import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import type { Logger } from "../log.js";

/**
 * A lock older than this is taken to belong to a process that died. Embedding can hold the event
 * loop for seconds, so it is far above proper-lockfile's default of 10 s.
 */
const STALE_MS = 120_000;
/** Longest a process waits for another's build before giving up. */
const WAIT_MS = 30 * 60_000;

/**
 * Runs `work` while holding the inter-process lock of one index (`<dataDir>/index.lock`): one
 * process writes the corpus and builds the index at a time; the others wait for it.
 */
export async function withIndexLock<T>(dataDir: string, work: () => Promise<T>, logger?: Logger): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const started = Date.now();
  let waitedLogged = false;
  let release: (() => Promise<void>) | undefined;
  while (!release) {
    try {
      release = await lockfile.lock(dataDir, {
        lockfilePath: join(dataDir, "index.lock"),
        realpath: false,
        stale: STALE_MS,
        update: STALE_MS / 4,
        onCompromised: (error) => logger?.warn({ event: "index-lock-compromised", err: error }, "the index lock was taken over while held"),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED" || Date.now() - started > WAIT_MS) throw error;
      if (!waitedLogged) logger?.info({ event: "index-lock-wait", dataDir }, "another process is updating the index; waiting for it");
      waitedLogged = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await release().catch((error: unknown) => logger?.warn({ event: "index-lock-release-failed", err: error }, "could not release the index lock"));
  }
}
