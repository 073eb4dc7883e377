import type { Message } from "discord.js";
import { FAILURE_NOTICE, isChannelAllowed, takeQuestion } from "./answering.js";
import { answerFollowUp, conversationOwner, findConversation, rememberConversation } from "./followUps.js";
import { serverSettings } from "./settings.js";
import { startAnswerThread } from "./threads.js";
import type { BotContext } from "./context.js";
import { failureKind } from "./health/botMetrics.js";
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
    const settings = serverSettings(context, message.guildId);
    if (!isChannelAllowed(settings, thread?.parentId ?? message.channelId)) return;
    const about = { event: "mention", user: message.author.id, channel: message.channelId, message: message.id, followUp: reply || thread !== undefined };
    try {
      const intake = takeQuestion(message.content, message.author.id, context, settings.cooldownSeconds);
      if (!intake.accepted) return void (await message.reply(renderNotice(intake.notice)));
      try {
        const owner = conversationOwner(message.guildId, message.author.id);
        const anchors = [reply ? message.reference!.messageId! : undefined, thread?.id].filter((a): a is string => a !== undefined);
        const lookup = findConversation(context, anchors, owner, reply);
        const answered = await answerFollowUp(intake.question, lookup, owner, context, message.guildId, "mention");
        if (answered.expired) {
          // Privately when the person takes direct messages; in the channel only when they do not.
          const notice = renderNotice(answered.notice);
          const privately = await message.author.send(notice).then(
            () => true,
            () => false,
          );
          if (!privately) await message.reply(notice);
          context.logger.info({ ...about, outcome: "conversation-expired", privately }, "a follow-up to an expired conversation");
          return;
        }
        // A new question may get its own thread (a server setting), so its follow-ups stay together.
        const started = settings.answerInThreads && !reply && !thread ? await startAnswerThread(message, intake.question, context) : undefined;
        const sent = started ? await started.send(answered.message) : await message.reply(answered.message);
        rememberConversation(context, answered, owner, [sent.id, thread?.id, started?.id]);
        context.logger.info(
          { ...about, verdict: answered.answer.verdict, excerpts: answered.answer.excerpts.length, resolution: answered.resolved.resolution, thread: started !== undefined },
          "answered a mention",
        );
      } finally {
        intake.release();
      }
    } catch (error) {
      context.metrics.failed(failureKind(error));
      context.logger.error({ ...about, err: error }, "answering a mention failed");
      await message.reply(renderNotice(FAILURE_NOTICE)).catch((replyError: unknown) => {
        context.metrics.failed(failureKind(replyError));
        context.logger.error({ ...about, err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}
