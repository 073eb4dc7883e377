import type { Chunk, Document, Span } from "./types.js";

export interface ChunkOptions {
  /** Longest chunk in characters; a single longer sentence still makes one chunk. */
  maxChars: number;
  /** Sentences repeated at the start of the next chunk, so a fact split across chunks is whole in one. */
  overlapSentences: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 700, overlapSentences: 1 };

function regionOf(regions: readonly Span[], sentence: Span): number {
  return regions.findIndex((r) => r.start <= sentence.start && sentence.end <= r.end);
}

/**
 * Packs consecutive sentences into chunks of at most `maxChars`, never across a region
 * boundary (a caption or blurb between two paragraphs is not part of either chunk).
 */
export function chunkDocument(doc: Document, sentences: readonly Span[], options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    const region = regionOf(doc.regions, sentences[first]!);
    let end = first + 1;
    while (
      end < sentences.length &&
      regionOf(doc.regions, sentences[end]!) === region &&
      sentences[end]!.end - sentences[first]!.start <= options.maxChars
    ) {
      end++;
    }
    chunks.push({ id: `${doc.id}#${chunks.length}`, docId: doc.id, start: sentences[first]!.start, end: sentences[end - 1]!.end, firstSentence: first, endSentence: end });
    if (end >= sentences.length) break;
    const sameRegionNext = regionOf(doc.regions, sentences[end]!) === region;
    // Overlap only inside a region, and always move forward.
    first = sameRegionNext ? Math.max(first + 1, end - options.overlapSentences) : end;
  }
  return chunks;
}
