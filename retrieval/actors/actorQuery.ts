import { z } from "zod";

export const MAX_ACTOR_QUERY_CHARS = 200;

export type ActorQueryErrorCode = "empty" | "too_long" | "no_letters";

/** A name the registry will not look up, with a message fit to show the person who typed it. */
export class ActorQueryError extends Error {
  constructor(
    readonly code: ActorQueryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ActorQueryError";
  }
}

const messages: Record<ActorQueryErrorCode, (trimmed: string) => string> = {
  empty: () => 'The actor name is empty: give a name such as "Kataib Hezbollah" or "Qaani".',
  too_long: (trimmed) =>
    `The actor name is ${trimmed.length.toLocaleString("en")} characters long; the limit is ${MAX_ACTOR_QUERY_CHARS}. Give just the name.`,
  no_letters: () => "The actor name has no letters in it, only digits, punctuation or symbols.",
};

const querySchema = z
  .string({ error: "The actor name must be text." })
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const code: ActorQueryErrorCode | undefined =
      s.length === 0 ? "empty" : s.length > MAX_ACTOR_QUERY_CHARS ? "too_long" : !/\p{L}/u.test(s) ? "no_letters" : undefined;
    if (code) ctx.addIssue({ code: "custom", message: code, params: { code } });
  });

/** Trims and checks a name to look up; throws ActorQueryError when there is nothing to look up. */
export function parseActorQuery(input: unknown): string {
  const parsed = querySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const code = issue?.code === "custom" ? (issue.params?.code as ActorQueryErrorCode | undefined) : undefined;
  if (code) throw new ActorQueryError(code, messages[code](String(input).trim()));
  throw new ActorQueryError("empty", "The actor name must be text.");
}
