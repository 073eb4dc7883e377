import {
  ActionRowBuilder,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIButtonComponent,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import { z } from "zod";
import type { Answer } from "../retrieval/types.js";
import type { ButtonHandler, ModalHandler } from "./commands/command.js";
import type { BotContext } from "./context.js";
import { renderNotice } from "./render/message.js";
import { MAX_FEEDBACK_COMMENT_CHARS } from "./store/botDatabase.js";

const BUTTON_PREFIX = "fb";
const MODAL_PREFIX = "fbm";
export const COMMENT_FIELD = "comment";

const buttonIdSchema = z.templateLiteral([z.literal(`${BUTTON_PREFIX}:`), z.enum(["up", "down"]), z.literal(":"), z.string().regex(/^[\w-]{6,40}$/)]);
const modalIdSchema = z.templateLiteral([z.literal(`${MODAL_PREFIX}:`), z.string().regex(/^[\w-]{6,40}$/)]);

export const THANKS_UP = "Thanks — your 👍 is recorded. Clicking 👎 instead replaces it.";
export const THANKS_DOWN = "Thanks — your 👎 is recorded, with your note if you wrote one. It helps turn bad answers into test questions.";
export const GONE_NOTICE = "This answer is no longer on record, so feedback on it can't be kept. Ask the question again to rate the new answer.";

export function commentTooLongNotice(length: number): string {
  return `Your note is ${length.toLocaleString("en")} characters; the limit is ${MAX_FEEDBACK_COMMENT_CHARS}. Your 👎 is recorded without it: click 👎 again to send a shorter note.`;
}

/** The 👍 and 👎 buttons of a kept answer. */
export function feedbackButtons(answerId: string): APIButtonComponent[] {
  return (["up", "down"] as const).map((vote) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: `${BUTTON_PREFIX}:${vote}:${answerId}`,
    emoji: { name: vote === "up" ? "👍" : "👎" },
  }));
}

/** Keeps an answer people can rate (answered and related ones), returning its id for the buttons; none for a refusal. */
export function keepForFeedback(context: BotContext, guildId: string | null, answer: Answer, understood: string): string | undefined {
  if (answer.verdict === "none") return undefined;
  const citations = [...answer.excerpts].map((e) => ({ file: e.file, start: e.start, end: e.end }));
  return context.db.recordAnswer({ guildId, question: answer.question, understood, verdict: answer.verdict, citations }).id;
}

async function onButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const parsed = buttonIdSchema.safeParse(interaction.customId);
  const [, vote, answerId] = parsed.success ? parsed.data.split(":") : [];
  if (!vote || !answerId || !context.db.answer(answerId)) {
    await interaction.reply({ ...renderNotice(GONE_NOTICE), flags: MessageFlags.Ephemeral });
    return;
  }
  if (vote === "up") {
    context.db.vote(answerId, interaction.user.id, "up");
    await interaction.reply({ ...renderNotice(THANKS_UP), flags: MessageFlags.Ephemeral });
    context.logger.info({ event: "feedback", vote: "up", answer: answerId, user: interaction.user.id }, "feedback recorded");
    return;
  }
  // The 👎 counts at once; the note is optional and may never come.
  context.db.vote(answerId, interaction.user.id, "down");
  context.logger.info({ event: "feedback", vote: "down", answer: answerId, user: interaction.user.id }, "feedback recorded");
  const modal = new ModalBuilder()
    .setCustomId(`${MODAL_PREFIX}:${answerId}`)
    .setTitle("What was wrong with this answer?")
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder()
          .setCustomId(COMMENT_FIELD)
          .setLabel("What was wrong? (optional)")
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(false)
          .setMaxLength(MAX_FEEDBACK_COMMENT_CHARS)
          .setPlaceholder("e.g. the quote is about someone else; the answer is in another article"),
      ),
    );
  await interaction.showModal(modal);
}

async function onModal(interaction: ModalSubmitInteraction, context: BotContext): Promise<void> {
  const parsed = modalIdSchema.safeParse(interaction.customId);
  const answerId = parsed.success ? parsed.data.slice(MODAL_PREFIX.length + 1) : undefined;
  if (!answerId || !context.db.answer(answerId)) {
    await interaction.reply({ ...renderNotice(GONE_NOTICE), flags: MessageFlags.Ephemeral });
    return;
  }
  const comment = interaction.fields.getTextInputValue(COMMENT_FIELD).trim();
  // Discord enforces the limit in its form, but what arrives is checked again.
  if (comment.length > MAX_FEEDBACK_COMMENT_CHARS) {
    context.db.vote(answerId, interaction.user.id, "down");
    await interaction.reply({ ...renderNotice(commentTooLongNotice(comment.length)), flags: MessageFlags.Ephemeral });
    context.logger.info({ event: "feedback-rejected", answer: answerId, user: interaction.user.id, length: comment.length }, "feedback note over the limit");
    return;
  }
  context.db.vote(answerId, interaction.user.id, "down", comment.length > 0 ? comment : null);
  await interaction.reply({ ...renderNotice(THANKS_DOWN), flags: MessageFlags.Ephemeral });
  context.logger.info({ event: "feedback", vote: "down", answer: answerId, user: interaction.user.id, comment: comment.length > 0 }, "feedback note recorded");
}

export const feedbackButton: ButtonHandler = { prefix: BUTTON_PREFIX, handle: onButton };
export const feedbackModal: ModalHandler = { prefix: MODAL_PREFIX, handle: onModal };
