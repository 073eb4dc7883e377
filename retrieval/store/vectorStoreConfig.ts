import { z } from "zod";
import { redactUrl } from "./redactUrl.js";

/** Which store keeps the index's vectors: vectra files under DATA_DIR (default) or a PostgreSQL database. */
export type VectorStoreConfig =
  | { kind: "vectra" }
  | {
      kind: "postgres";
      databaseUrl: string;
      /** Tries to reach the database at start before giving up (backoff doubling from 0.5 s). */
      connectAttempts: number;
      /** The index's name in the database, overriding the caller's ("corpus", "eval/<set>-<hash>"): tests give each corpus its own. */
      indexName?: string;
    };

export const DEFAULT_CONNECT_ATTEMPTS = 5;

const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const envSchema = z
  .object({
    VECTOR_STORE: z.preprocess(emptyAsUnset, z.enum(["vectra", "postgres"], { error: "VECTOR_STORE must be vectra or postgres." }).default("vectra")),
    DATABASE_URL: z.preprocess(emptyAsUnset, z.string().optional()),
    DATABASE_CONNECT_ATTEMPTS: z.preprocess(
      (value) => (emptyAsUnset(value) === undefined ? DEFAULT_CONNECT_ATTEMPTS : Number(value)),
      z.number().int("DATABASE_CONNECT_ATTEMPTS must be a whole number.").min(1, "DATABASE_CONNECT_ATTEMPTS must be at least 1."),
    ),
  })
  .superRefine((env, context) => {
    if (env.VECTOR_STORE !== "postgres") return;
    if (!env.DATABASE_URL) {
      context.addIssue({ code: "custom", message: "VECTOR_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database)." });
    } else if (!/^postgres(ql)?:$/.test(protocolOf(env.DATABASE_URL))) {
      // The value may be a password pasted in the wrong place: it is described, never echoed.
      context.addIssue({ code: "custom", message: `DATABASE_URL must be a postgres:// or postgresql:// URL (got ${redactUrl(env.DATABASE_URL)}).` });
    }
  });

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

/** The store the environment asks for; throws one readable line per problem. */
export function vectorStoreConfigFromEnv(env: NodeJS.ProcessEnv): VectorStoreConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  const { VECTOR_STORE, DATABASE_URL, DATABASE_CONNECT_ATTEMPTS } = parsed.data;
  return VECTOR_STORE === "postgres" ? { kind: "postgres", databaseUrl: DATABASE_URL!, connectAttempts: DATABASE_CONNECT_ATTEMPTS } : { kind: "vectra" };
}
