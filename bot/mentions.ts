import type { Message } from "discord.js";
import { parseQuestion, QuestionError } from "../retrieval/question.js";
import { admissionNotice, composeAnswer, FAILURE_NOTICE, isChannelAllowed } from "./answering.js";
import type { BotContext } from "./context.js";
import { questionText } from "./questionText.js";
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
      let question: string;
      try {
        question = parseQuestion(questionText(message.content));
      } catch (error) {
        if (error instanceof QuestionError) return void (await message.reply(renderNotice(error.message)));
        throw error;
      }
      const admission = context.gate.tryAdmit(message.author.id);
      if (!admission.admitted) return void (await message.reply(renderNotice(admissionNotice(admission))));
      try {
        const { answer, message: reply } = await composeAnswer(question, context);
        await message.reply(reply);
        context.logger.info({ ...about, answered: answer.answered, excerpts: answer.excerpts.length }, "answered a mention");
      } finally {
        admission.release();
      }
    } catch (error) {
      context.logger.error({ ...about, err: error }, "answering a mention failed");
      await message.reply(renderNotice(FAILURE_NOTICE)).catch((replyError: unknown) => {
        context.logger.error({ ...about, err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}
