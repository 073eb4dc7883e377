import type { Answer, ArticleInfo } from "../../retrieval/types.js";
import { articleLine } from "./articleList.js";
import { neutraliseMentions } from "./escape.js";
import { fitEscaped, fitList, fitPlain } from "./fitText.js";
import { DISCORD_LIMITS } from "./limits.js";
import { COLORS, embedMessage, type BotMessage } from "./message.js";
import { searchedNote } from "./searchedNote.js";

export const REFUSAL_TITLE = "No answer in the articles";
/** Titles of the reply to a greeting or a request for help, which are no question to refuse. */
export const SMALL_TALK_TITLES = { greeting: "Hello", help: "How to use me" } as const;
export const COVERAGE_HEADING = "**The articles cover:**";
const FALLBACK_REASON = "None of the articles says anything that answers this question.";
const SUGGESTION = "Ask about what the articles cover; `/sources` lists them all.";
const REASON_ROOM = 500;
/** Stories listed at most; the rest are counted, so an off-topic question does not get a wall of titles. */
const MAX_STORIES_SHOWN = 10;
const PARAGRAPH_SEPARATOR = "\n\n";

/**
 * An unanswered question, shown as a refusal: how the question was read (or `understood`, the note
 * of a follow-up written out), the engine's reason, what
 * the corpus covers (each story once: a copy of another article is left out) and what to do instead.
 */
export function renderRefusal(answer: Answer, articles: readonly ArticleInfo[], understood?: string, title: string = REFUSAL_TITLE): BotMessage {
  const note = understood ?? searchedNote(answer);
  const opening = [...(note ? [note] : []), fitEscaped(answer.refusal ?? FALLBACK_REASON, REASON_ROOM)];
  const stories = articles.filter((article) => !article.duplicateOf).map(articleLine);
  // The stories get the description's room the other paragraphs leave; title and footer are short, so the 6,000 in all holds.
  const storyRoom = DISCORD_LIMITS.embedDescription - [...opening, COVERAGE_HEADING, SUGGESTION].join(PARAGRAPH_SEPARATOR).length - "\n".length;
  const coverage = stories.length > 0 ? [`${COVERAGE_HEADING}\n${fitList(stories, storyRoom, "\n", { maxShown: MAX_STORIES_SHOWN })}`] : [];
  return embedMessage([
    {
      color: COLORS.refusal,
      title,
      description: [...opening, ...coverage, SUGGESTION].join(PARAGRAPH_SEPARATOR),
      footer: { text: `Question: ${fitPlain(neutraliseMentions(answer.question), 300)}` },
    },
  ]);
}
