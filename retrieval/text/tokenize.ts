import { stemmer } from "stemmer";

/**
 * English stop words: too common to say what a question is about. "al" is the Arabic article
 * ("al-Sudani", "Al Sudani"): names match on the part after it.
 */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below between both but by " +
    "can cannot could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ours " +
    "ourselves out over own same she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would you your yours " +
    "yourself yourselves s t al also tell say said says know many much mean means meant us"
  ).split(" "),
);

/** Folds case, diacritics and apostrophe variants so "Shia’", "Shia'" and "Shīa" meet. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    // ʿayn and hamza marks of transliterated Arabic ("Shīʿa") are spelled without them as often as with.
    .replace(/[ʿʾ]/gu, "")
    .replace(/[’‘`´ʼ]/gu, "'")
    .toLowerCase();
}

/** Folded words, in order, with no stop words dropped or stems cut: for comparing texts whole. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The country, however written, must not meet the pronoun "us" (a stop word), and "the US" must meet
// "the United States": both are one word.
const UNITED_STATES = /\b(?:U\.S\.A?\.?|USA|US|[Uu]nited [Ss]tates)(?![\p{L}])/gu;

/** A word as search compares it: folded, without a possessive "'s" or apostrophes ("Sa'ar" → "saar"). */
export function wordForm(raw: string): string {
  return foldText(raw).replace(/'s$/u, "").replace(/'/gu, "");
}

/** The search term of a word form: its Porter stem, or undefined for a stop word. */
export function termOf(form: string): string | undefined {
  if (form.length === 0 || STOP_WORDS.has(form)) return undefined;
  return /^\p{N}+$/u.test(form) ? form : stemmer(form);
}

export function isStopWord(form: string): boolean {
  return STOP_WORDS.has(form);
}

/** Words of a text as written, with their offsets: what forms and terms are read from. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’‘`´ʼ][\p{L}]+)*/gu;

/** Writes the country as one word, so it is searched for and never taken for the pronoun. */
export function spellUnitedStates(text: string): string {
  return text.replace(UNITED_STATES, " unitedstates ");
}

/** Splits text into search terms: folded, stop words dropped, Porter-stemmed. */
export function tokenize(text: string): string[] {
  const folded = foldText(spellUnitedStates(text));
  const terms: string[] = [];
  for (const match of folded.matchAll(WORD_PATTERN)) {
    const term = termOf(wordForm(match[0]));
    if (term !== undefined) terms.push(term);
  }
  return terms;
}
