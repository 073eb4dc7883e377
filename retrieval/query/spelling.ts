import { termOf } from "../text/tokenize.js";
import type { Vocabulary } from "./vocabulary.js";

/**
 * Edits a typed word may be off by, as Meilisearch and Typesense allow: none under five letters
 * ("iran"/"iraq" are different words), one from five, two from nine.
 */
export function typoTolerance(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbouring letters, the
 * commonest slip of all), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * A key that Arabic and Persian names keep however they are written in Latin letters: q/k and
 * kh/gh, vowels, doubled letters, a final -h and apostrophes vary ("Kataib", "Ktaeb", "Kata'ib";
 * "Nujaba", "Nujabba"; "Muhandis", "Muhandes"; "Qaani", "Ghaani"), the consonants stay.
 */
export function transliterationKey(form: string): string {
  const consonants = form
    .replace(/'/gu, "")
    .replace(/kh|gh|q|ck|c(?=[aou])/gu, "k")
    .replace(/ph/gu, "f")
    .replace(/([td])h/gu, "$1")
    .replace(/(?<=[aeiouy])h$/u, "");
  const lead = /^[aeiouy]/u.test(consonants) ? "a" : "";
  return lead + consonants.replace(/[aeiouyw]/gu, "").replace(/(.)\1+/gu, "$1");
}

/**
 * English words WordNet leaves out (prepositions, conjunctions, pronouns) that the stop-word list
 * does not hold either: a word of the language, never a slip for a corpus word ("among" is not "along").
 */
const FUNCTION_WORDS = new Set(
  (
    "among amongst amid amidst toward towards upon unto onto whilst via versus vs per within without beside besides " +
    "despite whereas whether though although unless till across along around beneath beyond inside outside throughout " +
    "underneath alongside behind below beside near nearby regarding concerning including except excluding anyone anything " +
    "everyone everything someone something nobody nothing whoever whatever whichever whenever wherever however"
  ).split(" "),
);

export function isFunctionWord(form: string): boolean {
  return FUNCTION_WORDS.has(form);
}

export interface Correction {
  form: string;
  kind: "typo" | "spelling";
}

/** A word without a plural or third-person "-s" ("missiles", not "loss"): how a slip is matched when the corpus uses the word only in the other number. */
const withoutS = (form: string) => form.replace(/(?<!s)s$/u, "");

/**
 * The corpus word nearest a typed one, by fewest edits then most used; undefined when none is near
 * enough. With `key`, words are compared by it.
 */
function nearest(typed: string, candidates: readonly string[], vocabulary: Vocabulary, max: number, key: (form: string) => string = (form) => form): string | undefined {
  let best: string | undefined;
  let bestEdits = max + 1;
  let bestCount = 0;
  const typedKey = key(typed);
  for (const form of candidates) {
    const edits = editDistance(typedKey, key(form), max);
    const count = vocabulary.counts.get(form) ?? 0;
    if (edits > max || edits > bestEdits || (edits === bestEdits && count <= bestCount)) continue;
    [best, bestEdits, bestCount] = [form, edits, count];
  }
  return best;
}

/**
 * What a word the corpus never uses was probably meant as: the nearest word within the typo
 * tolerance, or, failing that, a name spelt another way (same transliteration key, at most a third
 * of its letters off, from five letters). Typos come first: keyed on consonants alone, a misspelt
 * word would find a name that shares them ("teacehr" Thatcher, "leevel" Lovell). A name found by
 * either way that keeps the typed key is a spelling of it ("sistany"). The first letter is taken
 * as typed, as people rarely get it wrong (Meilisearch counts a typo there twice). A word of four
 * letters is only corrected to a name of five it is missing a letter of.
 */
export function correctWord(typed: string, vocabulary: Vocabulary): Correction | undefined {
  if (typed.length < 4 || /\p{N}/u.test(typed)) return undefined;
  const key = transliterationKey(typed);
  const max = typoTolerance(typed.length);
  const sameLetter = vocabulary.byFirstLetter.get(typed[0]!) ?? [];
  // Four letters allow no slip but one: a letter left out of a name of five ("ymen", "syri", "haas").
  if (typed.length === 4) {
    // Not the word's own plural ("unit", "Units"): that is the word, not a slip.
    const name = nearest(typed, sameLetter.filter((form) => form.length === 5 && vocabulary.names.has(form) && termOf(form) !== termOf(typed)), vocabulary, 1);
    return name ? { form: name, kind: "typo" } : undefined;
  }
  const typo = max > 0 ? nearest(typed, sameLetter, vocabulary, max) : undefined;
  if (typo) return { form: typo, kind: vocabulary.names.has(typo) && transliterationKey(typo) === key ? "spelling" : "typo" };
  // A slip in a word the corpus uses only in the other number ("fifhter" for its "fighters", "nummbers" for
  // its "number"): matched without the "-s", and given the typed number back ("fighter", "numbers").
  const inflected = max > 0 ? nearest(typed, sameLetter, vocabulary, max, withoutS) : undefined;
  if (inflected) return { form: withoutS(inflected) + typed.slice(withoutS(typed).length), kind: "typo" };
  const spelled = typed.length >= 5 ? vocabulary.byTransliteration.get(key) : undefined;
  const form = spelled ? nearest(typed, spelled, vocabulary, Math.max(2, Math.ceil(typed.length / 3))) : undefined;
  return form ? { form, kind: "spelling" } : undefined;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Every form one edit from `typed` (Norvig's edits1), its first letter kept, in the order slips are
 * likeliest undone: two letters swapped back, a letter left out put in, a letter doubled or added
 * taken out, a letter changed ("htting" is "hitting" before "hiting").
 */
function oneEditAway(typed: string): Set<string> {
  const edits = new Set<string>();
  const cuts = Array.from({ length: typed.length }, (_, i) => [typed.slice(0, i + 1), typed.slice(i + 1)] as const);
  for (const [head, tail] of cuts) if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
  for (const [head, tail] of cuts) for (const letter of LETTERS) edits.add(head + letter + tail);
  for (const [head, tail] of cuts) if (tail) edits.add(head + tail.slice(1));
  for (const [head, tail] of cuts) for (const letter of LETTERS) if (tail) edits.add(head + letter + tail.slice(1));
  edits.delete(typed);
  return edits;
}

/**
 * A slip in a word the corpus never uses, but whose meaning it does ("htting", "competingg"): the
 * dictionary word one edit away (from five letters) that leads furthest into the corpus, by
 * `reach` (how many of its terms and related terms the index holds); undefined when none leads in.
 */
export function correctToDictionary(typed: string, isWord: (form: string) => boolean, reach: (form: string) => number): string | undefined {
  if (typoTolerance(typed.length) === 0 || /\p{N}/u.test(typed)) return undefined;
  let best: string | undefined;
  let bestReach = 0;
  for (const form of oneEditAway(typed)) {
    if (!isWord(form)) continue;
    const found = reach(form);
    if (found > bestReach) [best, bestReach] = [form, found];
  }
  return best;
}

