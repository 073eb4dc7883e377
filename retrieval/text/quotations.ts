/** The longest quotation, in sentences, read as one passage. */
const MAX_QUOTED_SENTENCES = 4;

/**
 * Runs of sentences inside one quotation ("“The number … has gone through the roof. They’ve moved into a
 * higher gear,” said Michael Knights"), as positions in `texts`: the opening sentence to the one closing
 * it, which names the speaker. Each is one passage: who said it is named after what was said.
 */
export function quotationSpans(texts: readonly string[]): number[][] {
  const spans: number[][] = [];
  let open: number | undefined;
  texts.forEach((text, i) => {
    // Curly quotes say which way they face; straight ones ("…") open and close in turn.
    const straight = (text.match(/"/gu)?.length ?? 0) % 2;
    const opens = (text.match(/“/gu)?.length ?? 0) - (text.match(/”/gu)?.length ?? 0) > 0 || (open === undefined && straight === 1);
    const closes = (text.match(/”/gu)?.length ?? 0) - (text.match(/“/gu)?.length ?? 0) > 0 || (open !== undefined && straight === 1);
    if (open === undefined) {
      if (opens) open = i;
    } else if (closes || i - open + 1 >= MAX_QUOTED_SENTENCES) {
      if (closes) spans.push(Array.from({ length: i - open + 1 }, (_, k) => open! + k));
      open = undefined;
    }
  });
  return spans;
}
