import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import { z } from "zod";
import { IngestError } from "../../retrieval/ingest/index.js";
import type { ArticleInfo } from "../../retrieval/types.js";
import type { BotContext } from "../context.js";
import { syncActors } from "../corpusWatch.js";
import { fitPlain } from "../render/fitText.js";
import { renderRemoved } from "../render/ingestReply.js";
import { renderNotice } from "../render/message.js";
import { MANAGE_SERVER_NOTICE, mayManage } from "./ingest.js";

/** Discord's limits on autocomplete: choices per reply, characters of a choice's name. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

export const data = new SlashCommandBuilder()
  .setName("remove-article")
  .setDescription("Remove a news article from what the answers quote.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) => option.setName("article").setDescription("The article's title (start typing to choose).").setRequired(true).setAutocomplete(true).setMaxLength(200));

/** Articles whose title, publisher or id contains every typed word; nothing typed lists them all. */
export function articleChoices(articles: readonly ArticleInfo[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return articles
    .filter((a) => words.every((w) => `${a.title} ${a.publisher ?? ""} ${a.docId}`.toLowerCase().includes(w)))
    .slice(0, MAX_CHOICES)
    .map((a) => ({ name: fitPlain(`${a.title}${a.publisher ? ` — ${a.publisher}` : ""}${a.date ? `, ${a.date}` : ""} (${a.docId.slice(0, 3)})`, MAX_CHOICE_CHARS), value: a.docId }));
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  // Titles are offered only to those who may remove articles.
  const allowed = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  await interaction.respond(allowed ? articleChoices(context.engine.articles(), interaction.options.getFocused()) : []);
}

const articleSchema = z.string().trim().min(1, "Choose an article to remove.");

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  if (!mayManage(interaction)) return void (await privately(MANAGE_SERVER_NOTICE));
  const engine = context.engine;
  if (!engine.removeArticle) return void (await privately("This bot cannot remove articles."));
  const parsed = articleSchema.safeParse(interaction.options.getString("article", true));
  if (!parsed.success) return void (await privately(parsed.error.issues[0]!.message));
  // A title typed without choosing is matched when it names one article.
  const typed = parsed.data;
  const matches = articleChoices(engine.articles(), typed);
  const target = engine.articles().some((a) => a.docId === typed) ? typed : matches.length === 1 ? matches[0]!.value : typed;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const removed = await engine.removeArticle(target);
    syncActors(context);
    context.logger.info({ event: "article-removed", interaction: interaction.id, user: interaction.user.id, docId: removed.docId }, "removed an article");
    await interaction.editReply(renderRemoved(removed));
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    context.logger.info({ event: "remove-rejected", interaction: interaction.id, code: error.code }, error.message);
    await interaction.editReply(renderNotice(error.message));
  }
}
