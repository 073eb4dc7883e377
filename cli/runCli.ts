import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { createLogger, LOG_LEVELS, type Logger } from "../retrieval/log.js";

/** The project root (the engine's PROJECT_ROOT), found without importing the engine: a CLI that refuses its input loads no model. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs a command-line entry point: its result is the exit status; an unexpected error prints
 * its message (not a stack) and exits 1. It reads `.env` as the bot does (the environment wins),
 * so both use the same embedder and index.
 */
export function runCli(main: () => Promise<number>): void {
  loadDotenv({ path: join(PROJECT_ROOT, ".env"), quiet: true });
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** CLI logs go to stderr at LOG_LEVEL, quieter than the bot by default: stdout is the output. */
export function cliLogger(): Logger {
  return createLogger({ level: z.enum(LOG_LEVELS).catch("warn").parse(process.env.LOG_LEVEL ?? "warn") });
}

/**
 * Parses the flags, or says why not with the usage (exit status 2); `--help` prints the usage
 * (exit status 0). A number back means: exit with it.
 */
export function readFlags<T extends { help: boolean }>(parse: () => T, usage: string): T | number {
  let flags: T;
  try {
    flags = parse();
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((i) => i.message).join("; ") : (error as Error).message;
    process.stderr.write(`${message}\n${usage}\n`);
    return 2;
  }
  if (!flags.help) return flags;
  process.stdout.write(`${usage}\n`);
  return 0;
}
