import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
// vectra's LocalIndex module alone: the package's index also loads its OpenAI client, GPT tokenizer and
// web fetcher (cheerio), about 90 MB of RSS and a second of start-up that answering never uses.
import { LocalIndex } from "vectra/lib/LocalIndex.js";
import { z } from "zod";
import { manifestSchema, type Manifest } from "./manifest.js";
import { indexReachable } from "./indexReachable.js";
import { dotAt, nearestByCosine, packVectors, vectorAt, type PackedVectors } from "./packedVectors.js";
import type { GenerationVectors, LoadResult, StoredGeneration, UnitSpan, VectorStore, VectorUnit } from "./vectorStore.js";

type UnitMetadata = { docId: string; start: number; end: number };

const CURRENT_FILE = "CURRENT";
/** Reads of a generation retried when CURRENT moved on while it was being read. */
const MAX_READ_ATTEMPTS = 3;
const MANIFEST_FILE = "manifest.json";
const generationName = z.string().regex(/^gen-[0-9a-z-]+$/);
const unitMetadataSchema = z.object({ docId: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/**
 * Items per vectra folder. vectra writes a folder as one JSON string, and V8's longest string (about
 * 512 M characters) holds some 50,000 vectors of 512 numbers: SciFact's 49,501 sentences did not fit.
 * A kind of unit is therefore spread over `chunks`, `chunks.1`, `chunks.2`, … of at most this many.
 */
export const VECTRA_SHARD_ITEMS = 20_000;

/** `chunks`, `chunks.1`, … in order: the first shard keeps the unsharded name, so older indexes still load. */
const shardFolder = (generation: string, kind: string, shard: number) => join(generation, shard === 0 ? kind : `${kind}.${shard}`);

async function loadShard(shard: LocalIndex<UnitMetadata>, dimensions: number, what: string): Promise<VectorUnit[]> {
  const items = await shard.listItems();
  return items.map((item) => {
    const meta = unitMetadataSchema.safeParse(item.metadata);
    if (!meta.success || item.vector.length !== dimensions || meta.data.end < meta.data.start) {
      throw new Error(`${what} item ${item.id} is malformed`);
    }
    return { id: item.id, ...meta.data, vector: item.vector };
  });
}

/** Every shard of one kind of unit, in the order written: spans, and vectors packed (vectra's own copies are let go). */
async function loadUnits(generation: string, kind: string, dimensions: number, what: string): Promise<{ spans: UnitSpan[]; vectors: PackedVectors }> {
  const spans: UnitSpan[] = [];
  const vectors: number[][] = [];
  for (let shard = 0; ; shard++) {
    const index = new LocalIndex<UnitMetadata>(shardFolder(generation, kind, shard));
    if (!(await index.isIndexCreated())) {
      if (shard === 0) throw new Error(`${what} vectors are missing`);
      break;
    }
    for (const { vector, ...span } of await loadShard(index, dimensions, what)) {
      spans.push(span);
      vectors.push(vector);
    }
  }
  return { spans, vectors: packVectors(vectors, dimensions) };
}

type LoadedUnits = Awaited<ReturnType<typeof loadUnits>>;

/** A vectra generation's vectors, all in memory and packed: answered without I/O. */
function memoryVectors(chunks: LoadedUnits, sentences: LoadedUnits): GenerationVectors {
  const sentenceRow = new Map(sentences.spans.map((u, row) => [u.id, row]));
  const withVectors = ({ spans, vectors }: LoadedUnits, docIds: ReadonlySet<string>) =>
    spans.flatMap((span, row) => (docIds.has(span.docId) ? [{ ...span, vector: vectorAt(vectors, row) }] : []));
  return {
    nearestChunks: async (vector, depth) => nearestByCosine(chunks.vectors, vector, depth).map(({ row, score }) => ({ id: chunks.spans[row]!.id, score })),
    sentenceSimilarities: async (vector, ids) =>
      new Map(ids.flatMap((id) => {
        const row = sentenceRow.get(id);
        return row === undefined ? [] : [[id, dotAt(sentences.vectors, row, vector)] as const];
      })),
    unitVectors: async (docIds) => [...withVectors(chunks, docIds), ...withVectors(sentences, docIds)],
  };
}

/** Reads the generation CURRENT names, whatever it was built from; throws when any part is unreadable. */
async function readCurrentGeneration(indexDir: string, current: string): Promise<StoredGeneration> {
  const generation = join(indexDir, generationName.parse(current));
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(generation, MANIFEST_FILE), "utf8")));
  const chunks = await loadUnits(generation, "chunks", manifest.embedder.dimensions, "chunk");
  const sentences = await loadUnits(generation, "sentences", manifest.embedder.dimensions, "sentence");
  if (chunks.spans.length !== manifest.counts.chunks || sentences.spans.length !== manifest.counts.sentences) {
    throw new Error("item counts differ from the manifest");
  }
  return { id: current, manifest, chunkSpans: chunks.spans, sentenceSpans: sentences.spans, vectors: memoryVectors(chunks, sentences) };
}

