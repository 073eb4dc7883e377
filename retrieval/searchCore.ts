import type { Chunk, Document, Embedder, Span } from "./types.js";
import type { Logger } from "./log.js";
import { quotationSpans } from "./text/quotations.js";
import { splitSentences } from "./text/sentences.js";
import { tokenize } from "./text/tokenize.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "./chunk.js";
import { createBm25Index, searchBm25, type Bm25Index } from "./bm25.js";
import { inAside } from "./corpus/inAside.js";
import { fuseScores, type FusionWeights } from "./fuse.js";
import { leansOnPrevious, type SentenceRecord } from "./selectPassages.js";
import { describeChange, indexFingerprint, INDEX_FORMAT_VERSION, type Manifest } from "./store/manifest.js";
import { openVectraStore } from "./store/vectraStore.js";
import type { GenerationVectors, LoadResult, StoredGeneration, UnitSpan, VectorStore, VectorUnit } from "./store/vectorStore.js";
import { buildVocabulary, type Vocabulary } from "./query/vocabulary.js";

export type ProgressEvent = { phase: "load-model" | "embed" | "write"; done: number; total: number };

export interface SearchCoreOptions {
  /** Folder holding this index's generations (a vectra store), unless `store` says where they are. */
  indexDir: string;
  /** Where the index's generations live; default the vectra store at `indexDir`. */
  store?: VectorStore;
  embedder: Embedder;
  /** Content hash per source file: what the index is a function of. */
  files: Record<string, string>;
  /** Sentence vectors drive answer extraction; a retrieval-only benchmark can skip them. */
  embedSentences?: boolean;
  chunkMaxChars?: number;
  logger?: Logger;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Runs a build while holding the index's inter-process lock; with it, a process that finds the
   * index out of date waits for any other builder and loads its result rather than building twice.
   */
  buildLock?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Everything a query needs: documents, chunks with BM25 and sentences in memory, and the vectors
 * through the store (in memory with vectra, one query per call with PostgreSQL).
 */
export interface SearchCore {
  docs: readonly Document[];
  docById: ReadonlyMap<string, Document>;
  chunks: readonly Chunk[];
  /** Sentence spans per document, as `Chunk.firstSentence`/`endSentence` index them. */
  sentencesByDoc: ReadonlyMap<string, readonly Span[]>;
  /** Every indexed sentence, flat, with its terms; vectors are fetched for the few scored (`vectors`). */
  sentences: readonly SentenceRecord[];
  /** Position in `sentences` of each document's first sentence. */
  sentenceOffset: ReadonlyMap<string, number>;
  /** BM25 over chunks, and over whole documents (their prose): the context a chunk sits in. */
  bm25: Bm25Index;
  documentBm25: Bm25Index;
  /** Position in `docs` of each chunk's document. */
  chunkDocument: readonly number[];
  /**
   * Per document, the position in `docs` of the article it copies (`duplicateOf`), if any: the copy's
   * own text left to index (a tweet it embeds) sits in the original's prose, and ranks with it.
   */
  copiedDocument: readonly (number | undefined)[];
  /** The index generation's vectors: nearest chunks, and sentences' similarities to a question by id. */
  vectors: GenerationVectors;
  /** The loaded generation's id in its store (changes with every rebuild). */
  generation: string;
  chunkPosition: ReadonlyMap<string, number>;
  /** The words of the indexed prose: what questions are corrected towards. */
  vocabulary: Vocabulary;
  manifest: Manifest;
  /** True when this open built the index (first use, or a change), false when it loaded it. */
  built: boolean;
}

export interface ChunkHit {
  chunk: number;
  fused: number;
  dense?: number;
  lexical?: number;
}

export const CANDIDATE_DEPTH = 100;

function chunkText(doc: Document, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

type PendingUnit = { id: string; docId: string; start: number; end: number; text: string };
const unitKey = (u: { docId: string; start: number; end: number }) => `${u.docId}:${u.start}:${u.end}`;

/**
 * Embeds the units in batches, reporting progress, except those whose vector a previous build
 * already made from the same text (same embedder, unchanged file, same span): adding one article
 * embeds that article only.
 */
async function embedUnits(
  embedder: Embedder,
  units: PendingUnit[],
  reusable: ReadonlyMap<string, number[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<VectorUnit[]> {
  const fresh = units.filter((u) => !reusable.has(unitKey(u)));
  const vectors = await embedder.embedPassages(
    fresh.map((u) => u.text),
    onProgress,
  );
  const made = new Map(fresh.map((u, i) => [unitKey(u), vectors[i]!]));
  return units.map((u) => ({ id: u.id, docId: u.docId, start: u.start, end: u.end, vector: reusable.get(unitKey(u)) ?? made.get(unitKey(u))! }));
}

/** Vectors of a previous generation still valid for this build, by document span. */
async function reusableVectors(
  previous: StoredGeneration | undefined,
  embedder: Embedder,
  docs: readonly Document[],
  files: Record<string, string>,
): Promise<Map<string, number[]>> {
  const reusable = new Map<string, number[]>();
  if (!previous || previous.manifest.embedder.id !== embedder.id || previous.manifest.embedder.dimensions !== embedder.dimensions) return reusable;
  const unchanged = new Set(docs.filter((d) => files[d.file] !== undefined && previous.manifest.files[d.file] === files[d.file]).map((d) => d.id));
  if (unchanged.size === 0) return reusable;
  for (const unit of await previous.vectors.unitVectors(unchanged)) reusable.set(unitKey(unit), unit.vector);
  return reusable;
}

/**
 * Cuts documents into sentences and chunks, then loads their vectors from the index on disk
 * or, when it is missing, stale or corrupt, embeds them and writes a new index generation.
 */
export async function openSearchCore(docs: Document[], options: SearchCoreOptions): Promise<SearchCore> {
  const { embedder, logger } = options;
  const store = options.store ?? openVectraStore(options.indexDir);
  const embedSentences = options.embedSentences ?? true;
  const chunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...(options.chunkMaxChars ? { maxChars: options.chunkMaxChars } : {}) };
  const docById = new Map(docs.map((d) => [d.id, d]));
  const sentencesByDoc = new Map<string, Span[]>();
  const chunks: Chunk[] = [];
  for (const doc of docs) {
    const sentences = splitSentences(doc.text, doc.regions);
    sentencesByDoc.set(doc.id, sentences);
    chunks.push(...chunkDocument(doc, sentences, chunkOptions));
  }

  const wanted = {
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    settings: { ...chunkOptions, embedSentences },
    files: options.files,
  };
  const fingerprint = indexFingerprint(wanted);
  const chunkPosition = new Map(chunks.map((c, i) => [c.id, i]));
  const sentenceSpan = (id: string): Span | undefined => {
    const at = id.lastIndexOf("@");
    return sentencesByDoc.get(id.slice(0, at))?.[Number(id.slice(at + 1))];
  };
  // The stored spans are what the vectors were computed from: they must match this cut of the text.
  const mismatch = (stored: StoredGeneration): string | undefined => {
    const same = (unit: UnitSpan, span: Span | undefined) => span !== undefined && span.start === unit.start && span.end === unit.end;
    const badChunk = stored.chunkSpans.find((u) => !same(u, chunks[chunkPosition.get(u.id) ?? -1]));
    if (badChunk || stored.chunkSpans.length !== chunks.length) return `chunk ${badChunk?.id ?? "count"} differs from the corpus`;
    const badSentence = stored.sentenceSpans.find((u) => !same(u, sentenceSpan(u.id)));
    return badSentence ? `sentence ${badSentence.id} differs from the corpus` : undefined;
  };

  type Loaded = LoadResult;
  /** Embeds what the previous generation cannot lend and writes a new generation; returns it as read back. */
  const build = async (loaded: Loaded, problem: string | undefined): Promise<StoredGeneration> => {
    const reason =
      loaded.status === "missing"
        ? "no index yet"
        : loaded.status === "corrupt"
          ? `the index is corrupt (${loaded.reason})`
          : loaded.status === "stale"
            ? `the index is out of date: ${describeChange(loaded.manifest, wanted)}`
            : `the index does not match the corpus (${problem})`;
    logger?.warn({ event: "index.rebuild", dir: store.location, reason }, `building the index: ${reason}`);
    const reusable = await reusableVectors(loaded.status === "stale" || loaded.status === "ok" ? loaded.index : undefined, embedder, docs, options.files);
    const chunkUnits = await embedUnits(
      embedder,
      chunks.map((c) => ({ id: c.id, docId: c.docId, start: c.start, end: c.end, text: chunkText(docById.get(c.docId)!, c) })),
      reusable,
      (done, total) => options.onProgress?.({ phase: "embed", done, total }),
    );
    const sentenceUnits = embedSentences
      ? await embedUnits(
          embedder,
          docs.flatMap((d) =>
            (sentencesByDoc.get(d.id) ?? []).map((s, i) => ({ id: `${d.id}@${i}`, docId: d.id, start: s.start, end: s.end, text: chunkText(d, s) })),
          ),
          reusable,
          (done, total) => options.onProgress?.({ phase: "embed", done: chunkUnits.length + done, total: chunkUnits.length + total }),
        )
      : [];
    options.onProgress?.({ phase: "write", done: 0, total: 1 });
    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      fingerprint,
      ...wanted,
      counts: { chunks: chunkUnits.length, sentences: sentenceUnits.length },
      builtAt: new Date().toISOString(),
    };
    await store.write(manifest, chunkUnits, sentenceUnits);
    options.onProgress?.({ phase: "write", done: 1, total: 1 });
    const reloaded = await store.load(fingerprint);
    if (reloaded.status !== "ok") throw new Error(`The index just written to ${store.location} cannot be read back (${reloaded.status}).`);
    const reused = [...chunkUnits, ...sentenceUnits].filter((u) => reusable.has(unitKey(u))).length;
    logger?.info({ event: "index.built", dir: store.location, chunks: chunkUnits.length, sentences: sentenceUnits.length, reusedVectors: reused }, "index built");
    return reloaded.index;
  };
  const usable = (loaded: Loaded) => (loaded.status === "ok" && !mismatch(loaded.index) ? loaded.index : undefined);

  const loaded = await store.load(fingerprint);
  let stored: StoredGeneration | undefined = usable(loaded);
  let built = false;
  if (stored) {
    logger?.info({ event: "index.loaded", dir: store.location, chunks: stored.chunkSpans.length }, "index loaded");
  } else if (options.buildLock) {
    // One process builds at a time; one that waited loads what the other built instead of building it again.
    ({ stored, built } = await options.buildLock(async () => {
      const again = await store.load(fingerprint);
      const ready = usable(again);
      if (ready) logger?.info({ event: "index.loaded", dir: store.location, chunks: ready.chunkSpans.length, afterWait: true }, "index loaded");
      return ready ? { stored: ready, built: false } : { stored: await build(again, again.status === "ok" ? mismatch(again.index) : undefined), built: true };
    }));
  } else {
    stored = await build(loaded, loaded.status === "ok" ? mismatch(loaded.index) : undefined);
    built = true;
  }

  const sentences: SentenceRecord[] = [];
  const sentenceOffset = new Map<string, number>();
  for (const doc of docs) {
    sentenceOffset.set(doc.id, sentences.length);
    const spans = sentencesByDoc.get(doc.id) ?? [];
    // Two sentences read together: nothing between them, and neither a caption or tweet beside the prose.
    const adjacent = (before: Span, after: Span) => doc.text.slice(before.end, after.start).trim() === "" && !inAside(doc, before) && !inAside(doc, after);
    const texts = spans.map((s) => chunkText(doc, s));
    spans.forEach((s, index) => {
      const text = texts[index]!;
      const tokens = tokenize(text);
      const terms = new Set(tokens);
      // "These are a collection of …" is about what the sentence before names: it matches those words too.
      const previous = spans[index - 1];
      if (previous && leansOnPrevious(text) && adjacent(previous, s)) {
        for (const t of tokenize(texts[index - 1]!)) terms.add(t);
      }
      sentences.push({ ...s, docId: doc.id, index, tokens, terms, windowTerms: terms });
    });
    const first = sentenceOffset.get(doc.id)!;
    // A quotation running over several sentences is one passage: who said it is named after what was said.
    const quoted = new Map<number, Set<string>>();
    for (const span of quotationSpans(texts)) {
      const said = new Set(span.flatMap((i) => [...sentences[first + i]!.terms]));
      for (const i of span) quoted.set(first + i, said);
    }
    // The window: this sentence and up to two before it, unless a caption, tweet or blurb lies between, the
    // quotation it is part of, and the title, which names what every sentence of the article is about, and
    // the publisher, who says every one of them ("what did the jerusalem post say about …").
    const titleTerms = [...tokenize(doc.title), ...(doc.publisher ? tokenize(doc.publisher) : [])];
    for (let at = first; at < sentences.length; at++) {
      const window = new Set([...titleTerms, ...sentences[at]!.terms, ...(quoted.get(at) ?? [])]);
      for (let back = at - 1; back >= Math.max(first, at - 2); back--) {
        if (!adjacent(sentences[back]!, sentences[back + 1]!)) break;
        for (const t of sentences[back]!.terms) window.add(t);
      }
      sentences[at] = { ...sentences[at]!, windowTerms: window };
    }
  }
  const chunkTerms = chunks.map((c) => tokenize(chunkText(docById.get(c.docId)!, c)));
  const asideChunks = new Set(chunks.flatMap((c, i) => (inAside(docById.get(c.docId)!, c) ? [i] : [])));
  const bm25 = createBm25Index(chunkTerms, {}, asideChunks);
  const docPosition = new Map(docs.map((d, i) => [d.id, i]));
  const chunkDocumentPosition = chunks.map((c) => docPosition.get(c.docId)!);
  // An article is ranked by its own prose; its captions and tweets are found through their chunks.
  const documentBm25 = createBm25Index(docs.map((d) => d.regions.filter((r) => !inAside(d, r)).flatMap((r) => tokenize(d.text.slice(r.start, r.end)))));
  return {
    docs,
    docById,
    chunks,
    sentencesByDoc,
    sentences,
    sentenceOffset,
    bm25,
    documentBm25,
    chunkDocument: chunkDocumentPosition,
    copiedDocument: docs.map((d) => (d.duplicateOf === undefined ? undefined : docPosition.get(d.duplicateOf))),
    vectors: stored.vectors,
    generation: stored.id,
    chunkPosition,
    vocabulary: buildVocabulary(docs),
    manifest: stored.manifest,
    built,
  };
}

/** How close sentences (by position in `core.sentences`) are to `vector`, in one request to the store. */
export async function sentenceSimilaritiesAt(core: SearchCore, vector: readonly number[], positions: readonly number[]): Promise<Map<number, number>> {
  const idOf = (at: number) => `${core.sentences[at]!.docId}@${core.sentences[at]!.index}`;
  const byId = await core.vectors.sentenceSimilarities(vector, positions.map(idOf));
  return new Map(positions.flatMap((at) => (byId.has(idOf(at)) ? [[at, byId.get(idOf(at))!] as const] : [])));
}

/** A document's BM25, or its original's for a copy whose own prose is only what the original lacks. */
function documentScore(core: SearchCore, documents: ReadonlyMap<number, number>, doc: number): number | undefined {
  const own = documents.get(doc);
  const copied = core.copiedDocument[doc];
  const original = copied === undefined ? undefined : documents.get(copied);
  return original === undefined ? own : Math.max(own ?? 0, original);
}

/**
 * Hybrid retrieval: the chunks that the store's cosine ranking or BM25 puts in the top `depth`,
 * scored by a weighted sum of cosine similarity, chunk BM25 and the BM25 of the chunk's whole
 * document, each BM25 scaled by the query's best (see fuse.ts for why not rank fusion).
 */
export async function searchChunks(
  core: SearchCore,
  query: { vector: number[]; terms: readonly { term: string; weight: number }[] },
  depth = CANDIDATE_DEPTH,
  weights?: FusionWeights,
): Promise<ChunkHit[]> {
  // Asked first, so that a database store searches its vectors while this thread ranks by BM25.
  const nearest = core.vectors.nearestChunks(query.vector, depth);
  const lexical = new Map(searchBm25(core.bm25, query.terms, depth).map((h) => [h.unit, h.score]));
  const documents = new Map(searchBm25(core.documentBm25, query.terms, core.docs.length).map((h) => [h.unit, h.score]));
  const dense = new Map((await nearest).map((h) => [core.chunkPosition.get(h.id)!, h.score]));
  const candidates = [...new Set([...dense.keys(), ...lexical.keys()])].map((chunk) => ({
    id: chunk,
    dense: dense.get(chunk),
    lexical: lexical.get(chunk),
    documentLexical: documentScore(core, documents, core.chunkDocument[chunk]!),
  }));
  return fuseScores(candidates, weights).map((f) => ({
    chunk: f.id,
    fused: f.score,
    ...(dense.has(f.id) ? { dense: dense.get(f.id)! } : {}),
    ...(lexical.has(f.id) ? { lexical: lexical.get(f.id)! } : {}),
  }));
}
