import { ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from "discord.js";
import type { Answer, ArticleInfo, Excerpt, SourceRef } from "../../retrieval/types.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitEscaped, fitList } from "./fitText.js";
import { buttonRow, COLORS, embedMessage, embedSize, renderNotice, type BotMessage } from "./message.js";
import { renderRefusal, SMALL_TALK_TITLES } from "./refusal.js";
import { searchedNote, understoodNote } from "./searchedNote.js";

export const MORE_PASSAGES_LABEL = "More passages";
/** A related reply's title says first that its quotes are the closest passages, not a confirmed answer. */
export const RELATED_PREFIX = "No confirmed answer — closest passages to: ";
const ANSWER_FOOTER = "Quoted word for word from the articles; [n] is the source each quote comes from.";
const TITLE_ROOM = 200;
/** Room for why a related reply's passages are not confirmed; the verdict's reasons are one sentence. */
const REASON_ROOM = 300;
/** Longest title shown in a source line, so many sources still fit one field. */
const SOURCE_TITLE_ROOM = 150;
const BLOCK_SEPARATOR = "\n\n";

/** One page of quotes: the first answer, or a page of further passages. */
export interface PassagePage {
  question: string;
  excerpts: readonly Excerpt[];
  /** Every source of the answer; the page lists the ones its excerpts cite. */
  sources: readonly SourceRef[];
  /** How the question was read, when it differs from what was typed, and why none is confirmed: lines above the quotes. */
  searchedNote?: string;
  /** Where this page sits, e.g. "Passages 4–6 of 9"; absent for the answer itself. */
  position?: string;
  /** custom_id of the "More passages" button, when there is a further page. */
  moreButtonId?: string;
  /** Further buttons on the same row (feedback). */
  buttons?: APIButtonComponent[];
}

export function citationMark(citation: number): string {
  return `**[${citation}]**`;
}

/** `**[1]** Title — Publisher, 2024-10-01`, escaped. */
export function sourceLine(source: SourceRef): string {
  const details = [source.publisher, source.date].filter((part): part is string => Boolean(part));
  const title = fitEscaped(source.title, SOURCE_TITLE_ROOM);
  return `${citationMark(source.citation)} ${title}${details.length > 0 ? ` — ${details.map((d) => fitEscaped(d, 80)).join(", ")}` : ""}`;
}

/** The sources cited on a page, one line each; lines past one field's room become "…and N more". */
function sourcesField(sources: readonly SourceRef[]): APIEmbedField {
  return { name: "Sources", value: fitList(sources.map(sourceLine), DISCORD_LIMITS.fieldValue, "\n") };
}

/** `> quoted text **[n]**`, with every line of the excerpt inside the block quote. */
function quoteBlock(excerpt: Excerpt, room: number): string {
  const mark = ` ${citationMark(excerpt.citation)}`;
  const lineCount = excerpt.text.split("\n").length;
  const text = fitEscaped(excerpt.text.trim(), room - mark.length - 2 * lineCount);
  return `> ${text.split("\n").join("\n> ")}${mark}`;
}

/** Shares the room among the excerpts in order; room one leaves unused goes to the next. */
export function quoteBlocks(excerpts: readonly Excerpt[], room: number): string {
  const blocks: string[] = [];
  let left = room;
  for (const [index, excerpt] of excerpts.entries()) {
    const separator = index === 0 ? "" : BLOCK_SEPARATOR;
    const share = Math.floor((left - BLOCK_SEPARATOR.length * (excerpts.length - index - 1)) / (excerpts.length - index)) - separator.length;
    const block = quoteBlock(excerpt, share);
    blocks.push(block);
    left -= separator.length + block.length;
  }
  return blocks.join(BLOCK_SEPARATOR);
}

/** A page of verbatim quotes with their citations and sources, within Discord's limits by construction. */
export function renderPassagePage(page: PassagePage): BotMessage {
  const cited = new Set(page.excerpts.map((excerpt) => excerpt.citation));
  const sources = page.sources.filter((source) => cited.has(source.citation)).sort((a, b) => a.citation - b.citation);
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: fitEscaped(page.question, TITLE_ROOM),
    fields: sources.length > 0 ? [sourcesField(sources)] : [],
    footer: { text: page.position ? `${page.position} · ${ANSWER_FOOTER}` : ANSWER_FOOTER },
  };
  const lead = page.searchedNote ? page.searchedNote + BLOCK_SEPARATOR : "";
  const room = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - embedSize(embed)) - lead.length;
  embed.description = lead + quoteBlocks(page.excerpts, room);
  const buttons = [...(page.moreButtonId ? buttonRow(page.moreButtonId, MORE_PASSAGES_LABEL).components : []), ...(page.buttons ?? [])];
  return embedMessage([embed], buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : []);
}

/** What a reply shows besides the answer: how a follow-up was understood, and its feedback buttons. */
export interface AnswerExtras {
  /** A follow-up written out as understood ("where was Abu Haidar al-Khafaji's funeral?"), shown after "↪". */
  understood?: string;
  /** Buttons after the quotes (👍/👎), on the row with "More passages". */
  buttons?: APIButtonComponent[];
}

/**
 * The reply to a question: its best quotes (titled as the closest passages when none is confirmed
 * to state the answer), or the refusal listing what the corpus's `articles` cover.
 */
export function renderAnswer(answer: Answer, articles: readonly ArticleInfo[], moreButtonId?: string, extras: AnswerExtras = {}): BotMessage {
  const understood = extras.understood ? understoodNote(extras.understood) : undefined;
  // "thanks" gets a line back; "hi" and "help" what the bot does and what the articles cover.
  if (answer.smallTalk === "thanks") return renderNotice(answer.refusal ?? "");
  if (answer.smallTalk) return renderRefusal(answer, articles, undefined, SMALL_TALK_TITLES[answer.smallTalk]);
  if (answer.verdict === "none" || answer.excerpts.length === 0) return renderRefusal(answer, articles, understood);
  // A related reply says why no passage is confirmed: "none mentions japan", or the name given instead.
  const reason = answer.verdict === "related" && answer.refusal ? `*${fitEscaped(answer.refusal, REASON_ROOM)}*` : undefined;
  const note = [understood ?? searchedNote(answer), reason].filter((line): line is string => line !== undefined).join("\n");
  return renderPassagePage({
    question: answer.verdict === "related" ? `${RELATED_PREFIX}${answer.question}` : answer.question,
    excerpts: answer.excerpts,
    sources: answer.sources,
    ...(note ? { searchedNote: note } : {}),
    ...(moreButtonId ? { moreButtonId } : {}),
    ...(extras.buttons?.length ? { buttons: extras.buttons } : {}),
  });
}
