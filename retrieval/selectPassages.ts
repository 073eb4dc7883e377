import type { Span } from "./types.js";
import { dot } from "./fuse.js";
import { passageHasAnswerType, type AnswerType } from "./answerType.js";

/** A sentence of the index with what scoring needs, precomputed at load time. */
export interface SentenceRecord extends Span {
  docId: string;
  /** Position within its document's sentences. */
  index: number;
  vector: readonly number[];
  terms: ReadonlySet<string>;
}

export interface SentenceScore {
  /** Position in the sentence list given. */
  sentence: number;
  /** Cosine similarity with the question, clipped to [0, 1]. */
  dense: number;
  /** Share of the question's IDF mass found in the sentence, [0, 1]. */
  lexical: number;
  /** How well the chunk around it ranked, relative to the best chunk, [0, 1]. */
  context: number;
  typeMatch: boolean;
  score: number;
}

export interface PassageQuery {
  vector: readonly number[];
  terms: readonly string[];
  answerType: AnswerType;
  idf: (term: string) => number;
}

/** Weights of the sentence score; set on the seed question set and SQuAD dev (see README). */
export const SENTENCE_WEIGHTS = { dense: 0.5, lexical: 0.35, context: 0.15, typeMismatchFactor: 0.75 };

export function scoreSentence(query: PassageQuery, sentence: SentenceRecord, context: number, text: string): Omit<SentenceScore, "sentence"> {
  const unique = [...new Set(query.terms)];
  const total = unique.reduce((sum, t) => sum + query.idf(t), 0);
  const found = unique.reduce((sum, t) => sum + (sentence.terms.has(t) ? query.idf(t) : 0), 0);
  const lexical = total > 0 ? found / total : 0;
  const dense = Math.max(0, Math.min(1, dot(query.vector, sentence.vector)));
  const typeMatch = passageHasAnswerType(text, query.answerType);
  const base = SENTENCE_WEIGHTS.dense * dense + SENTENCE_WEIGHTS.lexical * lexical + SENTENCE_WEIGHTS.context * context;
  return { dense, lexical, context, typeMatch, score: typeMatch ? base : base * SENTENCE_WEIGHTS.typeMismatchFactor };
}

// A sentence opening with one of these leans on the one before it for who or what it is about.
const ANAPHORIC_OPENING = /^["“‘']?(He|She|It|They|This|That|These|Those|His|Her|Its|Their|The group|The movement|The militia|Both)\b/;

/**
 * Widens a chosen sentence into the passage to quote: it takes the sentence before when this one
 * opens with a pronoun that needs it, as long as both sit in the same stretch of prose.
 */
export function passageAround(sentences: readonly SentenceRecord[], at: number, text: string, maxChars: number): Span {
  const s = sentences[at]!;
  const prev = sentences[at - 1];
  const opening = text.slice(s.start, s.end);
  if (
    prev &&
    prev.docId === s.docId &&
    ANAPHORIC_OPENING.test(opening) &&
    text.slice(prev.end, s.start).trim() === "" &&
    s.end - prev.start <= maxChars
  ) {
    return { start: prev.start, end: s.end };
  }
  return { start: s.start, end: s.end };
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** True when most of the shorter text's words are in the longer one: a near-copy, not a new passage. */
export function nearCopy(a: string, b: string): boolean {
  const [small, large] = a.length <= b.length ? [words(a), words(b)] : [words(b), words(a)];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.8;
}

export interface Passage extends Span {
  docId: string;
  score: number;
  /** The sentence that earned the passage its place. */
  sentence: number;
}

/**
 * Walks the scored sentences best first and keeps passages that add something: none overlaps
 * or nearly repeats one already kept (the same fact told twice, or by a copied article).
 */
export function pickDiversePassages(
  scored: readonly SentenceScore[],
  sentences: readonly SentenceRecord[],
  textOf: (docId: string) => string,
  limit: number,
  maxChars: number,
): Passage[] {
  const kept: (Passage & { quote: string })[] = [];
  for (const candidate of [...scored].sort((a, b) => b.score - a.score || a.sentence - b.sentence)) {
    if (kept.length >= limit) break;
    const record = sentences[candidate.sentence]!;
    const text = textOf(record.docId);
    const span = passageAround(sentences, candidate.sentence, text, maxChars);
    const quote = text.slice(span.start, span.end);
    const clash = kept.some(
      (p) => (p.docId === record.docId && p.start < span.end && span.start < p.end) || nearCopy(p.quote, quote),
    );
    if (!clash) kept.push({ ...span, docId: record.docId, score: candidate.score, sentence: candidate.sentence, quote });
  }
  return kept.map(({ quote: _quote, ...passage }) => passage);
}
