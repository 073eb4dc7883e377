/** Reading what the bot sent, the way a person would see it, for assertions. */
import { expect } from "vitest";

const LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };

/** Undoes escapeMarkdown (backslash before punctuation) and the zero-width spaces that break mentions. */
export function unescapeDiscord(text: string): string {
  return text.replace(/\u200b/g, "").replace(/\\([\\*_`~|#.\-[])/g, "$1");
}

export interface ShownQuote {
  /** The quoted text as a reader sees it (unescaped), without the cut mark. */
  text: string;
  citation: number;
  /** Whether the quote ends with the visible cut mark. */
  cut: boolean;
}

/**
 * The italic line an answer's description opens with when the question was read differently from
 * how it was typed (`*Read “sistany” as “Sistani”*`), or a follow-up's `↪ question as understood`,
 * as a reader sees it; undefined when there is none.
 */
export function searchedNoteIn(description: string): string | undefined {
  const line = noteLinesIn(description).find((l) => l.startsWith("↪ ") || /^\*(Read|Searched for) .*\*$/.test(l));
  if (line === undefined) return undefined;
  return unescapeDiscord(line.startsWith("↪ ") ? line : line.slice(1, -1));
}

/** Why a related answer's passages are not confirmed, the italic line under any searched note, as a reader sees it. */
export function reasonIn(description: string): string | undefined {
  const line = noteLinesIn(description).find((l) => /^\*The articles .*\*$/.test(l));
  return line === undefined ? undefined : unescapeDiscord(line.slice(1, -1));
}

/** The lines of the note block an answer's description may open with: italic lines and a follow-up's "↪". */
function noteLinesIn(description: string): string[] {
  const lines = description.split("\n\n", 1)[0]!.split("\n");
  return lines.every((l) => l.startsWith("↪ ") || /^\*[^*].*\*$/.test(l)) ? lines : [];
}

/** The block quotes of an answer embed's description: `> text **[n]**`, separated by blank lines, after any note. */
export function quotesIn(description: string): ShownQuote[] {
  const blocks = description.split("\n\n");
  return blocks.slice(noteLinesIn(description).length === 0 ? 0 : 1).map((block) => {
    const match = /^([\s\S]*) \*\*\[(\d+)\]\*\*$/.exec(block);
    if (!match) throw new Error(`not a quote block: ${JSON.stringify(block.slice(0, 80))}`);
    const lines = match[1]!.split("\n").map((line) => {
      if (!line.startsWith("> ")) throw new Error(`quote line without "> ": ${JSON.stringify(line.slice(0, 80))}`);
      return line.slice(2);
    });
    const joined = lines.join("\n");
    const cut = joined.endsWith(" …");
    return { text: unescapeDiscord(cut ? joined.slice(0, -2) : joined), citation: Number(match[2]), cut };
  });
}

/** Asserts a message body (discord.js options or the REST JSON it sent) respects every Discord limit. */
export function expectWithinDiscordLimits(message: { content?: string | null; embeds?: any[] | null }): void {
  expect((message.content ?? "").length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    const title = embed.title ?? "";
    const description = embed.description ?? "";
    const footer = embed.footer?.text ?? "";
    const fields: { name: string; value: string }[] = embed.fields ?? [];
    expect(title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(footer.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of fields) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(field.value.length).toBeGreaterThan(0);
    }
    total += title.length + description.length + footer.length + fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.total);
}
