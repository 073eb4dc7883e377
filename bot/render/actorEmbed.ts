import type { APIEmbed, APIEmbedField } from "discord.js";
import type { ActorAnswer, ActorKind, ActorProfile, ActorSource, RelatedActor } from "../../retrieval/actors/index.js";
import type { ArticleInfo, Excerpt } from "../../retrieval/types.js";
import { citationMark, quoteBlocks } from "./answerEmbed.js";
import { fitEscaped, fitList } from "./fitText.js";
import { DISCORD_LIMITS } from "./limits.js";
import { COLORS, embedMessage, embedSize, type BotMessage } from "./message.js";

export const MENTIONED_IN = "Mentioned in";
export const MENTIONED_WITH = "Often mentioned with";
const ACTOR_FOOTER = "Quoted word for word; [n] is the article under “Mentioned in” each quote comes from. Counts include every name the actor goes by.";
const NAME_ROOM = 200;
/** Rooms of the parts of one "Mentioned in" line: four of the longest lines still fit one field. */
const SOURCE_ROOM = { title: 120, publisher: 40, date: 20 } as const;
const ALIAS_ROOM = 100;
const ALIASES_LINE_ROOM = 600;
const RELATED_NAME_ROOM = 100;
const QUERY_ROOM = 150;

const KIND_LABELS: Record<ActorKind, string> = {
  person: "Person",
  "armed group": "Armed group",
  state: "State",
  organisation: "Organisation",
  unknown: "Kind not yet recorded",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** `**[2]** Title — Publisher, 2024-10-01 · 5 mentions *(copy of [1])*`, escaped. */
function sourceLine(source: ActorSource, citation: number, article: ArticleInfo | undefined, citationOfFile: ReadonlyMap<string, number>): string {
  const details = [
    article?.publisher ? fitEscaped(article.publisher, SOURCE_ROOM.publisher) : undefined,
    article?.date ? fitEscaped(article.date, SOURCE_ROOM.date) : undefined,
  ].filter((part): part is string => part !== undefined);
  const original = source.copyOf === undefined ? undefined : citationOfFile.get(source.copyOf);
  const copyNote = source.copyOf === undefined ? "" : ` *(copy of ${original === undefined ? "another article" : `[${original}]`})*`;
  return `${citationMark(citation)} ${fitEscaped(source.title, SOURCE_ROOM.title)}${details.length > 0 ? ` — ${details.join(", ")}` : ""} · ${plural(source.mentions, "mention")}${copyNote}`;
}

function relatedLine(related: RelatedActor): string {
  const kind = related.kind === "unknown" ? "" : ` (${related.kind})`;
  return `**${fitEscaped(related.name, RELATED_NAME_ROOM)}**${kind} · named together in ${plural(related.sentences, "sentence")}`;
}

/**
 * An actor's profile: kind, the names the articles use, the articles with a count each, up to three
 * defining sentences quoted verbatim with [n] pointing into "Mentioned in", and the company it keeps.
 */
export function renderActorProfile(actor: ActorProfile, articles: readonly ArticleInfo[]): BotMessage {
  const citationOfDoc = new Map(actor.sources.map((source, index) => [source.docId, index + 1]));
  const citationOfFile = new Map(actor.sources.map((source, index) => [source.file, index + 1]));
  const articleOfDoc = new Map(articles.map((article) => [article.docId, article]));
  const excerpts: Excerpt[] = actor.excerpts.flatMap((excerpt) => {
    const citation = citationOfDoc.get(excerpt.docId);
    return citation === undefined ? [] : [{ ...excerpt, citation }];
  });
  const cited = new Set(excerpts.map((excerpt) => excerpt.citation));

  const sourceLines = actor.sources.map((source, index) => sourceLine(source, index + 1, articleOfDoc.get(source.docId), citationOfFile));
  const fields: APIEmbedField[] = [];
  if (sourceLines.length > 0) fields.push({ name: MENTIONED_IN, value: fitList(sourceLines, DISCORD_LIMITS.fieldValue, "\n", { required: (index) => cited.has(index + 1) }) });
  if (actor.related.length > 0) fields.push({ name: MENTIONED_WITH, value: fitList(actor.related.map(relatedLine), DISCORD_LIMITS.fieldValue, "\n") });

  const header = [`**${KIND_LABELS[actor.kind]}** · ${plural(actor.mentions, "mention")} in ${plural(actor.sources.length, "article")}`];
  if (actor.aliases.length > 0) {
    header.push(`Also called ${fitList(actor.aliases.map((alias) => fitEscaped(alias, ALIAS_ROOM)), ALIASES_LINE_ROOM, ", ")}`);
  }
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: fitEscaped(actor.name, NAME_ROOM),
    description: header.join("\n"),
    fields,
    footer: { text: ACTOR_FOOTER },
  };
  if (excerpts.length > 0) {
    const separator = "\n\n";
    const headerLength = embed.description!.length;
    const room = Math.min(DISCORD_LIMITS.embedDescription - headerLength, DISCORD_LIMITS.embedTotal - embedSize(embed)) - separator.length;
    embed.description += separator + quoteBlocks(excerpts, room);
  }
  return embedMessage([embed]);
}

/** A name the registry does not know: said plainly, with the names it might have meant. */
export function renderActorNotFound(query: string, suggestions: readonly string[]): BotMessage {
  const tryTyping = "Start typing in the `name` box to pick from the actors the articles mention.";
  const description =
    suggestions.length > 0
      ? `Did you mean ${fitList(suggestions.map((name) => `**${fitEscaped(name, RELATED_NAME_ROOM)}**`), DISCORD_LIMITS.embedDescription - tryTyping.length - 4, ", ")}?\n\n${tryTyping}`
      : `No name in the articles is close to it either. ${tryTyping}`;
  return embedMessage([{ color: COLORS.refusal, title: `No actor called “${fitEscaped(query, QUERY_ROOM)}” in the articles`, description }]);
}

/** What /actor shows for a looked-up name: the profile, or "no such actor" with suggestions. */
export function renderActorAnswer(answer: ActorAnswer, articles: readonly ArticleInfo[]): BotMessage {
  return answer.actor ? renderActorProfile(answer.actor, articles) : renderActorNotFound(answer.query, answer.suggestions);
}
