import { foldText } from "../text/tokenize.js";
import type { Span } from "../types.js";

/** One word of a name or of article text, with its offsets and its comparison key. */
export interface NameToken extends Span {
  /** The word as written (without a possessive "’s"). */
  raw: string;
  /** Case, diacritics and apostrophes folded away: "Shi’ite" → "shiite", "Qāani" → "qaani". */
  key: string;
}

// Letters and digits, with apostrophes inside a word ("Sa'ar", "Shi’ite"); a hyphen separates
// words, so "al-Sudani" and "Al Sudani" give the same tokens.
const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ`][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’ʼ][sS]$/u;
/** Arabic articles that names carry or drop freely: "al-Muhandis", "Al Sudani", "el-Sisi". */
const ARTICLES = new Set(["al", "el"]);
/** Words a name may carry or drop in a lookup: the articles, and "the" ("The Wall Street Journal"). */
const OPTIONAL_WORDS = new Set([...ARTICLES, "the"]);

export function wordKey(word: string): string {
  // Plain ASCII needs no Unicode folding, and most words are plain ASCII: this keeps building fast.
  const folded = /^[\x20-\x7e]*$/u.test(word) ? word.toLowerCase() : foldText(word);
  return folded.replace(/'/gu, "");
}

/** The words of `text[from, to)`, each with offsets into `text`. */
export function nameTokens(text: string, from = 0, to = text.length): NameToken[] {
  const tokens: NameToken[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    let raw = match[0];
    if (POSSESSIVE.test(raw) && raw.length > 2) raw = raw.slice(0, -2);
    const start = from + match.index;
    tokens.push({ start, end: start + raw.length, raw, key: wordKey(raw) });
  }
  return tokens;
}

/** A prose region with its words, tokenized once and shared by every pass over the text. */
export interface TokenizedRegion extends Span {
  tokens: NameToken[];
}

export function tokenizeRegions(text: string, regions: readonly Span[]): TokenizedRegion[] {
  return regions.map((region) => ({ start: region.start, end: region.end, tokens: nameTokens(text, region.start, region.end) }));
}

/** The comparison key of a name: folded words joined by single spaces ("Mohammed Shia' Al-Sudani" → "mohammed shia al sudani"). */
export function nameKey(name: string): string {
  return nameTokens(name)
    .map((t) => t.key)
    .join(" ");
}

/** The key without articles, so "Sudani", "al-Sudani" and "Al Sudani" all meet. */
export function looseKey(key: string): string {
  return key
    .split(" ")
    .filter((w) => !OPTIONAL_WORDS.has(w))
    .join(" ");
}

export function isArticle(key: string): boolean {
  return ARTICLES.has(key);
}

/** An acronym as written: two to six capitals or digits with at least two capitals ("IRGC", "PMF", "US"). */
export function isAcronym(raw: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(raw) && (raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

export function startsUppercase(raw: string): boolean {
  const code = raw.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(raw);
}

// Words of one name are separated by a space or a hyphen, perhaps after a closing apostrophe
// ("Shia' Al-Sudani"), or by the dot of an initial ("U.S.").
const NAME_GAP = /^['’ʼ]?(?:[ \u00a0]|[ \u00a0]?[-‐‑][ \u00a0]?)$/u;

/** True when two neighbouring tokens of `text` can belong to one name (nothing but a space or hyphen between them). */
export function areJoined(text: string, left: NameToken, right: NameToken): boolean {
  const gap = text.slice(left.end, right.start);
  return NAME_GAP.test(gap) || (gap === "." && left.raw.length === 1);
}

/** A slug for ids: "Mohammed Shia' Al-Sudani" → "mohammed-shia-al-sudani". */
export function slugOf(name: string): string {
  return nameKey(name).replace(/ /gu, "-");
}
