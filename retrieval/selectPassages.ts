import type { Span } from "./types.js";
import { passageHasAnswerType, type AnswerType, type AskedQuestion } from "./answerType.js";
import { countsThing, type CountedThing } from "./verdict/countedThing.js";
import { distance } from "fastest-levenshtein";
import { foldedWords, termOf, wordForm, WORD_PATTERN } from "./text/tokenize.js";
import type { QueryConcept } from "./query/understandQuestion.js";

/** A sentence of the index with what scoring needs, precomputed at load time. */
export interface SentenceRecord extends Span {
  docId: string;
  /** Position within its document's sentences. */
  index: number;
  /** The sentence's own terms in order (word pairs are read from them). */
  tokens: readonly string[];
  terms: ReadonlySet<string>;
  /** Terms of this sentence, the two before it in the same stretch of prose and the article's title: what it can lean on. */
  windowTerms: ReadonlySet<string>;
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
  /** Share of the question's IDF mass found in the sentence or the two before it. */
  coverage: number;
  /**
   * Share of the weight of the question's words other than names found around it: what the
   * question asks about them ("old" in "how old is Qaani"); 1 when it asks about names alone.
   */
  askedCoverage: number;
  /** The same share found in the sentence itself: the asked words stated with the answer, not only near it. */
  askedInSentence: number;
  /** A "how many" question's counted thing has a number in the sentence ("three US soldiers"); true when it counts nothing. */
  countFound: boolean;
  /** Rare names in the question that neither the sentence nor the two before it mention, as typed ("knights", not the term "knight"): the reply names them. */
  missingNames: string[];
  /** The question's weightiest word, a term standing for it, or a close paraphrase is around it. */
  keyWordFound: boolean;
  /** The weightiest of the question's words found nowhere around it, relative to its weightiest word, [0, 1]: 0 when every word is there. */
  unmatched: number;
  /** The question's names, however common ("Israeli", "Baghdad"), that are not around it, as typed: none when every one is. */
  namesNotAround: string[];
  /** How many of the question's words other than names are found nowhere around it. */
  askedMissing: number;
  /** The sentence can answer: it holds the right answer type, and the question's rare names are around it. */
  supported: boolean;
  score: number;
}

export interface PassageQuery {
  vector: readonly number[];
  /** The question's content words, each with the terms that may stand for it. */
  concepts: readonly QueryConcept[];
  answerType: AnswerType;
  /** The question as searched, read once (`readAskedQuestion`): a phrase it already contains is not its answer. */
  question: AskedQuestion;
  /** Terms for what a "how many" question counts (see verdict/countedThing.ts). */
  counted?: CountedThing;
  idf: (term: string) => number;
  /** True when the index holds the term. */
  known: (term: string) => boolean;
  /**
   * What a real word the corpus never uses weighs, never found (the rarest a word can be): the
   * question asks about something the articles lack. A slip nothing matched weighs nothing.
   */
  absentWeight: number;
}

/**
 * Weights of the sentence score, a weighted mean of features in [0, 1]. Fitted by a listwise
 * logistic model on SQuAD dev's even-numbered articles (pick the sentence of the gold paragraph
 * that holds the answer span), then context set on the full pipeline of the same half; checked on
 * the odd half and the seed question set. Answer type and coverage count as evidence here rather
 * than only gating refusal: with the gold paragraph given, the right sentence went from 0.825 to
 * 0.847 on the even half and from 0.862 to 0.882 on the held-out odd half (all of SQuAD dev).
 */
export const SENTENCE_WEIGHTS = { dense: 0.32, lexical: 0.21, bigram: 0.05, context: 0.13, answerType: 0.12, coverage: 0.17 };

/** Share of the question's adjacent term pairs ("nobel prize") that stand adjacent in the sentence too, [0, 1]. */
function bigramShare(question: readonly string[], names: ReadonlySet<string>, sentence: readonly string[]): number {
  const pairs = (terms: readonly string[]) => new Set(terms.slice(1).map((t, i) => `${terms[i]} ${t}`));
  // A pair of the names the question is about ("popular mobil") is in every candidate; it tells none apart.
  const asked = new Set([...pairs(question)].filter((p) => !p.split(" ").every((t) => names.has(t))));
  if (asked.size === 0) return 0;
  const found = pairs(sentence);
  let shared = 0;
  for (const p of asked) if (found.has(p)) shared++;
  return shared / asked.size;
}

/**
 * Support thresholds. What the sentence must hold to be quoted as an answer is its answer type and
 * the question's rare names; how much of the rest of the question it must hold is the verdict
 * model's to weigh (retrieval/verdict/), from coverage, the words it lacks and the key word.
 */
export const SUPPORT = {
  /** A question name this rare (IDF) must be mentioned near the answer; common ones ("Israel") need not. */
  minNameIdf: 1.5,
  /** Without the question's rarest word nearby, the sentence must be at least this close in meaning. */
  minDenseForParaphrase: 0.55,
};

/**
 * True when the terms mention the name, allowing for how questions spell names: another form of
 * it ("Australian" for "Australia", "Lutheran" for "Luther") or a one-letter slip ("Karistadt").
 */
