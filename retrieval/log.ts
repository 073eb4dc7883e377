import { pino, type Logger as PinoLogger } from "pino";

/** Structured logger: one JSON line per event on stderr, so stdout stays clean for CLI output. */
export type Logger = PinoLogger;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Secrets are redacted by key wherever they sit in a logged object, and by value in messages:
 * a token pasted into an error string is still never printed.
 */
export function createLogger(options: { level?: LogLevel; secrets?: string[]; destination?: NodeJS.WritableStream } = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const scrub = (value: string) => secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), value);
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ["token", "*.token", "headers.authorization", "*.headers.authorization", "DISCORD_TOKEN", "*.DISCORD_TOKEN"], censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        streamWrite: secrets.length > 0 ? scrub : (s) => s,
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything, for library callers that pass none. */
export const silentLogger: Logger = pino({ level: "silent" });
