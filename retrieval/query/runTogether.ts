import type { Rewrite } from "../types.js";
import { isStopWord, wordForm } from "../text/tokenize.js";

/** A run-together word is at least this long: two words of two letters or more. */
const MIN_LENGTH = 5;
const MIN_PART = 2;
/** Two-letter words people run into the next or last ("whois", "whatis", "endof"); others ("an") would split names ("anwar"). */
const SHORT_PARTS = new Set(["is", "in", "of", "to", "do", "at", "on", "by", "it"]);

/**
 * "howmany", "whois", "whatdid", "onboard": two words typed without the space between them. A word
 * that is neither the corpus's nor the dictionary's is split, as Meilisearch splits a query word,
 * where the first half is a small word of the language ("how", "on") and the second one too or a
 * word of the corpus, each of three letters or more or one of a few two-letter words; of several
 * such places, the one with the longest shorter half. `isKnown` says whether a form is a word at
 * all (corpus or dictionary, or a slip of a corpus word), `isCorpusWord` whether the articles use it.
 */
export function splitRunTogether(
  text: string,
  isKnown: (form: string) => boolean,
  isCorpusWord: (form: string) => boolean,
): { text: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const part = (form: string) => (form.length > MIN_PART || SHORT_PARTS.has(form)) && (isStopWord(form) || isCorpusWord(form));
  // Whole words of letters only: "mtorc1" or "tnf-alpha" are not two words run together.
  const split = text.replace(/(?<![\p{L}\p{N}'’-])\p{L}+(?![\p{L}\p{N}'’-])/gu, (word) => {
    const form = wordForm(word);
    if (form.length < MIN_LENGTH || isKnown(form)) return word;
    let best: number | undefined;
    for (let at = MIN_PART; at <= form.length - MIN_PART; at++) {
      const [left, right] = [form.slice(0, at), form.slice(at)];
      // The first half a small word ("how", "is", "the"): two content words run together ("paracortical")
      // are a compound, and a small word last ("gameshow") is a content word's end.
      if (!isStopWord(left) || !part(left) || !part(right)) continue;
      const shorter = (i: number) => Math.min(i, form.length - i);
      if (best === undefined || shorter(at) > shorter(best)) best = at;
    }
    if (best === undefined) return word;
    const to = `${word.slice(0, best)} ${word.slice(best)}`;
    rewrites.push({ from: word, to, kind: "typo" });
    return to;
  });
  return { text: split, rewrites };
}

/**
 * "think tank", "air strike", "war planes": two words of the question that the articles write as one
 * ("thinktank", "airstrike", "warplanes"). For each such pair, the position of its first word and
 * the one word. `forms` are the question's word forms; `isCorpusWord` says whether the articles use
 * a form. Stop words and numbers join nothing ("in to", "on going" are typed apart on purpose).
 */
export function wordsWrittenAsOne(forms: readonly string[], isCorpusWord: (form: string) => boolean): { at: number; form: string }[] {
  const joined: { at: number; form: string }[] = [];
  for (let at = 0; at + 1 < forms.length; at++) {
    const [left, right] = [forms[at]!, forms[at + 1]!];
    if (!/^\p{L}+$/u.test(left) || !/^\p{L}+$/u.test(right) || isStopWord(left) || isStopWord(right)) continue;
    if (isCorpusWord(left + right)) joined.push({ at, form: left + right });
  }
  return joined;
}