export function mentionsName(terms: ReadonlySet<string>, name: string): boolean {
  if (terms.has(name)) return true;
  if (name.length < 5) return false;
  for (const t of terms) {
    if (t.length < 5) continue;
    if (t.startsWith(name) || name.startsWith(t)) return true;
    if (name.length >= 6 && Math.abs(t.length - name.length) <= 1 && distance(t, name) <= 1) return true;
  }
  return false;
}

/**
 * What a concept weighs: the IDF of its best term the corpus uses, by that term's weight, or, for
 * a real word the corpus never uses, what the rarest word weighs. With `has`, what of that the
 * terms hold: the best term found, its IDF by its weight (a common synonym proves little).
 */
export function conceptWeight(concept: QueryConcept, query: Pick<PassageQuery, "idf" | "known" | "absentWeight">, has?: (term: string) => boolean): number {
  if (concept.missing === "word" && !has) return query.absentWeight;
  let best = 0;
  for (const f of concept.forms) {
    if ((!has || has(f.term)) && query.known(f.term)) best = Math.max(best, f.weight * query.idf(f.term));
  }
  return best;
}

/** Share of the question's weight that the terms hold, each concept counting by its best term found. */
function conceptShare(query: PassageQuery, weights: readonly number[], has: (term: string) => boolean): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return 0;
  return query.concepts.reduce((sum, c, i) => sum + (weights[i]! > 0 ? Math.min(weights[i]!, conceptWeight(c, query, has)) : 0), 0) / total;
}

/** People a sentence may name through someone else's name: "Nasrallah's son-in-law", "Khafaji's deputy". */
const RELATIONS = "sons?|daughters?|brothers?|sisters?|wife|wives|husband|father|mother|nephew|niece|cousin|uncle|aunt|relatives?|family|deputy|aides?|bodyguards?|driver|successor|predecessor";
const RELATION_AFTER_POSSESSIVE = new RegExp(`^\\s+(${RELATIONS})\\b`, "iu");
const ANY_POSSESSIVE_RELATION = new RegExp(`['’]s\\s+(?:${RELATIONS})\\b`, "iu");

/**
 * The question's names that the sentence mentions only to name someone else by ("That attack killed
 * Nasrallah's son-in-law"): it is not about them. Not when the question asks about that relation
 * ("who was Nasrallah's son-in-law") or asks who someone is, which the relation may answer.
 */
