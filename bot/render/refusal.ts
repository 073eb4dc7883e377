import type { Answer } from "../../retrieval/types.js";
import { neutraliseMentions } from "./escape.js";
import { fitEscaped, fitPlain } from "./fitText.js";
import { DISCORD_LIMITS } from "./limits.js";
import { COLORS, embedMessage, type BotMessage } from "./message.js";

export const REFUSAL_TITLE = "No answer in the articles";
const FALLBACK_REASON = "None of the articles says anything that answers this question.";
const SUGGESTION = "Ask about something the news articles cover; `/sources` lists them.";

/** An unanswered question, shown as a refusal: the engine's reason, and what to do instead. */
export function renderRefusal(answer: Answer): BotMessage {
  const reason = fitEscaped(answer.refusal ?? FALLBACK_REASON, DISCORD_LIMITS.embedDescription - SUGGESTION.length - 2);
  return embedMessage([
    {
      color: COLORS.refusal,
      title: REFUSAL_TITLE,
      description: `${reason}\n\n${SUGGESTION}`,
      footer: { text: `Question: ${fitPlain(neutraliseMentions(answer.question), 300)}` },
    },
  ]);
}
