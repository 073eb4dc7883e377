import { askFollowUp, resolveFollowUp, type Conversation, type ResolvedQuestion, type StoredConversation } from "../retrieval/conversation/index.js";
import type { Answer } from "../retrieval/types.js";
import type { BotContext } from "./context.js";
import { morePassagesButtonId } from "./morePassages.js";
import { renderAnswer } from "./render/answerEmbed.js";
import type { BotMessage } from "./render/message.js";
import { feedbackButtons, keepForFeedback } from "./feedback.js";
import type { QuestionSource } from "./health/botMetrics.js";

/** Whose conversation: one person on one server. Anchors (message and thread ids) say which one. */
export function conversationOwner(guildId: string | null, userId: string): string {
  return `${guildId ?? "direct"}:${userId}`;
}

/** The conversation a question continues, found through the messages and thread it was asked on, most specific first. */
export type ConversationLookup = { status: "live"; stored: StoredConversation } | { status: "expired" } | { status: "new" };

/**
 * Looks the anchors up in order (the bot answer replied to, then the thread asked in). A reply to
 * the bot's own message the store no longer knows (expired, or from before a restart) is expired.
 */
export function findConversation(context: BotContext, anchors: readonly string[], owner: string, repliesToBot: boolean): ConversationLookup {
  let expired = repliesToBot;
  for (const anchor of anchors) {
    const found = context.conversations.follow(anchor, owner);
    if (found.status === "live") return found;
    if (found.status === "expired") expired = true;
  }
  return expired ? { status: "expired" } : { status: "new" };
}

export function expiredConversationNotice(ttlMinutes: number): string {
  return (
    `This conversation has expired: I keep one for ${ttlMinutes} minutes after its last question, so I can't tell what your question refers to. ` +
    `Ask it again in full, naming who or what you mean (e.g. "Where was Abu Haidar al-Khafaji's funeral?").`
  );
}

/** The notice for a question that leans on an expired conversation ("where was his funeral?"); undefined when it can be answered. */
export function expiredNoticeFor(question: string, lookup: ConversationLookup, context: BotContext): string | undefined {
  if (lookup.status !== "expired" || !resolveFollowUp(question, { turns: [] }, context.finder).needsContext) return undefined;
  return expiredConversationNotice(context.conversations.ttlMinutes);
}

export type FollowUpReply =
  | { expired: true; notice: string }
  | { expired: false; answer: Answer; resolved: ResolvedQuestion; conversation: Conversation; conversationId: string; message: BotMessage };

/**
 * Answers a question in its conversation (or a new one) and renders the reply, showing how a
 * follow-up was understood. A question that leans on an expired conversation gets the notice instead.
 * `via` is how it was asked, counted in the metrics (as a follow-up when it continues a live conversation).
 */
export async function answerFollowUp(
  question: string,
  lookup: ConversationLookup,
  owner: string,
  context: BotContext,
  guildId: string | null,
  via: Exclude<QuestionSource, "followup">,
): Promise<FollowUpReply> {
  const notice = expiredNoticeFor(question, lookup, context);
  if (notice) return { expired: true, notice };
  const started = performance.now();
  const stored = lookup.status === "live" ? lookup.stored : context.conversations.start(owner);
  const followed = await askFollowUp(context.engine, context.finder, question, stored.conversation);
  const { answer, resolved } = followed;
  const hasMore = answer.verdict !== "none" && answer.morePassages.length > 0;
  const moreButtonId = hasMore
    ? morePassagesButtonId(context.pages.put({ question: answer.question, passages: answer.morePassages, sources: answer.sources }), 0)
    : undefined;
  const understood = resolved.text !== resolved.question ? resolved.text : undefined;
  const feedbackId = keepForFeedback(context, guildId, answer, answer.searched);
  const message = renderAnswer(answer, context.engine.articles(), moreButtonId, {
    ...(understood ? { understood } : {}),
    ...(feedbackId ? { buttons: feedbackButtons(feedbackId) } : {}),
  });
  context.metrics.questionAnswered(answer.verdict, lookup.status === "live" ? "followup" : via, (performance.now() - started) / 1000);
  return { expired: false, answer, resolved, conversation: followed.conversation, conversationId: stored.id, message };
}

/** Keeps the conversation after an answer, reachable from the reply and thread that carry it. */
export function rememberConversation(context: BotContext, reply: Extract<FollowUpReply, { expired: false }>, owner: string, anchors: readonly (string | undefined)[]): void {
  context.conversations.save(reply.conversationId, owner, reply.conversation, anchors.filter((a): a is string => a !== undefined));
}
