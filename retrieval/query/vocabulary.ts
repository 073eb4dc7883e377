import type { Document } from "../types.js";
import { WORD_PATTERN, wordForm, wordForms } from "../text/tokenize.js";
import { transliterationKey } from "./spelling.js";

/** The corpus's own words: what a typed word is corrected towards and names are recognised from. */
export interface Vocabulary {
  /** Word form → how often the indexed prose uses it. */
  readonly counts: ReadonlyMap<string, number>;
  /** Forms written with a capital inside sentences more often than not: names ("sistani", "najaf"). */
  readonly names: ReadonlySet<string>;
  /** Forms by first letter, for typo search: the prose's, and its titles' and publishers'. */
  readonly byFirstLetter: ReadonlyMap<string, readonly string[]>;
  /** Name forms by transliteration key ("ktb" for Kataib, Ktaeb, Kata'ib). */
  readonly byTransliteration: ReadonlyMap<string, readonly string[]>;
  /** Forms of the articles' titles and publishers: a question may name the articles themselves ("the Jerusalem Post"). */
  readonly aboutArticles: ReadonlySet<string>;
}

// A word right after a sentence end, a line start or an opening quote is capitalised anyway.
const SENTENCE_START = /(?:^|[.!?:;"“‘(\n]\s*)$/u;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Reads the vocabulary off the documents' prose regions. */
export function buildVocabulary(docs: readonly Document[]): Vocabulary {
  const counts = new Map<string, number>();
  const capitalised = new Map<string, number>();
  const inside = new Map<string, number>();
  for (const doc of docs) {
    for (const region of doc.regions) {
      const text = doc.text.slice(region.start, region.end);
      for (const match of text.matchAll(WORD_PATTERN)) {
        const form = wordForm(match[0]);
        if (form.length === 0) continue;
        counts.set(form, (counts.get(form) ?? 0) + 1);
        if (SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
        inside.set(form, (inside.get(form) ?? 0) + 1);
        if (/^\p{Lu}/u.test(match[0])) capitalised.set(form, (capitalised.get(form) ?? 0) + 1);
      }
    }
  }
  const names = new Set<string>();
  for (const [form, n] of inside) if (!/^\p{N}/u.test(form) && (capitalised.get(form) ?? 0) * 2 > n) names.add(form);
  const aboutArticles = new Set(docs.flatMap((d) => wordForms(`${d.title} ${d.publisher ?? ""}`)));
  const byFirstLetter = new Map<string, string[]>();
  const byTransliteration = new Map<string, string[]>();
  for (const form of counts.keys()) {
    push(byFirstLetter, form[0]!, form);
    if (names.has(form)) push(byTransliteration, transliterationKey(form), form);
  }
  // A slip in a publisher's or title's word ("the jeruslem post") is corrected towards it too.
  for (const form of aboutArticles) if (form.length > 0 && !counts.has(form)) push(byFirstLetter, form[0]!, form);
  return { counts, names, byFirstLetter, byTransliteration, aboutArticles };
}
