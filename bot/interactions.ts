import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { QuestionError } from "../retrieval/question.js";
import { FAILURE_NOTICE } from "./answering.js";
import { findButtonHandler, findCommand, findModalHandler } from "./commands/index.js";
import type { BotContext } from "./context.js";
import { failureKind } from "./health/botMetrics.js";
import { renderNotice } from "./render/message.js";

/**
 * Sends a short private message whatever state the interaction is in. A public "thinking…"
 * deferral is deleted first, so the message never shows to the channel.
 */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = renderNotice(text);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply(message);
      return;
    }
    await interaction.deleteReply();
  }
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}

function describe(interaction: Interaction): { kind: string; name: string } {
  if (interaction.isChatInputCommand()) return { kind: "command", name: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: "autocomplete", name: interaction.commandName };
  if (interaction.isButton()) return { kind: "button", name: interaction.customId.split(":", 1)[0] ?? "" };
  if (interaction.isModalSubmit()) return { kind: "modal", name: interaction.customId.split(":", 1)[0] ?? "" };
  return { kind: `type-${interaction.type}`, name: "" };
}

async function dispatch(interaction: Interaction, context: BotContext): Promise<boolean> {
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    if (!command) return false;
    await command.execute(interaction, context);
    return true;
  }
  if (interaction.isAutocomplete()) {
    const command = findCommand(interaction.commandName);
    if (!command?.autocomplete) return false;
    await command.autocomplete(interaction, context);
    return true;
  }
  if (interaction.isButton()) {
    const handler = findButtonHandler(interaction.customId);
    if (!handler) return false;
    await handler.handle(interaction, context);
    return true;
  }
  if (interaction.isModalSubmit()) {
    const handler = findModalHandler(interaction.customId);
    if (!handler) return false;
    await handler.handle(interaction, context);
    return true;
  }
  return false;
}

/** Routes each interaction to its command or button handler; failures become a private notice and a log line. */
export function createInteractionHandler(context: BotContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const started = performance.now();
    const about = { ...describe(interaction), user: interaction.user.id, channel: interaction.channelId, interaction: interaction.id };
    try {
      const handled = await dispatch(interaction, context);
      if (!handled) {
        context.logger.warn({ event: "interaction-unknown", ...about }, "no handler for this interaction");
        if (interaction.isRepliable()) await replyPrivately(interaction, "I don't know that command or button; it may be from an older version of me.");
        return;
      }
      context.logger.info({ event: "interaction", ...about, ms: Math.round(performance.now() - started) }, "handled interaction");
    } catch (error) {
      const isQuestionError = error instanceof QuestionError;
      if (isQuestionError) context.logger.info({ event: "question-rejected", ...about, code: error.code }, error.message);
      else {
        context.metrics.failed(failureKind(error));
        context.logger.error({ event: "interaction-failed", ...about, err: error }, "interaction failed");
      }
      if (!interaction.isRepliable()) return;
      try {
        await replyPrivately(interaction, isQuestionError ? error.message : FAILURE_NOTICE);
      } catch (replyError) {
        context.metrics.failed(failureKind(replyError));
        context.logger.error({ event: "error-reply-failed", ...about, err: replyError }, "could not tell the user about the failure");
      }
    }
  };
}