function namesOnlyThroughRelations(query: PassageQuery, text: string): Set<string> {
  const names = new Set(query.concepts.filter((c) => c.name).map((c) => c.forms[0]!.term));
  if (names.size === 0 || query.answerType === "person-or-group" || !ANY_POSSESSIVE_RELATION.test(text)) return new Set();
  const onlyThrough = new Map<string, boolean>();
  for (const match of text.matchAll(WORD_PATTERN)) {
    const term = termOf(wordForm(match[0]));
    if (term === undefined || !names.has(term)) continue;
    const relation = /['’]s$/u.test(match[0]) ? RELATION_AFTER_POSSESSIVE.exec(text.slice(match.index + match[0].length))?.[1]?.toLowerCase() : undefined;
    onlyThrough.set(term, (onlyThrough.get(term) ?? true) && relation !== undefined && !query.question.words.has(relation));
  }
  // Every term standing for such a name goes with it ("Hassan" of Hassan Nasrallah names the son-in-law there).
  const through = new Set([...onlyThrough].filter(([, only]) => only).map(([term]) => term));
  return new Set(query.concepts.filter((c) => through.has(c.forms[0]!.term)).flatMap((c) => c.forms.map((f) => f.term)));
}

/**
 * `context`: how well the chunk around the sentence ranked, relative to the best; `similarity`: the
 * sentence's vector's cosine with the question's.
 */
export function scoreSentence(query: PassageQuery, sentence: SentenceRecord, { context, similarity }: { context: number; similarity: number }, text: string): Omit<SentenceScore, "sentence"> {
  const weights = query.concepts.map((c) => conceptWeight(c, query));
  const throughOthers = namesOnlyThroughRelations(query, text);
  const lexical = conceptShare(query, weights, (t) => sentence.terms.has(t) && !throughOthers.has(t));
  const coverage = conceptShare(query, weights, (t) => sentence.windowTerms.has(t));
  const asked = weights.map((w, i) => (query.concepts[i]!.name ? 0 : w));
  const askedCoverage = asked.some((w) => w > 0) ? conceptShare(query, asked, (t) => sentence.windowTerms.has(t)) : 1;
  const askedInSentence = asked.some((w) => w > 0) ? conceptShare(query, asked, (t) => sentence.terms.has(t)) : 1;
  // A name is found by one of its own names, not by a word standing near it ("Lebanon" is not "Beirut"). Read once per name.
  const nameAround = query.concepts.map(
    (c) => c.name && (c.identifiedBy ?? c.forms.filter((f) => f.weight === 1).map((f) => [f.term])).some((name) => name.every((t) => mentionsName(sentence.windowTerms, t))),
  );
  // One of names typed as alternatives around is enough ("was khafaji KH or nujaba").
  const alternativeAround = (c: QueryConcept) => c.alternatives !== undefined && query.concepts.some((o, j) => o !== c && o.alternatives === c.alternatives && nameAround[j]);
  const missingNames = query.concepts
    .filter((c, i) => c.name && query.known(c.forms[0]!.term) && query.idf(c.forms[0]!.term) >= SUPPORT.minNameIdf && !nameAround[i] && !alternativeAround(c))
    .map((c) => c.typed);
  const found = query.concepts.map((c, i) => weights[i] === 0 || (c.name ? nameAround[i]! : c.forms.some((f) => sentence.windowTerms.has(f.term))));
  const heaviest = Math.max(0, ...weights);
  const unmatched = heaviest > 0 ? Math.max(0, ...weights.filter((_, i) => !found[i])) / heaviest : 0;
  const namesNotAround = query.concepts.filter((c, i) => c.name && !found[i]).map((c) => c.typed);
  const askedMissing = query.concepts.filter((c, i) => !c.name && !found[i]).length;
  const dense = Math.max(0, Math.min(1, similarity));
  const typeMatch = passageHasAnswerType(text, query.answerType, query.question);
  const countFound = !query.counted || countsThing(sentence.tokens, query.counted);
  // The question's weightiest word is usually what it asks about ("founded", "succeeded"); a paraphrase
  // of it ("struck" for "hit") shows as one of its related terms or a high semantic similarity instead.
  const keyAt = weights.reduce((best, w, i) => (w > 0 && (best < 0 || w > weights[best]!) ? i : best), -1);
  const key = query.concepts[keyAt];
  const keyWordFound = key === undefined || key.forms.some((f) => sentence.windowTerms.has(f.term)) || dense >= SUPPORT.minDenseForParaphrase;
  const supported = typeMatch && missingNames.length === 0;
  const primary = query.concepts.map((c) => c.forms[0]!.term);
  const bigram = bigramShare(primary, new Set(query.concepts.filter((c) => c.name).map((c) => c.forms[0]!.term)), sentence.tokens);
  const w = SENTENCE_WEIGHTS;
  // A weighted mean, so the score stays in [0, 1].
  const score =
    (w.dense * dense + w.lexical * lexical + w.context * context + w.bigram * bigram + w.answerType * (typeMatch ? 1 : 0) + w.coverage * coverage) /
    (w.dense + w.lexical + w.context + w.bigram + w.answerType + w.coverage);
  return { dense, lexical, context, typeMatch, countFound, coverage, askedCoverage, askedInSentence, missingNames, keyWordFound, unmatched, namesNotAround, askedMissing, supported, score };
}

// A sentence opening with one of these leans on the one before it for who or what it is about ("He",
// "The group", "The troops" the sentence before sent) or for the event it follows ("Later on Sunday…").
const ANAPHORIC_OPENING = /^["“‘']?(He|She|It|They|This|That|These|Those|His|Her|Its|Their|The (?:group|movement|militia|faction)s?|The troops|The soldiers|The fighters|The commandos|The militants|The attackers|Both|Later|Earlier|Meanwhile|Afterwards|Then|Hours later|Days later|The same day|The next day|That day)\b/;

/** True when a sentence needs the one before it to say who or what it is about ("These are …"). */
export function leansOnPrevious(sentence: string): boolean {
  return ANAPHORIC_OPENING.test(sentence);
}

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
    leansOnPrevious(opening) &&
    text.slice(prev.end, s.start).trim() === "" &&
    s.end - prev.start <= maxChars
  ) {
    return { start: prev.start, end: s.end };
  }
  return { start: s.start, end: s.end };
}

/** True when most of the shorter text's words are in the longer one: a near-copy, not a new passage. */
export function nearCopy(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const small = new Set(foldedWords(shorter));
  const large = new Set(foldedWords(longer));
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.8;
}

/** A sentence beside a kept passage joins it when it scores at least this share of the passage's score (see EXCERPT_RELATIVE_SCORE). */
export const ADJACENT_RELATIVE_SCORE = 0.85;

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
    const touching = kept.find((p) => p.docId === record.docId && p.start <= span.end && span.start <= p.end && text.slice(Math.min(p.end, span.end), Math.max(p.start, span.start)).trim() === "");
    if (touching) {
      // An adjacent sentence that scores nearly as well completes the passage rather than competing with it.
      const start = Math.min(touching.start, span.start);
      const end = Math.max(touching.end, span.end);
      if (candidate.score >= ADJACENT_RELATIVE_SCORE * touching.score && end - start <= maxChars) {
        Object.assign(touching, { start, end, quote: text.slice(start, end) });
      }
      continue;
    }
    if (!kept.some((p) => nearCopy(p.quote, quote))) kept.push({ ...span, docId: record.docId, score: candidate.score, sentence: candidate.sentence, quote });
  }
  return kept.map(({ quote: _quote, ...passage }) => passage);
}
