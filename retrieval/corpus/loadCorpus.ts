import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import type { Document } from "../types.js";
import { readArticleMeta } from "./articleMeta.js";
import { findProseRegions } from "./findProseRegions.js";
import { markNearDuplicates } from "./findNearDuplicates.js";

/** Lists the article files of a corpus folder: every `.txt`, in name order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new Error(`Corpus folder ${dir} cannot be read: ${(error as Error).message}`);
  }
  return names.filter((n) => n.endsWith(".txt")).sort().map((n) => join(dir, n));
}

/**
 * Loads every article of a corpus folder with its metadata (`<name>.meta.json`), its prose
 * regions and near-duplicate marks. Adding an article is dropping its `.txt` (and sidecar) here.
 */
export async function loadCorpus(dir: string, projectRoot: string): Promise<Document[]> {
  const files = await listArticleFiles(dir);
  if (files.length === 0) throw new Error(`Corpus folder ${dir} has no .txt articles.`);
  const docs = await Promise.all(
    files.map(async (path): Promise<Document> => {
      const text = await readFile(path, "utf8");
      const id = basename(path, ".txt");
      const meta = await readArticleMeta(join(dir, `${id}.meta.json`));
      const scan = findProseRegions(text);
      const date = meta?.date ?? scan.statedDate;
      return {
        id,
        file: relative(projectRoot, path).split(sep).join("/"),
        title: meta?.title ?? scan.headline ?? id,
        ...(meta?.publisher ? { publisher: meta.publisher } : {}),
        ...(date ? { date } : {}),
        text,
        // Captions and tweets are quoted too, each a region of its own, in the order of the text.
        regions: [...scan.regions, ...scan.asides].sort((a, b) => a.start - b.start),
        ...(scan.asides.length > 0 ? { asides: scan.asides } : {}),
      };
    }),
  );
  return markNearDuplicates(docs);
}
