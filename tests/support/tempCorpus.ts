import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../retrieval/engine.js";

/** A small corpus in a temp folder, with its own index folder: what tests add to and remove from. */
export interface TempCorpus {
  root: string;
  corpusDir: string;
  dataDir: string;
  /** CORPUS_DIR and DATA_DIR pointing the CLIs at it. */
  env: { CORPUS_DIR: string; DATA_DIR: string };
  location: { projectRoot: string; corpusDir: string; dataDir: string };
  /** Content hash of every file under the corpus and index folders, by path: to compare byte for byte. */
  snapshot(): Promise<Record<string, string>>;
  remove(): Promise<void>;
}

/** Copies the named seed articles (ids, with their metadata) into a fresh temp corpus. */
export async function makeTempCorpus(seedIds: string[]): Promise<TempCorpus> {
  const root = await mkdtemp(join(tmpdir(), "corpus-ingest-"));
  const corpusDir = join(root, "corpus", "articles");
  const dataDir = join(root, "data");
  await mkdir(corpusDir, { recursive: true });
  for (const id of seedIds) {
    for (const ext of [".txt", ".meta.json"]) await copyFile(join(PROJECT_ROOT, "corpus", "articles", `${id}${ext}`), join(corpusDir, `${id}${ext}`));
  }
  const snapshot = async () => {
    const out: Record<string, string> = {};
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else out[relative(root, path)] = createHash("sha256").update(await readFile(path)).digest("hex");
      }
    };
    await walk(root);
    return out;
  };
  return {
    root,
    corpusDir,
    dataDir,
    env: { CORPUS_DIR: corpusDir, DATA_DIR: dataDir },
    location: { projectRoot: PROJECT_ROOT, corpusDir, dataDir },
    snapshot,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export const SHORT_SEED = "000_966e691ecd31137f";