/**
 * Loads the index generation named by CURRENT. It is "stale" when its fingerprint is not the one
 * wanted (its vectors may still be reused for unchanged files) and "corrupt" when any file is
 * unreadable or malformed; both mean: rebuild.
 */
async function loadIndex(indexDir: string, fingerprint: string): Promise<LoadResult> {
  let current: string;
  try {
    current = (await readFile(join(indexDir, CURRENT_FILE), "utf8")).trim();
  } catch {
    return { status: "missing" };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const index = await readCurrentGeneration(indexDir, current);
      return index.manifest.fingerprint === fingerprint ? { status: "ok", index } : { status: "stale", manifest: index.manifest, index };
    } catch (error) {
      // A writer swapped CURRENT and deleted the generation being read: read the new one.
      const now = (await readFile(join(indexDir, CURRENT_FILE), "utf8").catch(() => current)).trim();
      if (now !== current && attempt < MAX_READ_ATTEMPTS) {
        current = now;
        continue;
      }
      const reason = error instanceof z.ZodError ? "manifest or CURRENT is malformed" : (error as Error).message;
      return { status: "corrupt", reason };
    }
  }
}

async function writeShard(folder: string, units: readonly VectorUnit[]): Promise<void> {
  const index = new LocalIndex<UnitMetadata>(folder);
  await index.createIndex({ version: 1 });
  await index.beginUpdate();
  for (const unit of units) {
    await index.insertItem({ id: unit.id, vector: unit.vector, metadata: { docId: unit.docId, start: unit.start, end: unit.end } });
  }
  await index.endUpdate();
}

/** One kind of unit in shards of at most `shardItems`; an empty kind still gets its (empty) first shard. */
async function writeUnits(generation: string, kind: string, units: readonly VectorUnit[], shardItems: number): Promise<void> {
  for (let shard = 0; shard === 0 || shard * shardItems < units.length; shard++) {
    await writeShard(shardFolder(generation, kind, shard), units.slice(shard * shardItems, (shard + 1) * shardItems));
  }
}

/**
 * Writes a new generation beside the current one, then points CURRENT at it with an atomic
 * rename, so a crash or a concurrent reader never sees half an index. Older generations go.
 */
async function writeIndex(indexDir: string, manifest: Manifest, chunkUnits: readonly VectorUnit[], sentenceUnits: readonly VectorUnit[], shardItems: number): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const generation = join(indexDir, name);
  await mkdir(generation);
  await writeUnits(generation, "chunks", chunkUnits, shardItems);
  await writeUnits(generation, "sentences", sentenceUnits, shardItems);
  await writeFile(join(generation, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  const pointer = join(indexDir, `${CURRENT_FILE}.${name}.tmp`);
  await writeFile(pointer, name);
  await rename(pointer, join(indexDir, CURRENT_FILE));
  await removeOldGenerations(indexDir, name);
}

/**
 * Deletes every generation but the new one: a reader still loading an old one finds CURRENT
 * changed and reads the new one instead (see loadIndex).
 */
async function removeOldGenerations(indexDir: string, keep: string): Promise<void> {
  const generations = (await readdir(indexDir)).filter((n) => generationName.safeParse(n).success && n !== keep);
  for (const old of generations) await rm(join(indexDir, old), { recursive: true, force: true });
}

/**
 * The embedded store: vectra indexes in `<indexDir>/gen-*`, CURRENT naming the one in use, read whole
 * into memory. `shardItems` is for tests, which shard a handful of units.
 */
export function openVectraStore(indexDir: string, shardItems = VECTRA_SHARD_ITEMS): VectorStore {
  return {
    kind: "vectra",
    location: indexDir,
    load: (fingerprint) => loadIndex(indexDir, fingerprint),
    write: (manifest, chunks, sentences) => writeIndex(indexDir, manifest, chunks, sentences, shardItems),
    currentGeneration: async () => (await readFile(join(indexDir, CURRENT_FILE), "utf8").catch(() => "")).trim(),
    reachable: () => indexReachable(indexDir),
    close: async () => {},
  };
}
