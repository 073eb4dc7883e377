/**
 * The stored form of an article's text: Unicode NFC, `\n` line ends, no trailing spaces, no
 * non-breaking or zero-width spaces, at most one blank line between paragraphs, and a final newline.
 * Quotes are cut from exactly this text.
 */
export function normalizeArticleText(text: string): string {
  const lines = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, "")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim());
  const joined = lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return joined === "" ? "" : `${joined}\n`;
}

/** Text compared for exact copies: case and spacing aside. */
export function comparableText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}
