import { foldedWords, isStopWord, tokenize } from "../text/tokenize.js";
import type { Document } from "../types.js";
import type { UnderstoodQuestion } from "./understandQuestion.js";

/** A publisher of the articles: its name's terms and the articles it published. */
interface Publisher {
  name: string;
  terms: readonly string[];
  /** How people shorten the name, as word forms: "jpost" for The Jerusalem Post, "wsj" for The Wall Street Journal. */
  shortNames: readonly string[];
  docIds: ReadonlySet<string>;
}

/** The initials of a name of three words or more ("wsj"), and its first words' initials before its last word ("jpost"). */
function shortNamesOf(name: string): string[] {
  const words = foldedWords(name).filter((w) => !isStopWord(w) && w !== "the");
  if (words.length < 2) return [];
  const initials = words.map((w) => w[0]).join("");
  const contracted = words.slice(0, -1).map((w) => w[0]).join("") + words.at(-1);
  return words.length >= 3 ? [initials, contracted] : [contracted];
}

/** The publishers of a corpus, read once per document list, not per question. */
const PUBLISHERS = new WeakMap<readonly Document[], readonly Publisher[]>();
function publishersOf(docs: readonly Document[]): readonly Publisher[] {
  const cached = PUBLISHERS.get(docs);
  if (cached) return cached;
  const byName = new Map<string, Set<string>>();
  for (const d of docs) if (d.publisher) byName.set(d.publisher, (byName.get(d.publisher) ?? new Set()).add(d.id));
  const publishers = [...byName].map(([name, docIds]) => ({ name, terms: tokenize(name), shortNames: shortNamesOf(name), docIds })).filter((p) => p.terms.length > 0);
  PUBLISHERS.set(docs, publishers);
  return publishers;
}

/** The publishers the question names, every word of the name typed ("al majalla", "the guardian") or a short name ("jpost"), and their articles. */
export function publishersNamed(understood: Pick<UnderstoodQuestion, "concepts">, docs: readonly Document[]): { names: string[]; docIds: Set<string> } {
  const typed = new Set(understood.concepts.map((c) => c.forms[0]!.term));
  const typedForms = new Set(understood.concepts.map((c) => c.typed));
  const named = publishersOf(docs).filter((p) => p.terms.every((t) => typed.has(t)) || p.shortNames.some((n) => typedForms.has(n)));
  return { names: named.map((p) => p.name), docIds: new Set(named.flatMap((p) => [...p.docIds])) };
}
