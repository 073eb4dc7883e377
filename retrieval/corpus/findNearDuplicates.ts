import type { Document, Span } from "../types.js";
import { foldedWords } from "../text/tokenize.js";

/** Share of a document's word 5-grams found in a longer one above which it counts as a copy. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.7;
const SHINGLE_WORDS = 5;

function proseOf(doc: Document): string {
  return doc.regions.map((r) => doc.text.slice(r.start, r.end)).join("\n");
}

function shingles(text: string): Set<string> {
  const w = foldedWords(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) set.add(w.slice(i, i + SHINGLE_WORDS).join(" "));
  return set;
}

function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const s of part) if (whole.has(s)) shared++;
  return shared / part.size;
}

/** Splits regions at line breaks: the unit a copy shares or does not share with its original. */
function paragraphs(doc: Document): Span[] {
  const out: Span[] = [];
  for (const region of doc.regions) {
    let start = region.start;
    for (let i = region.start; i <= region.end; i++) {
      if (i === region.end || doc.text[i] === "\n") {
        const piece = doc.text.slice(start, i);
        const lead = piece.length - piece.trimStart().length;
        const s = start + lead;
        const e = s + piece.trim().length;
        if (e > s) out.push({ start: s, end: e });
        start = i + 1;
      }
    }
  }
  return out;
}

/**
 * Marks each document that is mostly a copy of a longer one (`duplicateOf`) and keeps in its
 * regions only the paragraphs the original lacks, so no passage is indexed, and so offered, twice.
 */
export function markNearDuplicates(docs: Document[]): Document[] {
  const bySize = [...docs].sort((a, b) => proseOf(b).length - proseOf(a).length || a.id.localeCompare(b.id));
  const shingleSets = new Map(docs.map((d) => [d.id, shingles(proseOf(d))]));
  const replaced = new Map<string, Document>();
  for (let i = 0; i < bySize.length; i++) {
    const copy = bySize[i]!;
    const original = bySize.slice(0, i).find(
      (longer) => !replaced.has(longer.id) && containment(shingleSets.get(copy.id)!, shingleSets.get(longer.id)!) >= NEAR_DUPLICATE_CONTAINMENT,
    );
    if (!original) continue;
    const originalWords = ` ${foldedWords(proseOf(original)).join(" ")} `;
    const unique = paragraphs(copy).filter((p) => !originalWords.includes(` ${foldedWords(copy.text.slice(p.start, p.end)).join(" ")} `));
    replaced.set(copy.id, { ...copy, duplicateOf: original.id, regions: unique });
  }
  return docs.map((d) => replaced.get(d.id) ?? d);
}
