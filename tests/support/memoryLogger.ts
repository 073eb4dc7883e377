import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../retrieval/log.js";

/** A real structured logger whose lines are kept in memory, parsed, for assertions. */
export function memoryLogger(secrets: string[] = []): { logger: Logger; lines: () => Record<string, unknown>[]; raw: () => string } {
  let text = "";
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level: "debug", secrets, destination });
  return {
    logger,
    raw: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
