import type { ClientBase } from "pg";

/**
 * The PostgreSQL schema, one step per version, applied in order and recorded in schema_migrations.
 * Never edit a step that has shipped: add one.
 *
 * Chunks and sentences keep their spans (what a reader checks against its own cut of the text) and
 * their vectors; a generation's chunk vectors get their own partial HNSW index, made when the
 * generation is written (see postgresStore.ts), so a search never sees another generation's rows.
 * BM25 is not stored: every reader holds the articles' text to quote it verbatim, and derives the
 * term statistics from it in memory as the vectra store does, so both stores rank alike.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "indexes, generations, chunks and sentences with pgvector embeddings",
    sql: `
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE vector_indexes (
        id serial PRIMARY KEY,
        name text NOT NULL UNIQUE,
        current_generation bigint
      );
      CREATE TABLE index_generations (
        id bigserial PRIMARY KEY,
        index_id integer NOT NULL REFERENCES vector_indexes (id),
        fingerprint text NOT NULL,
        manifest jsonb NOT NULL,
        dimensions integer NOT NULL CHECK (dimensions > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz
      );
      CREATE TABLE chunks (
        generation_id bigint NOT NULL REFERENCES index_generations (id) ON DELETE CASCADE,
        id text NOT NULL,
        doc_id text NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        embedding vector NOT NULL,
        PRIMARY KEY (generation_id, id)
      );
      CREATE TABLE sentences (
        generation_id bigint NOT NULL REFERENCES index_generations (id) ON DELETE CASCADE,
        id text NOT NULL,
        doc_id text NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        embedding vector NOT NULL,
        PRIMARY KEY (generation_id, id)
      );
    `,
  },
];

/** Namespace of this project's advisory locks, so they never collide with another application's. */
export const LOCK_NAMESPACE = "corpus-answer-bot";

/**
 * Brings the schema up to date: in one transaction under an advisory lock, so processes starting
 * together apply each step once and the others see it done. Returns the versions applied now.
 */
export async function migrate(client: ClientBase): Promise<number[]> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext('migrations'))", [LOCK_NAMESPACE]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const step of MIGRATIONS.filter((m) => !done.has(m.version))) {
      await client.query(step.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [step.version, step.name]);
      applied.push(step.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
