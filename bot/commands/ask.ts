import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUESTION_CHARS } from "../../retrieval/question.js";
import { allowedChannelsNotice, isChannelAllowed, takeQuestion } from "../answering.js";
import { answerFollowUp, conversationOwner, expiredNoticeFor, findConversation, rememberConversation } from "../followUps.js";
import type { BotContext } from "../context.js";
import { morePassagesButton } from "../morePassages.js";
import { feedbackButton, feedbackModal } from "../feedback.js";
import { serverSettings } from "../settings.js";
import { renderNotice } from "../render/message.js";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask about the news articles; the answer quotes them word for word, with sources.")
  .addStringOption((option) =>
    option.setName("question").setDescription("What do you want to know?").setRequired(true).setMaxLength(MAX_QUESTION_CHARS),
  )
  .addBooleanOption((option) => option.setName("public").setDescription("Show the answer to the whole channel (default: only to you)."));

export const buttons = [morePassagesButton, feedbackButton];
export const modals = [feedbackModal];

/** Checks come before the deferral, so every refusal to answer can still be private. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  const thread = interaction.channel?.isThread() ? interaction.channel : undefined;
  const settings = serverSettings(context, interaction.guildId);
  if (!isChannelAllowed(settings, thread?.parentId ?? interaction.channelId)) return void (await privately(allowedChannelsNotice(settings)));

  const intake = takeQuestion(interaction.options.getString("question", true), interaction.user.id, context, settings.cooldownSeconds);
  if (!intake.accepted) return void (await privately(intake.notice));
  try {
    // In a thread that grew from an answer, /ask continues that conversation.
    const owner = conversationOwner(interaction.guildId, interaction.user.id);
    const lookup = findConversation(context, thread ? [thread.id] : [], owner, false);
    const expired = expiredNoticeFor(intake.question, lookup, context);
    if (expired) return void (await privately(expired));
    const isPublic = interaction.options.getBoolean("public") ?? false;
    await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
    const answered = await answerFollowUp(intake.question, lookup, owner, context, interaction.guildId, "slash");
    if (answered.expired) throw new Error("a conversation expired while answering");
    const sent = await interaction.editReply(answered.message);
    rememberConversation(context, answered, owner, [sent.id, thread?.id]);
    const { answer } = answered;
    context.logger.info(
      { event: "answered", via: "ask", user: interaction.user.id, verdict: answer.verdict, excerpts: answer.excerpts.length, more: answer.morePassages.length, resolution: answered.resolved.resolution },
      "answered /ask",
    );
  } finally {
    intake.release();
  }
}
