import { isStopWord } from "../text/tokenize.js";
import type { Thesaurus } from "./relatedTerms.js";
import { editDistance, isFunctionWord } from "./spelling.js";
import type { Vocabulary } from "./vocabulary.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** Shorter words one slip from a dictionary word are too many to tell by the dictionary alone ("xbox", "box"). */
const MIN_LETTERS = 5;
/** Two letters are too few to be anything but a slip or a chat word. */
const MIN_SHORT_LETTERS = 3;
/** Longer runs of letters are no word of any language ("xxxx…" pasted into a question), and costly to search around. */
const MAX_LETTERS = 30;
const CACHE_LIMIT = 2000;
const cache = new WeakMap<Vocabulary, Map<string, boolean>>();
/** A word this share of its letters or fewer off an article's word is a bad slip for it ("asasinatin"). */
const SLIP_SHARE = 1 / 3;

/** Every string one edit (a letter dropped, swapped with the next, replaced or added) from `word`. */
function* oneEditFrom(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) yield word.slice(0, i) + word.slice(i + 1);
    if (i < word.length - 1) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    for (const letter of LETTERS) {
      if (i < word.length) yield word.slice(0, i) + letter + word.slice(i + 1);
      yield word.slice(0, i) + letter + word.slice(i);
    }
  }
}

/**
 * A word neither the articles (the caller checks) nor the dictionary know, and not one slip from a
 * word either: a name or term from elsewhere ("shawarma", "bitcoin", "macbook"), which the articles
 * never mention. A slip nothing corrected ("latly", "jpost", "everyones") is one edit from a word,
 * a worse one ("asasinatin") a third of its letters or fewer from one of the articles' words.
 * Unsure cases count as slips ("blinken" is one letter from "blinked"), so none is taken for absent
 * that might be a typing slip. Three or four letters ("gpu", "nba", "xbox") are nearly always one
 * slip from some short dictionary word, so for them only a slip for a small word ("teh"), an
 * articles' word ("wra") or an English word of four letters or more ("hepl") counts.
 */
export function isForeignTerm(form: string, thesaurus: Thesaurus, vocabulary: Vocabulary): boolean {
  if (form.length < MIN_SHORT_LETTERS || form.length > MAX_LETTERS || !/^[a-z]+$/u.test(form)) return false;
  let known = cache.get(vocabulary);
  if (!known) cache.set(vocabulary, (known = new Map()));
  const cached = known.get(form);
  if (cached !== undefined) return cached;
  const short = form.length < MIN_LETTERS;
  const isEnglish = (word: string) => isStopWord(word) || isFunctionWord(word) || thesaurus.isWord(word);
  const slipFor = short
    ? (near: string) => isStopWord(near) || isFunctionWord(near) || vocabulary.counts.has(near) || (near.length >= 4 && thesaurus.isWord(near))
    : isEnglish;
  let foreign = !isEnglish(form);
  for (const near of foreign ? oneEditFrom(form) : []) {
    if (near.length > 1 && slipFor(near)) {
      foreign = false;
      break;
    }
  }
  const slips = Math.floor(form.length * SLIP_SHARE);
  if (foreign && !short) foreign = !(vocabulary.byFirstLetter.get(form[0]!) ?? []).some((word) => editDistance(form, word, slips) <= slips);
  if (known.size >= CACHE_LIMIT) known.clear();
  known.set(form, foreign);
  return foreign;
}
