import { z } from "zod";

export const MAX_QUESTION_CHARS = 1000;

export type QuestionErrorCode = "empty" | "too_long" | "no_words";

/** A question the engine will not search for, with a message fit to show the person who asked. */
export class QuestionError extends Error {
  constructor(
    readonly code: QuestionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "QuestionError";
  }
}

const questionSchema = z
  .string({ error: "The question must be text." })
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    if (s.length === 0) ctx.addIssue({ code: "custom", message: "empty" });
    else if (s.length > MAX_QUESTION_CHARS) ctx.addIssue({ code: "custom", message: "too_long" });
    else if (!/[\p{L}\p{N}]/u.test(s)) ctx.addIssue({ code: "custom", message: "no_words" });
  });

const messages: Record<QuestionErrorCode, (input: string) => string> = {
  empty: () => "The question is empty: ask something about the news articles, e.g. \"Who is Esmail Qaani?\"",
  too_long: (input) =>
    `The question is ${input.trim().length.toLocaleString("en")} characters long; the limit is ${MAX_QUESTION_CHARS.toLocaleString("en")}. Ask it in fewer words.`,
  no_words: () => "The question has no words in it, only punctuation or symbols.",
};

/** Trims and checks a question; throws QuestionError with a user-facing message when it cannot be searched. */
export function parseQuestion(input: unknown): string {
  const parsed = questionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const code = parsed.error.issues[0]?.message;
  if (code === "empty" || code === "too_long" || code === "no_words") throw new QuestionError(code, messages[code](String(input)));
  throw new QuestionError("empty", "The question must be text.");
}
