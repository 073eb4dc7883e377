import type { Span } from "../types.js";

/**
 * Finds the article prose in a news text copied from the web, so that captions, photo credits,
 * subheads, pull quotes, embedded tweets, newsletter blurbs, "Related Articles" and repeated
 * headlines are never indexed or quoted. The text itself is left untouched: every span points
 * into it, so quotes stay verbatim.
 */
export interface ProseScan {
  regions: Span[];
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
  const scan: ProseScan = { regions: [] };

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
