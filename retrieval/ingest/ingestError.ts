/** Why an article was refused; the message is for the person who tried to add it. */
export type IngestErrorCode =
  | "missing"
  | "empty"
  | "binary"
  | "too_large"
  | "unsupported_type"
  | "no_prose"
  | "no_title"
  | "bad_date"
  | "exact_copy"
  | "not_found"
  | "last_article";

/** Bad input: nothing was changed (the CLI exits with status 2, the bot replies with the message). */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
