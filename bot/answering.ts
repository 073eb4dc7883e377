import { parseQuestion, QuestionError } from "../retrieval/question.js";
import type { Answer } from "../retrieval/types.js";
import type { BotConfig } from "./config.js";
import type { BotContext } from "./context.js";
import { morePassagesButtonId } from "./morePassages.js";
import { questionText } from "./questionText.js";
import type { Admission } from "./rateLimit.js";
import { renderAnswer } from "./render/answerEmbed.js";
import type { BotMessage } from "./render/message.js";

/** Asks the engine and renders the reply; keeps further passages for the "More passages" button. */
export async function answerAndRender(question: string, context: BotContext): Promise<{ answer: Answer; message: BotMessage }> {
  const answer = await context.engine.ask(question);
  const hasMore = answer.verdict !== "none" && answer.morePassages.length > 0;
  const moreButtonId = hasMore
    ? morePassagesButtonId(context.pages.put({ question: answer.question, passages: answer.morePassages, sources: answer.sources }), 0)
    : undefined;
  return { answer, message: renderAnswer(answer, context.engine.articles(), moreButtonId) };
}

export type QuestionIntake = { accepted: true; question: string; release: () => void } | { accepted: false; notice: string };

/**
 * Turns what a person typed into a question to answer now, or the notice saying why not (not a
 * question, or over the cooldown or in-flight cap). An accepted question must be released when done.
 */
export function takeQuestion(typed: string, userId: string, context: BotContext, cooldownSeconds?: number): QuestionIntake {
  let question: string;
  try {
    question = parseQuestion(questionText(typed));
  } catch (error) {
    if (error instanceof QuestionError) return { accepted: false, notice: error.message };
    throw error;
  }
  const admission = context.gate.tryAdmit(userId, cooldownSeconds);
  if (!admission.admitted) return { accepted: false, notice: admissionNotice(admission) };
  return { accepted: true, question, release: admission.release };
}

/** Tells a person over the limit when to ask again, as a Discord relative timestamp. */
export function admissionNotice(admission: Extract<Admission, { admitted: false }>): string {
  const when = `<t:${Math.ceil(admission.retryAt / 1000)}:R>`;
  return admission.reason === "cooldown"
    ? `You asked a moment ago; you can ask again ${when}.`
    : `I'm answering as many questions as I can at once; please try again ${when}.`;
}

export function isChannelAllowed(config: Pick<BotConfig, "allowedChannelIds">, channelId: string | null): boolean {
  return config.allowedChannelIds.length === 0 || (channelId !== null && config.allowedChannelIds.includes(channelId));
}

export function allowedChannelsNotice(config: Pick<BotConfig, "allowedChannelIds">): string {
  return `I answer questions only in ${config.allowedChannelIds.map((id) => `<#${id}>`).join(", ")}.`;
}

/** The one message people see when something breaks; the detail goes to the log. */
export const FAILURE_NOTICE = "Something went wrong while answering; it has been logged. Please try again in a moment.";
