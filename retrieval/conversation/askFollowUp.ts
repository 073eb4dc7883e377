import type { AskOptions, Engine } from "../engine.js";
import { MAX_QUESTION_CHARS, parseQuestion } from "../question.js";
import type { Answer } from "../types.js";
import { smallTalkOf } from "../query/smallTalk.js";
import { addTurn, makeTurn, resolveFollowUp } from "./resolveFollowUp.js";
import type { SubjectFinder } from "../names/subjects.js";
import type { Conversation, ResolvedQuestion } from "./types.js";

export interface FollowUpAnswer {
  /** The engine's answer to the resolved question; `question` is what was typed, `searched` what was understood. */
  answer: Answer;
  resolved: ResolvedQuestion;
  /** The conversation with this turn added. */
  conversation: Conversation;
}

/**
 * Answers a question in a conversation: resolves what it leans on, asks the engine the question
 * written out, and returns the conversation with the new turn. The CLI and the bot both use this.
 * Throws QuestionError for a question that cannot be searched, as `engine.ask` does.
 */
export async function askFollowUp(
  engine: Pick<Engine, "ask">,
  finder: SubjectFinder,
  question: string,
  conversation: Conversation,
  options?: AskOptions,
): Promise<FollowUpAnswer> {
  const typed = parseQuestion(question);
  // "thanks", "help": said to the bot, not a turn of the conversation that a follow-up could lean on.
  if (smallTalkOf(typed) !== undefined) {
    const answer = await engine.ask(typed, options);
    return { answer, resolved: { question: typed, text: typed, resolution: "standalone", leanedOn: [], needsContext: false }, conversation };
  }
  const resolved = resolveFollowUp(typed, conversation, finder);
  // A resolved question past the limit (a long question with a long one before it) is asked as typed.
  const text = resolved.text.length <= MAX_QUESTION_CHARS ? resolved.text : typed;
  const asked = await engine.ask(text, options);
  const answer: Answer = { ...asked, question: typed };
  const quote = answer.verdict === "none" ? undefined : answer.excerpts[0]?.text;
  const turn = makeTurn({ ...resolved, text }, quote, finder);
  return { answer, resolved: { ...resolved, text }, conversation: addTurn(conversation, turn) };
}
