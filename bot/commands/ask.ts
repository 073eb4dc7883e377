import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUESTION_CHARS } from "../../retrieval/question.js";
import { allowedChannelsNotice, answerAndRender, isChannelAllowed, takeQuestion } from "../answering.js";
import type { BotContext } from "../context.js";
import { morePassagesButton } from "../morePassages.js";
import { renderNotice } from "../render/message.js";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask about the news articles; the answer quotes them word for word, with sources.")
  .addStringOption((option) =>
    option.setName("question").setDescription("What do you want to know?").setRequired(true).setMaxLength(MAX_QUESTION_CHARS),
  )
  .addBooleanOption((option) => option.setName("public").setDescription("Show the answer to the whole channel (default: only to you)."));

export const buttons = [morePassagesButton];

/** Checks come before the deferral, so every refusal to answer can still be private. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  if (!isChannelAllowed(context.config, interaction.channelId)) return void (await privately(allowedChannelsNotice(context.config)));

  const intake = takeQuestion(interaction.options.getString("question", true), interaction.user.id, context);
  if (!intake.accepted) return void (await privately(intake.notice));
  try {
    const isPublic = interaction.options.getBoolean("public") ?? false;
    await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
    const { answer, message } = await answerAndRender(intake.question, context);
    await interaction.editReply(message);
    context.logger.info(
      { event: "answered", via: "ask", user: interaction.user.id, verdict: answer.verdict, excerpts: answer.excerpts.length, more: answer.morePassages.length },
      "answered /ask",
    );
  } finally {
    intake.release();
  }
}
