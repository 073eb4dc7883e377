import { escapeText } from "./escape.js";

/** Marks text that was cut short; a space keeps it from reading as part of the last word. */
export const CUT_MARK = " …";

/** A sentence end found earlier than this share of the room is too wasteful; cut at a word instead. */
const MIN_SENTENCE_SHARE = 0.5;

/**
 * The longest prefix of `text` of at most `max` characters that ends at a sentence end, else at a
 * word end. Only a single word longer than `max` is cut inside the word, as there is no other way.
 */
export function cutAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  // One character past the room, so a space right after the last fitting word counts.
  const window = text.slice(0, max + 1);
  let sentenceEnd = -1;
  for (const match of window.matchAll(/[.!?…]["'”’)\]]*(?=\s)/g)) {
    const end = match.index + match[0].length;
    if (end <= max) sentenceEnd = end;
  }
  if (sentenceEnd >= max * MIN_SENTENCE_SHARE) return text.slice(0, sentenceEnd);
  const lastSpace = window.search(/\s+\S*$/);
  if (lastSpace > 0) return text.slice(0, lastSpace).trimEnd();
  return text.slice(0, max);
}

/**
 * Escapes `text` for Discord and fits the result in `max` characters, cutting the raw text (never
 * an escape sequence) at a boundary and marking the cut with CUT_MARK.
 */
export function fitEscaped(text: string, max: number): string {
  let room = max;
  for (;;) {
    if (room <= CUT_MARK.length) return text.length === 0 ? "" : CUT_MARK.trim().slice(0, max);
    const cut = cutAtBoundary(text, text.length <= room ? room : room - CUT_MARK.length);
    const shown = escapeText(cut) + (cut.length < text.length ? CUT_MARK : "");
    if (shown.length <= max) return shown;
    room -= shown.length - max;
  }
}

/** Fits text shown where Discord renders no Markdown (footers, button labels), cutting at a boundary. */
export function fitPlain(text: string, max: number): string {
  return text.length <= max ? text : cutAtBoundary(text, max - CUT_MARK.length) + CUT_MARK;
}

export interface FitListOptions {
  /** Items always kept, whatever the room; the caller makes sure they fit. */
  required?: (index: number) => boolean;
  /** Most items shown; the rest are counted, so a long list stays short to read. */
  maxShown?: number;
}

/**
 * Joins already-escaped items in order within `max` characters. Required items are always kept;
 * the others while there is room (and fewer than `maxShown`); what is left out is counted in a
 * last "…and N more".
 */
export function fitList(items: readonly string[], max: number, separator: string, options: FitListOptions = {}): string {
  const { required = () => false, maxShown = Infinity } = options;
  const moreNote = (omitted: number) => (omitted > 0 ? `${separator}…and ${omitted} more` : "");
  const kept = new Set(items.flatMap((_, index) => (required(index) ? [index] : [])));
  const length = (indices: ReadonlySet<number>) =>
    [...indices].reduce((sum, index) => sum + items[index]!.length, 0) + separator.length * Math.max(0, indices.size - 1) + moreNote(items.length - indices.size).length;
  for (const index of items.keys()) {
    if (kept.has(index)) continue;
    const candidate = new Set([...kept, index]);
    if (candidate.size > maxShown || length(candidate) > max) break;
    kept.add(index);
  }
  return items.filter((_, index) => kept.has(index)).join(separator) + moreNote(items.length - kept.size);
}
