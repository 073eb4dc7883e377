import { randomBytes } from "node:crypto";
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { sha256 } from "../store/manifest.js";

/** Where the articles and the index live. */
export interface CorpusLocation {
  projectRoot: string;
  /** Folder of `<name>.txt` + `<name>.meta.json`. */
  corpusDir: string;
  /** The index lives in `<dataDir>/index`. */
  dataDir: string;
}

const ARTICLE_ID = /^(\d+)_[0-9a-f]{16}$/;
const TEMPORARY = /^\..*\.tmp$/;

/** Ids (file names without `.txt`) of the corpus's articles, in name order. */
export async function listArticleIds(corpusDir: string): Promise<string[]> {
  return (await readdir(corpusDir))
    .filter((name) => name.endsWith(".txt") && !name.startsWith("."))
    .map((name) => name.slice(0, -".txt".length))
    .sort();
}

/** The next article's id: one more than the highest number in use, then the first 16 hex of its text's SHA-256. */
export function nextArticleId(existing: readonly string[], text: string): string {
  const highest = existing.reduce((max, id) => Math.max(max, Number(ARTICLE_ID.exec(id)?.[1] ?? -1)), -1);
  return `${String(highest + 1).padStart(3, "0")}_${sha256(text).slice(0, 16)}`;
}

/** A corpus path as the rest of the project names files: relative to the project root, with `/`. */
export function projectPath(location: Pick<CorpusLocation, "projectRoot">, path: string): string {
  return relative(location.projectRoot, path).split(sep).join("/");
}

/**
 * The article an id, a file name or a path names (relative to the working folder or the project
 * root, or absolute), or undefined when it is none of the corpus's articles.
 */
export function resolveArticleId(ids: readonly string[], location: CorpusLocation, fileOrId: string, cwd = process.cwd()): string | undefined {
  const wanted = fileOrId.trim();
  if (ids.includes(wanted)) return wanted;
  const name = basename(wanted).replace(/\.(txt|meta\.json)$/, "");
  if (!ids.includes(name)) return undefined;
  if (!/[\\/]/.test(wanted)) return name;
  const candidates = isAbsolute(wanted) ? [wanted] : [resolve(cwd, wanted), resolve(location.projectRoot, wanted)];
  return candidates.some((path) => dirname(path) === resolve(location.corpusDir)) ? name : undefined;
}

/** Writes a file so a reader sees the old contents or the new, never a part: a temporary file, then a rename. */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, contents, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes temporary files a crashed write left in the corpus folder; call with the index lock held. */
export async function removeStaleTemporaries(corpusDir: string): Promise<string[]> {
  const stale = (await readdir(corpusDir)).filter((name) => TEMPORARY.test(name));
  await Promise.all(stale.map((name) => rm(join(corpusDir, name), { force: true })));
  return stale;
}

/** Every article's text by id. */
export async function readArticleTexts(corpusDir: string): Promise<Map<string, string>> {
  const ids = await listArticleIds(corpusDir);
  return new Map(await Promise.all(ids.map(async (id) => [id, await readFile(join(corpusDir, `${id}.txt`), "utf8")] as const)));
}

/**
 * The corpus and index folders from the environment, as every command reads them: CORPUS_DIR
 * (default corpus/articles) and DATA_DIR (default data), relative to the project root.
 */
export function corpusLocationFromEnv(env: NodeJS.ProcessEnv, projectRoot: string): CorpusLocation {
  return {
    projectRoot,
    corpusDir: resolve(projectRoot, env.CORPUS_DIR?.trim() || join("corpus", "articles")),
    dataDir: resolve(projectRoot, env.DATA_DIR?.trim() || "data"),
  };
}

/**
 * A cheap fingerprint of the corpus folder and the index pointer (names, sizes and modification
 * times, and the store's current generation: vectra's CURRENT, PostgreSQL's pointer row): when it
 * changes, a running engine reloads.
 */
export async function corpusSignature(corpusDir: string, currentGeneration: string): Promise<string> {
  const names = (await readdir(corpusDir)).filter((name) => !TEMPORARY.test(name) && (name.endsWith(".txt") || name.endsWith(".meta.json"))).sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(corpusDir, name)).catch(() => undefined);
      return info ? `${name}:${info.size}:${info.mtimeMs}` : `${name}:gone`;
    }),
  );
  return sha256(`${entries.join("\n")}\n${currentGeneration}`);
}
