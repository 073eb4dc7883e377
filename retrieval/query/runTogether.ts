import type { Rewrite } from "../types.js";
import { isStopWord, wordForm } from "../text/tokenize.js";

/** A run-together word is at least this long: two words of two letters or more. */
const MIN_LENGTH = 5;
const MIN_PART = 2;
/** Two-letter words people run into the next or last ("whois", "whatis", "endof"); others ("an") would split names ("anwar"). */
const SHORT_PARTS = new Set(["is", "in", "of", "to", "do", "at", "on", "by", "it"]);

/**
 * "howmany", "whois", "dronestrike": two words typed without the space between them. A word that is
 * neither the corpus's nor the dictionary's is split where both halves are small words of the
 * language ("how", "is") or words of the corpus, of three letters or more or a few two-letter ones, as Meilisearch splits a query word; of several
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
  const split = text.replace(/[\p{L}]+/gu, (word) => {
    const form = wordForm(word);
    if (form.length < MIN_LENGTH || isKnown(form)) return word;
    let best: number | undefined;
    for (let at = MIN_PART; at <= form.length - MIN_PART; at++) {
      if (!part(form.slice(0, at)) || !part(form.slice(at))) continue;
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
