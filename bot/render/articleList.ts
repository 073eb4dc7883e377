import type { APIEmbed } from "discord.js";
import type { ArticleInfo } from "../../retrieval/types.js";
import { fitEscaped } from "./fitText.js";
import { DISCORD_LIMITS } from "./limits.js";
import { COLORS, embedMessage, type BotMessage } from "./message.js";

const LINE_TITLE_ROOM = 200;

/** `• **Title** — Publisher, 2024-10-01`, escaped. */
export function articleLine(article: ArticleInfo): string {
  const details = [article.publisher, article.date].filter((part): part is string => Boolean(part)).map((d) => fitEscaped(d, 80));
  return `• **${fitEscaped(article.title, LINE_TITLE_ROOM)}**${details.length > 0 ? ` — ${details.join(", ")}` : ""}`;
}

/** ` *(copy of Title; answers quote that one)*` for an article that is a copy of another, else nothing. */
function copyNote(article: ArticleInfo, titles: ReadonlyMap<string, string>): string {
  if (!article.duplicateOf) return "";
  const original = titles.get(article.duplicateOf);
  return ` *(copy of ${original ? fitEscaped(original, 100) : "another article"}; answers quote that one)*`;
}

/**
 * The corpus articles for /sources, packed into as few embeds as the limits allow (4,096 per
 * description, 10 embeds, 6,000 in all); articles that do not fit are counted in a last line.
 */
export function renderArticleList(articles: readonly ArticleInfo[]): BotMessage {
  const titles = new Map(articles.map((article) => [article.docId, article.title]));
  const heading = `Articles I answer from (${articles.length})`;
  const lines = articles.map((article) => articleLine(article) + copyNote(article, titles));
  const descriptions: string[][] = [[]];
  let total = heading.length;
  let shown = 0;
  for (const line of lines) {
    const overflowNote = `…and ${lines.length - shown} more`.length + 1;
    const current = descriptions[descriptions.length - 1]!;
    const currentLength = current.join("\n").length;
    const fitsCurrent = currentLength + 1 + line.length + overflowNote <= DISCORD_LIMITS.embedDescription;
    const canOpen = descriptions.length < DISCORD_LIMITS.embedsPerMessage;
    if (total + line.length + 1 + overflowNote > DISCORD_LIMITS.embedTotal || (!fitsCurrent && !canOpen)) break;
    if (fitsCurrent) current.push(line);
    else descriptions.push([line]);
    total += line.length + 1;
    shown += 1;
  }
  if (shown < lines.length) descriptions[descriptions.length - 1]!.push(`…and ${lines.length - shown} more`);
  if (lines.length === 0) descriptions[0]!.push("The corpus has no articles.");
  const embeds: APIEmbed[] = descriptions.map((description, index) => ({
    color: COLORS.list,
    ...(index === 0 ? { title: heading } : {}),
    description: description.join("\n"),
  }));
  return embedMessage(embeds);
}
