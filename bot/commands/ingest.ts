import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import { articleFieldsSchema, DEFAULT_MAX_BYTES, IngestError, prepareArticle } from "../../retrieval/ingest/index.js";
import { attachmentProblem, attachmentSchema, downloadAttachment, DownloadError } from "../attachmentDownload.js";
import type { BotContext } from "../context.js";
import { syncActors } from "../corpusWatch.js";
import { renderAdded } from "../render/ingestReply.js";
import { renderNotice } from "../render/message.js";

export const MANAGE_SERVER_NOTICE = "Only members with the Manage Server permission may add or remove articles.";

export const data = new SlashCommandBuilder()
  .setName("ingest")
  .setDescription("Add a news article (.txt, .md or a saved .html page) to what the answers quote.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((option) => option.setName("file").setDescription("The article: a .txt, .md or saved web page (.html).").setRequired(true))
  .addStringOption((option) => option.setName("title").setDescription("The article's headline.").setRequired(true).setMaxLength(300))
  .addStringOption((option) => option.setName("publisher").setDescription("Who published it, e.g. Reuters.").setMaxLength(200))
  .addStringOption((option) => option.setName("date").setDescription("When it was published, YYYY-MM-DD.").setMaxLength(10));

const inputSchema = z.object({ attachment: attachmentSchema, fields: articleFieldsSchema });

/** True when the member may manage the server: the command's default permission, checked again here. */
export function mayManage(interaction: ChatInputCommandInteraction | { memberPermissions: ChatInputCommandInteraction["memberPermissions"] }): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** Checks permission, type and size before downloading, then adds the article and says what was added. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  if (!mayManage(interaction)) return void (await privately(MANAGE_SERVER_NOTICE));
  const engine = context.engine;
  if (!engine.addArticle) return void (await privately("This bot cannot add articles."));
  const attachment = interaction.options.getAttachment("file", true);
  const input = inputSchema.parse({
    attachment: { name: attachment.name, size: attachment.size, url: attachment.url, contentType: attachment.contentType },
    fields: { title: interaction.options.getString("title", true), publisher: interaction.options.getString("publisher") ?? undefined, date: interaction.options.getString("date") ?? undefined },
  });
  const maxBytes = context.config.ingestMaxBytes ?? DEFAULT_MAX_BYTES;
  const problem = attachmentProblem(input.attachment, maxBytes);
  const about = { interaction: interaction.id, user: interaction.user.id, file: input.attachment.name, bytes: input.attachment.size };
  if (problem) {
    context.logger.info({ event: "ingest-rejected", ...about, reason: "attachment" }, problem);
    return void (await privately(problem));
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const bytes = await downloadAttachment(input.attachment, maxBytes);
    const added = await engine.addArticle(prepareArticle({ name: input.attachment.name, bytes }, input.fields, maxBytes));
    syncActors(context);
    context.logger.info({ event: "article-added", ...about, docId: added.docId, chunks: added.chunks, duplicateOf: added.duplicateOf }, "added an article");
    await interaction.editReply(renderAdded(added));
  } catch (error) {
    if (!(error instanceof IngestError || error instanceof DownloadError)) throw error;
    context.logger.info({ event: "ingest-rejected", ...about, code: error instanceof IngestError ? error.code : "download" }, error.message);
    await interaction.editReply(renderNotice(error.message));
  }
}
