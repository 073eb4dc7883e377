import type { Span } from "../types.js";

/**
 * Words whose trailing period is not a sentence end, lower-cased without the final period.
 * News text is full of them: "U.S.", "a.m.", "Gen.", "No. 2", "Sa'ar 4.5-class".
 */
const ABBREVIATIONS = new Set([
  "u.s", "u.k", "u.n", "e.u", "u.a.e", "a.m", "p.m", "i.e", "e.g", "vs", "etc", "approx", "est",
  "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
  "gov", "sen", "rep", "pres", "amb", "rev", "st", "jr", "sr", "no", "nos", "fig", "inc", "ltd", "co", "corp",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
]);

/**
 * Abbreviations that also end sentences ("…deployed by the U.S. The group said…"): after them a
 * boundary is taken only before a word that typically opens a sentence.
 */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(["u.s", "u.k", "u.n", "e.u", "u.a.e", "a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "jr", "sr"]);
const SENTENCE_OPENERS = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "his", "her", "its", "their",
  "in", "on", "at", "but", "and", "however", "meanwhile", "after", "before", "since", "when", "while", "as", "there", "some", "many",
]);

// A run of terminal punctuation, closing quotes or brackets, then space, then what can open a sentence.
const BOUNDARY = /[.!?…]+["”’'»)\]]*(?=\s+["“‘'«(\[]?[\p{Lu}\p{N}$£€])/gu;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}.'’-]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function nextWord(text: string, from: number): string {
  const match = /^\s+["“‘'«(\[]?([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 40));
  return match?.[1] ?? "";
}

function isBoundary(text: string, punctuationAt: number, boundaryEnd: number): boolean {
  if (text[punctuationAt] !== ".") return true;
  const word = wordBefore(text, punctuationAt).replace(/^['’]+/, "").toLowerCase();
  // A single letter ("J. Smith", the "S" of an unlisted acronym) is an initial.
  if (/^\p{L}$/u.test(word)) return false;
  // "4.5" never reaches here (no space), but "No. 4" and "approx. 40" do.
  if (!ABBREVIATIONS.has(word)) {
    // Dotted acronyms not in the list ("D.C.", "S.A.") behave like "U.S.".
    if (!/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  }
  if (SENTENCE_FINAL_ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_OPENERS.has(nextWord(text, boundaryEnd).toLowerCase());
  }
  return false;
}

/** Trims whitespace off a span; undefined when nothing but whitespace or punctuation is left. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : undefined;
}

/**
 * Splits the prose regions of a text into sentences with offsets into the text. A line break
 * always ends a sentence (paragraphs, list items); a period ends one unless it belongs to an
 * abbreviation, an initial or a number.
 */
export function splitSentences(text: string, regions: readonly Span[]): Span[] {
  const sentences: Span[] = [];
  for (const region of regions) {
    const lines = /[^\n]+/g;
    const body = text.slice(region.start, region.end);
    for (let line = lines.exec(body); line; line = lines.exec(body)) {
      const lineStart = region.start + line.index;
      const lineText = line[0];
      let from = 0;
      BOUNDARY.lastIndex = 0;
      for (let match = BOUNDARY.exec(lineText); match; match = BOUNDARY.exec(lineText)) {
        const end = match.index + match[0].length;
        if (!isBoundary(lineText, match.index + match[0].search(/[.!?…]/u), end)) continue;
        const span = trimSpan(text, lineStart + from, lineStart + end);
        if (span) sentences.push(span);
        from = end;
      }
      const rest = trimSpan(text, lineStart + from, lineStart + lineText.length);
      if (rest) sentences.push(rest);
    }
  }
  return sentences;
}
