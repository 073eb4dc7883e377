import type { Document, Excerpt, SourceRef } from "./types.js";
import type { Passage } from "./selectPassages.js";

/**
 * Turns passages into verbatim excerpts, numbering their articles in order of first citation,
 * so "[1]" in an answer always names the first article quoted.
 */
export function citePassages(passages: readonly Passage[], docById: ReadonlyMap<string, Document>): { excerpts: Excerpt[]; sources: SourceRef[] } {
  const sources: SourceRef[] = [];
  const numberOf = new Map<string, number>();
  const excerpts = passages.map((p): Excerpt => {
    const doc = docById.get(p.docId)!;
    let citation = numberOf.get(doc.id);
    if (citation === undefined) {
      citation = sources.length + 1;
      numberOf.set(doc.id, citation);
      sources.push({ citation, docId: doc.id, file: doc.file, title: doc.title, ...describe(doc) });
    }
    return {
      text: doc.text.slice(p.start, p.end),
      docId: doc.id,
      file: doc.file,
      start: p.start,
      end: p.end,
      title: doc.title,
      ...describe(doc),
      score: Math.round(p.score * 1e4) / 1e4,
      citation,
    };
  });
  return { excerpts, sources };
}

function describe(doc: Document): { publisher?: string; date?: string } {
  return { ...(doc.publisher ? { publisher: doc.publisher } : {}), ...(doc.date ? { date: doc.date } : {}) };
}

/** The check every quote must pass: its text is exactly the stored text at its offsets. */
export function verifyCitation(excerpt: Pick<Excerpt, "text" | "start" | "end">, storedText: string): boolean {
  return excerpt.start >= 0 && excerpt.end <= storedText.length && storedText.slice(excerpt.start, excerpt.end) === excerpt.text;
}
