import { DiscordAPIError, PermissionFlagsBits, ThreadAutoArchiveDuration, type Message, type ThreadChannel } from "discord.js";
import type { BotContext } from "./context.js";

/** Discord's limit on a thread name. */
const THREAD_NAME_CHARS = 100;
const MISSING_PERMISSIONS = 50013;

/** Channels already logged as lacking Create Public Threads, so each is logged once. */
const warned = new WeakMap<BotContext, Set<string>>();

/** A thread name from the question: one line, within Discord's 100 characters, ending in "…" when cut. */
export function threadName(question: string): string {
  const line = question.replace(/\s+/g, " ").trim();
  return line.length <= THREAD_NAME_CHARS ? line : `${line.slice(0, THREAD_NAME_CHARS - 1).trimEnd()}…`;
}

function warnOnce(context: BotContext, channelId: string, reason: string): void {
  const seen = warned.get(context) ?? new Set<string>();
  warned.set(context, seen);
  if (seen.has(channelId)) return;
  seen.add(channelId);
  context.logger.warn({ event: "thread-not-started", channel: channelId, reason }, "answering in place: I can't start threads here (needs Create Public Threads)");
}

/**
 * Starts a public thread from the question's message, named from the question, for the answer to
 * go in; undefined (answer in place) when the bot lacks Create Public Threads, logged once per channel.
 */
export async function startAnswerThread(message: Message, question: string, context: BotContext): Promise<ThreadChannel | undefined> {
  if (!message.inGuild() || message.channel.isThread() || !("threads" in message.channel)) return undefined;
  const permissions = message.channel.permissionsFor(message.client.user);
  if (permissions && !permissions.has(PermissionFlagsBits.CreatePublicThreads)) {
    warnOnce(context, message.channelId, "missing-permission");
    return undefined;
  }
  try {
    return await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === MISSING_PERMISSIONS || error.status === 403)) {
      warnOnce(context, message.channelId, "refused-by-discord");
      return undefined;
    }
    throw error;
  }
}
