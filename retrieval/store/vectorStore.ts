import type { Span } from "../types.js";
import type { Manifest } from "./manifest.js";

/** Where an embedded unit (a chunk or a sentence) sits: what its vector was computed from. */
export interface UnitSpan extends Span {
  id: string;
  docId: string;
}

/** One embedded unit with its vector, as a build writes it. */
export interface VectorUnit extends UnitSpan {
  vector: number[];
}

/**
 * The vectors of one generation, asked for rather than held: vectra answers from memory, PostgreSQL
 * with one query per call, so a reader holds no chunk or sentence vectors.
 */
export interface GenerationVectors {
  /** The `depth` chunks nearest the query by cosine similarity, best first. */
  nearestChunks(vector: readonly number[], depth: number): Promise<{ id: string; score: number }[]>;
  /**
   * How close each of these sentences is to `vector`: the dot product, which is the cosine, every vector
   * being of unit length. By id; those not stored are left out. Computed where the vectors are, so a
   * database sends one number per sentence rather than its vector.
   */
  sentenceSimilarities(vector: readonly number[], ids: readonly string[]): Promise<Map<string, number>>;
  /** Every chunk and sentence vector of these documents: what a rebuild reuses for unchanged articles. */
  unitVectors(docIds: ReadonlySet<string>): Promise<VectorUnit[]>;
}

/** A generation as a reader loads it: its manifest, the spans it was built from, and its vectors on demand. */
export interface StoredGeneration {
  /** Names this generation among those written to the store (vectra's folder, PostgreSQL's row id). */
  id: string;
  manifest: Manifest;
  chunkSpans: readonly UnitSpan[];
  sentenceSpans: readonly UnitSpan[];
  vectors: GenerationVectors;
}

export type LoadResult =
  | { status: "ok"; index: StoredGeneration }
  | { status: "missing" }
  | { status: "stale"; manifest: Manifest; index: StoredGeneration }
  | { status: "corrupt"; reason: string };

/**
 * Where one index's generations live. Writers add a whole generation and switch readers to it in
 * one step; readers load the current one and notice when it changes.
 */
export interface VectorStore {
  readonly kind: "vectra" | "postgres";
  /** Where, for messages and logs (never with a password). */
  readonly location: string;
  /** The current generation: "ok" when built from what `fingerprint` describes. */
  load(fingerprint: string): Promise<LoadResult>;
  /** Writes a generation and makes it current atomically; generations no longer current are deleted. */
  write(manifest: Manifest, chunks: readonly VectorUnit[], sentences: readonly VectorUnit[]): Promise<void>;
  /** The current generation's id ("" when none): it changes whenever any process writes one. */
  currentGeneration(): Promise<string>;
  /** Whether the store can be read now (health checks). */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}
