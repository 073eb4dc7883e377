import type { Message } from "discord.js";
import { answerAndRender, FAILURE_NOTICE, isChannelAllowed, takeQuestion } from "./answering.js";
import type { BotContext } from "./context.js";
import { renderNotice } from "./render/message.js";

/** Whether a message explicitly @-mentions the bot; reply pings and @everyone do not count. */
function mentionsBot(message: Message, botId: string): boolean {
  return message.mentions.users.has(botId) && new RegExp(`<@!?${botId}>`).test(message.content);
}

/**
 * Answers a message that @-mentions the bot, as a reply. Mentions carry their content even without
 * the privileged Message Content intent, so this works with the default intents.
 */
export function createMentionHandler(context: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    const botId = message.client.user.id;
    if (message.author.bot || !mentionsBot(message, botId) || !isChannelAllowed(context.config, message.channelId)) return;
    const about = { event: "mention", user: message.author.id, channel: message.channelId, message: message.id };
    try {
      const intake = takeQuestion(message.content, message.author.id, context);
      if (!intake.accepted) return void (await message.reply(renderNotice(intake.notice)));
      try {
        const { answer, message: reply } = await answerAndRender(intake.question, context);
        await message.reply(reply);
        context.logger.info({ ...about, verdict: answer.verdict, excerpts: answer.excerpts.length }, "answered a mention");
      } finally {
        intake.release();
      }
    } catch (error) {
      context.logger.error({ ...about, err: error }, "answering a mention failed");
      await message.reply(renderNotice(FAILURE_NOTICE)).catch((replyError: unknown) => {
        context.logger.error({ ...about, err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}
