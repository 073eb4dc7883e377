import type { Span } from "../types.js";

/**
 * Finds the article prose in a news text copied from the web, apart from photo credits, subheads,
 * pull quotes, newsletter blurbs, "Related Articles" and repeated headlines, which are never indexed
 * or quoted, and from photo captions and embedded tweets, which are quoted but are not the article's
 * own prose. The text itself is left untouched: every span points into it, so quotes stay verbatim.
 */
export interface ProseScan {
  regions: Span[];
  /**
   * Photo captions and the text of embedded tweets: what a reader sees beside the prose, and often
   * the only place a fact stands ("… meets with US Secretary of State Antony Blinken in New York on
   * September 23"). Each is one line, the first time it appears; a tweet's link is cut off.
   */
  asides: Span[];
  /** The first line, when it is a headline (short, unpunctuated, set apart). */
  headline?: string;
  /** A date the text states in a "date YYYY-MM-DD" dateline. */
  statedDate?: string;
}

interface Line extends Span {
  /** Trimmed content. */
  content: string;
  /** Blank line (or start/end of text) before and after. */
  blankBefore: boolean;
  blankAfter: boolean;
}

// Prose ends like a sentence; subheads, captions without a period, pull quotes and labels do not.
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
const DATELINE = /^date\s+(\d{4}-\d{2}-\d{2})\s+/i;
const AGENCY = /^(AFP|AP|Reuters|EPA|Getty Images|Anadolu|Xinhua|Bloomberg|Shutterstock|Wikimedia Commons)$/i;
// "AHMAD AL-RUBAYE / AFP", "Photo: …", "Credit: …"
const CREDIT = /(\s\/\s*(AFP|AP|Reuters|EPA|Getty Images|Anadolu|Xinhua|Bloomberg)\b)|^(photo|credit|image)\s*:/i;
const TWEET = /pic\.twitter\.com\/|twitter\.com\/\w+\/status|^[—–-]\s.*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}$/;
// Where an embedded tweet's text ends: its picture or status link.
const TWEET_LINK = /\s*(?:https?:\/\/)?(?:pic\.twitter\.com|twitter\.com\/\w+\/status)\S*.*$/;
/** Words a caption or tweet needs to state anything ("A man walks" does not). */
const MIN_ASIDE_WORDS = 6;
// Blurbs pasted inside prose paragraphs by the publisher's page template.
const INLINE_BOILERPLATE = [
  /Stay updated with the latest news!\s*/g,
  /Subscribe to [^.!?\n]{1,80}? Newsletter(\s+Subscribe Now)?\s*/g,
  /\bSign up (for|to) [^.!?\n]{1,80}? newsletter\.?\s*/gi,
  /\bSubscribe Now\b\s*/g,
];

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    lines.push({ start: offset + lead, end: offset + lead + content.length, content, blankBefore: false, blankAfter: false });
    offset += raw.length + 1;
  }
  const nonEmpty = lines.filter((l) => l.content.length > 0);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    line.blankBefore = i === 0 || lines[i - 1]!.content.length === 0;
    line.blankAfter = i === lines.length - 1 || lines[i + 1]!.content.length === 0;
  }
  return nonEmpty;
}

function isCredit(line: Line): boolean {
  return line.content.length <= 80 && !SENTENCE_END.test(line.content) && (AGENCY.test(line.content) || CREDIT.test(line.content));
}

/** Cuts publisher blurbs out of one prose line, returning what is left as trimmed spans. */
function cutInlineBoilerplate(text: string, line: Span): Span[] {
  const cuts: Span[] = [];
  const content = text.slice(line.start, line.end);
  for (const pattern of INLINE_BOILERPLATE) {
    for (const match of content.matchAll(pattern)) {
      cuts.push({ start: line.start + match.index, end: line.start + match.index + match[0].length });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  const pieces: Span[] = [];
  let cursor = line.start;
  for (const cut of cuts) {
    if (cut.start > cursor) pieces.push({ start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  if (cursor < line.end) pieces.push({ start: cursor, end: line.end });
  return pieces.map((p) => trimSpan(text, p)).filter((p) => p.end > p.start);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function findProseRegions(text: string): ProseScan {
  const lines = splitLines(text);
  const usesBlankLines = lines.some((l, i) => i > 0 && l.blankBefore);
  const excluded = new Set<Line>(); // credit lines
  const scan: ProseScan = { regions: [], asides: [] };

  const first = lines[0];
  if (first && first.content.length <= 150 && !SENTENCE_END.test(first.content) && (first.blankAfter || lines.length > 1)) {
    scan.headline = first.content;
  }

  const captions = new Set<string>();
  lines.forEach((line, i) => {
    if (!isCredit(line)) return;
    excluded.add(line);
    // A caption sits right against its credit line; in texts whose paragraphs are separated by
    // blank lines that includes the line before, otherwise only the line after is safe to drop.
    const next = lines[i + 1];
    const prev = lines[i - 1];
    if (next && !line.blankAfter) captions.add(next.content);
    if (prev && usesBlankLines && !line.blankBefore) captions.add(prev.content);
  });

  const seen = new Set<string>();
  let pending: Span | undefined;
  const flush = () => {
    if (pending) scan.regions.push(pending);
    pending = undefined;
  };
  lines.forEach((line, i) => {
    let span: Span = line;
    const dateline = DATELINE.exec(line.content);
    if (dateline) {
      scan.statedDate = dateline[1];
      span = { start: line.start + dateline[0].length, end: line.end };
    }
    const pieces = cutInlineBoilerplate(text, span);
    const last = pieces[pieces.length - 1];
    const next = lines[i + 1];
    const isTweet = TWEET.test(line.content) || (next !== undefined && TWEET.test(next.content) && /\(@\w+\)/.test(next.content));
    const aside = asideOf(text, line, captions.has(line.content), isTweet);
    if (aside && !seen.has(line.content) && line.content !== scan.headline) scan.asides.push(aside);
    const isProse =
      last !== undefined &&
      SENTENCE_END.test(text.slice(last.start, last.end)) &&
      !excluded.has(line) &&
      line.content !== scan.headline &&
      !captions.has(line.content) &&
      !isTweet &&
      !seen.has(line.content);
    seen.add(line.content);
    if (!isProse) {
      flush();
      return;
    }
    // A blurb cut out of a paragraph splits the region there: the text either side is not contiguous prose.
    const whole = trimSpan(text, span);
    for (const piece of pieces) {
      if (piece.start > whole.start) flush();
      pending = pending ? { start: pending.start, end: piece.end } : { ...piece };
    }
    if (last.end < whole.end) flush();
  });
  flush();
  return scan;
}

/**
 * The quotable part of a caption or an embedded tweet's line: the caption whole, the tweet without
 * its link and what follows; undefined for an attribution line ("— Name (@handle) October 1, 2024"),
 * a credit, or a line too short to state anything.
 */
function asideOf(text: string, line: Line, isCaption: boolean, isTweet: boolean): Span | undefined {
  if (!isCaption && !isTweet) return undefined;
  if (isCredit(line) || /^[—–-]\s/.test(line.content)) return undefined;
  const kept = isTweet ? line.content.replace(TWEET_LINK, "") : line.content;
  const span = trimSpan(text, { start: line.start, end: line.start + kept.length });
  return text.slice(span.start, span.end).split(/\s+/).length >= MIN_ASIDE_WORDS ? span : undefined;
}
