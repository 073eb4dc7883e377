import type { Message } from "discord.js";
import { FAILURE_NOTICE, isChannelAllowed, takeQuestion } from "./answering.js";
import { answerFollowUp, conversationOwner, findConversation, rememberConversation } from "./followUps.js";
import type { BotContext } from "./context.js";
import { renderNotice } from "./render/message.js";

/** Whether a message explicitly @-mentions the bot; reply pings and @everyone do not count. */
function mentionsBot(message: Message, botId: string): boolean {
  return message.mentions.users.has(botId) && new RegExp(`<@!?${botId}>`).test(message.content);
}

/** Whether a message is a reply to one of the bot's messages that pings it (Discord's default for replies), so its text is delivered. */
function repliesToBot(message: Message, botId: string): boolean {
  return message.reference?.messageId !== undefined && message.mentions.repliedUser?.id === botId && message.mentions.users.has(botId);
}

/**
 * Answers a message that @-mentions the bot, or replies to one of its answers, as a reply. Mentions
 * and replies that ping the bot carry their content even without the privileged Message Content
 * intent, so this works with the default intents. A reply to an answer, or a mention in a thread
 * that grew from one, continues that conversation: the question is read as a follow-up.
 */
export function createMentionHandler(context: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    const botId = message.client.user.id;
    if (message.author.bot) return;
    const reply = repliesToBot(message, botId);
    if (!reply && !mentionsBot(message, botId)) return;
    const thread = message.channel.isThread() ? message.channel : undefined;
    if (!isChannelAllowed(context.config, thread?.parentId ?? message.channelId)) return;
    const about = { event: "mention", user: message.author.id, channel: message.channelId, message: message.id, followUp: reply || thread !== undefined };
    try {
      const intake = takeQuestion(message.content, message.author.id, context);
      if (!intake.accepted) return void (await message.reply(renderNotice(intake.notice)));
      try {
        const owner = conversationOwner(message.guildId, message.author.id);
        const anchors = [reply ? message.reference!.messageId! : undefined, thread?.id].filter((a): a is string => a !== undefined);
        const lookup = findConversation(context, anchors, owner, reply);
        const answered = await answerFollowUp(intake.question, lookup, owner, context, message.guildId);
        if (answered.expired) {
          await message.reply(renderNotice(answered.notice));
          context.logger.info({ ...about, outcome: "conversation-expired" }, "a follow-up to an expired conversation");
          return;
        }
        const sent = await message.reply(answered.message);
        rememberConversation(context, answered, owner, [sent.id, thread?.id]);
        context.logger.info(
          { ...about, verdict: answered.answer.verdict, excerpts: answered.answer.excerpts.length, resolution: answered.resolved.resolution },
          "answered a mention",
        );
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
