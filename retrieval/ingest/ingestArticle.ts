import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { buildActorRegistry } from "../actors/buildActorRegistry.js";
import { loadCuratedActors } from "../actors/curatedActors.js";
import { loadCorpus } from "../corpus/loadCorpus.js";
import type { Logger } from "../log.js";
import { openSearchCore, type ProgressEvent, type SearchCore } from "../searchCore.js";
import { sha256 } from "../store/manifest.js";
import type { VectorStore } from "../store/vectorStore.js";
import type { Document, Embedder } from "../types.js";
import { nextArticleId, projectPath, readArticleTexts, removeStaleTemporaries, writeFileAtomic, type CorpusLocation } from "./corpusFiles.js";
import { withIndexLock } from "./indexLock.js";
import { checkNotACopy, findArticle } from "./corpusChecks.js";
import type { PreparedArticle } from "./prepareArticle.js";

export interface IngestContext extends CorpusLocation {
  embedder: Embedder;
  /** Where the index is written; default the vectra store in `<dataDir>/index`. */
  store?: VectorStore;
  logger?: Logger;
  onProgress?: (event: ProgressEvent) => void;
}

/** What `ingest --json` prints for an added article (plus what the bot's reply shows). */
export interface AddedArticle {
  /** The stored text's path relative to the project root. */
  file: string;
  docId: string;
  characters: number;
  /** Retrieval passages (chunks) the article was cut into. */
  chunks: number;
  /** Set when the article is a near-copy of another: that article's id. */
  duplicateOf?: string;
  title: string;
  /** Canonical names of the actors the article names. */
  actors: string[];
}

export interface RemovedArticle {
  file: string;
  docId: string;
  title: string;
}

/**
 * Loads the corpus and brings the index up to date with it (only changed articles are embedded),
 * as openEngine would: the same options, so the engine then loads this generation as it is.
 * The caller holds the index lock.
 */
export async function rebuildCorpusIndex(context: IngestContext): Promise<{ docs: Document[]; core: SearchCore }> {
  const docs = await loadCorpus(context.corpusDir, context.projectRoot);
  const core = await openSearchCore(docs, {
    indexDir: join(context.dataDir, "index"),
    embedder: context.embedder,
    ...(context.store ? { store: context.store } : {}),
    files: Object.fromEntries(docs.map((d) => [d.file, sha256(d.text)])),
    ...(context.logger ? { logger: context.logger } : {}),
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  });
  return { docs, core };
}

/** Canonical names of the actors one document names, most mentioned first. */
async function actorsIn(docs: readonly Document[], docId: string, projectRoot: string): Promise<string[]> {
  const curatedFile = join(projectRoot, "corpus", "actors.json");
  const curated = await loadCuratedActors(curatedFile).catch(() => ({ actors: [], notActors: [], descriptors: [] }));
  const registry = buildActorRegistry(docs, curated);
  const counts = registry.actors
    .map((actor) => ({ name: actor.name, count: (registry.mentions.get(actor.id) ?? []).filter((m) => m.docId === docId).length }))
    .filter((a) => a.count > 0);
  return counts.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((a) => a.name);
}

/**
 * Adds a prepared article: under the index lock, checks it is no exact copy, writes its metadata
 * then its text (each atomically; the text last, so no reader sees an article without its
 * metadata) and rebuilds the index incrementally as a new generation. A crash after the write
 * leaves a corpus the next start indexes.
 */
export async function addArticle(prepared: PreparedArticle, context: IngestContext): Promise<AddedArticle> {
  return withIndexLock(
    context.dataDir,
    async () => {
      await removeStaleTemporaries(context.corpusDir);
      const stored = await readArticleTexts(context.corpusDir);
      checkNotACopy(prepared.text, stored, context);
      const docId = nextArticleId([...stored.keys()], prepared.text);
      const textPath = join(context.corpusDir, `${docId}.txt`);
      await writeFileAtomic(join(context.corpusDir, `${docId}.meta.json`), `${JSON.stringify(prepared.meta, null, 2)}\n`);
      await writeFileAtomic(textPath, prepared.text);
      context.logger?.info({ event: "article-written", docId, characters: prepared.text.length }, "article written; updating the index");
      const { docs, core } = await rebuildCorpusIndex(context);
      const doc = docs.find((d) => d.id === docId)!;
      return {
        file: doc.file,
        docId,
        characters: doc.text.length,
        chunks: core.chunks.filter((c) => c.docId === docId).length,
        ...(doc.duplicateOf ? { duplicateOf: doc.duplicateOf } : {}),
        title: doc.title,
        actors: await actorsIn(docs, docId, context.projectRoot),
      };
    },
    context.logger,
  );
}

/**
 * Removes an article (by id, file name or path) and rebuilds the index without it; nothing is
 * embedded unless an article that copied it now has passages of its own. The text goes first, so
 * no reader sees it without its metadata. Refuses to remove the last article.
 */
export async function removeArticle(fileOrId: string, context: IngestContext): Promise<RemovedArticle> {
  return withIndexLock(
    context.dataDir,
    async () => {
      await removeStaleTemporaries(context.corpusDir);
      const docId = await findArticle(fileOrId, context);
      const textPath = join(context.corpusDir, `${docId}.txt`);
      const metaPath = join(context.corpusDir, `${docId}.meta.json`);
      const title = await readFile(metaPath, "utf8")
        .then((raw) => String((JSON.parse(raw) as { title?: unknown }).title ?? docId))
        .catch(() => docId);
      await rm(textPath);
      await rm(metaPath, { force: true });
      context.logger?.info({ event: "article-removed", docId }, "article removed; updating the index");
      await rebuildCorpusIndex(context);
      return { file: projectPath(context, textPath), docId, title };
    },
    context.logger,
  );
}
