import pg from "pg";
import pgvector from "pgvector";
import { z } from "zod";
import type { Logger } from "../log.js";
import { manifestSchema, type Manifest } from "./manifest.js";
import { LOCK_NAMESPACE, migrate } from "./migrations.js";
import { redactUrl, scrubPassword } from "./redactUrl.js";
import type { GenerationVectors, LoadResult, StoredGeneration, UnitSpan, VectorStore, VectorUnit } from "./vectorStore.js";

export interface PostgresStoreOptions {
  databaseUrl: string;
  /** Which index of the database: the seed corpus and each evaluation set keep their own. */
  indexName: string;
  /** Tries at start before giving up; the wait doubles from 0.5 s between them. */
  connectAttempts: number;
  logger?: Logger;
}

/**
 * Connections per process. Questions use one at a time (two queries each); the rest let a refresh
 * or a write proceed beside them. PGlite's socket server queues every statement on one backend, so
 * more would not be faster there (cli/pgServe.ts accepts 8 connections: two processes' pools).
 */
const POOL_SIZE = 4;
/**
 * Candidates the HNSW graph search keeps (raised to the depth asked for when deeper). Measured on
 * SciFact's chunks with real questions against exact search: 200 found 98.5% of the top 100 and 98%
 * of the top 10 in place; 400 finds 99.6% and all of the top 10 for 3 ms more; 1000 is exact but 120 ms.
 */
const EF_SEARCH = 400;
/** Rows per INSERT while writing a generation. */
const INSERT_BATCH = 500;
/**
 * A generation replaced less than this long ago is kept: a process that loaded it still answers
 * from it until its next refresh (every CORPUS_REFRESH_SECONDS, 10 s by default).
 */
const SUPERSEDED_GRACE_SECONDS = 120;
const FIRST_RETRY_MS = 500;

/** The database cannot be reached or refused a request; the message names DATABASE_URL without its password. */
export class DatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseError";
  }
}

const generationId = z.string().regex(/^\d+$/);
const spanRow = z.object({ id: z.string(), doc_id: z.string(), start_offset: z.number().int().nonnegative(), end_offset: z.number().int().nonnegative() });

const toSpan = (row: z.infer<typeof spanRow>): UnitSpan => ({ id: row.id, docId: row.doc_id, start: row.start_offset, end: row.end_offset });
/**
 * A vector from its binary form (`vector_send`: dimensions and a reserved word as 16-bit integers,
 * then big-endian 32-bit floats): far cheaper for the server to send than the text form, whose
 * float formatting dominated a question's sentence lookup.
 */
function toVector(binary: Buffer): number[] {
  const dimensions = binary.readUInt16BE(0);
  return Array.from({ length: dimensions }, (_, i) => binary.readFloatBE(4 + 4 * i));
}

/** The PostgreSQL store: reads and writes one index of a database any number of processes share. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<VectorStore> {
  const { databaseUrl, indexName, logger } = options;
  const where = `DATABASE_URL ${redactUrl(databaseUrl)}`;
  const failure = (what: string, error: unknown) => new DatabaseError(`PostgreSQL at ${where} ${what}: ${scrubPassword((error as Error).message || String(error), databaseUrl)}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // A connection dropped while idle is only logged: the pool makes a new one for the next query.
  pool.on("error", (error) => logger?.warn({ event: "database.connection-lost", database: redactUrl(databaseUrl), err: scrubPassword(error.message, databaseUrl) }, "a database connection was lost"));
  const query = async <R extends pg.QueryResultRow>(what: string, sql: string, values: unknown[] = []): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, values)).rows;
    } catch (error) {
      throw failure(what, error);
    }
  };

  await connectAndMigrate(pool, options, failure);

  const deleteSuperseded = async () => {
    const old = await query<{ id: string }>(
      "could not list old generations",
      `SELECT g.id FROM index_generations g JOIN vector_indexes i ON i.id = g.index_id
       WHERE i.name = $1 AND g.superseded_at < now() - make_interval(secs => $2)`,
      [indexName, SUPERSEDED_GRACE_SECONDS],
    );
    for (const { id } of old) {
      await query("could not delete an old generation", `DROP INDEX IF EXISTS ${hnswIndexName(id)}`);
      await query("could not delete an old generation", "DELETE FROM index_generations WHERE id = $1", [id]);
    }
  };
  await deleteSuperseded();

  const vectorsOf = (generation: string, dimensions: number, chunkCount: number): GenerationVectors => {
    const id = generationId.parse(generation);
    const dims = z.number().int().positive().parse(dimensions);
    return {
      nearestChunks: async (vector, depth) => {
        // One round trip that also sets the search width on whichever pooled connection runs it; so
        // it is a simple-protocol query with its values inlined, checked as numbers first. The
        // generation and dimensions are literal so the planner picks this generation's partial index.
        const limit = z.number().int().positive().parse(depth);
        const literal = `'${pgvector.toSql(z.array(z.number().finite()).parse([...vector]))}'::vector(${dims})`;
        let results: pg.QueryResult[];
        try {
          results = (await pool.query(
            // Ordered by the output column, so the 512 numbers are sent and parsed once (1.5 ms at SciFact).
            `SET hnsw.ef_search = ${Math.max(EF_SEARCH, limit)};
             SELECT id, embedding::vector(${dims}) <=> ${literal} AS distance FROM chunks
             WHERE generation_id = ${id} ORDER BY distance LIMIT ${limit}`,
          )) as unknown as pg.QueryResult[];
        } catch (error) {
          throw failure("could not search the chunk vectors", error);
        }
        const rows = results[1]!.rows as { id: string; distance: number }[];
        // No rows from a generation that had chunks: another process replaced it and its grace ran out.
        if (rows.length === 0 && chunkCount > 0) {
          throw new DatabaseError(`Index generation ${id} of ${indexName} was replaced by another process and deleted; refresh to load the current one (CORPUS_REFRESH_SECONDS).`);
        }
        return rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) }));
      },
      sentenceSimilarities: async (vector, ids) =>
        new Map(
          (
            await query<{ id: string; similarity: number }>(
              "could not score the sentence vectors",
              // <#> is the negative inner product.
              "SELECT id, -(embedding <#> $3::vector) AS similarity FROM sentences WHERE generation_id = $1 AND id = ANY($2::text[])",
              [id, [...ids], pgvector.toSql(z.array(z.number().finite()).parse([...vector]))],
            )
          ).map((row) => [row.id, Number(row.similarity)]),
        ),
      unitVectors: async (docIds) => {
        const rows = await query<z.infer<typeof spanRow> & { embedding: Buffer }>(
          "could not read vectors to reuse",
          `SELECT id, doc_id, start_offset, end_offset, vector_send(embedding) AS embedding FROM chunks WHERE generation_id = $1 AND doc_id = ANY($2::text[])
           UNION ALL
           SELECT id, doc_id, start_offset, end_offset, vector_send(embedding) AS embedding FROM sentences WHERE generation_id = $1 AND doc_id = ANY($2::text[])`,
          [id, [...docIds]],
        );
        return rows.map((row) => ({ ...toSpan(row), vector: toVector(row.embedding) }));
      },
    };
  };

  const load = async (fingerprint: string): Promise<LoadResult> => {
    const [head] = await query<{ id: string; manifest: unknown }>(
      "could not read the current index generation",
      "SELECT g.id, g.manifest FROM vector_indexes i JOIN index_generations g ON g.id = i.current_generation WHERE i.name = $1",
      [indexName],
    );
    if (!head) return { status: "missing" };
    const manifest = manifestSchema.safeParse(head.manifest);
    if (!manifest.success) return { status: "corrupt", reason: `generation ${head.id}'s manifest is malformed` };
    const spans = async (table: "chunks" | "sentences") =>
      (await query(`could not read the ${table}`, `SELECT id, doc_id, start_offset, end_offset FROM ${table} WHERE generation_id = $1`, [head.id])).map((row) =>
        toSpan(spanRow.parse(row)),
      );
    const [chunkSpans, sentenceSpans] = [await spans("chunks"), await spans("sentences")];
    if (chunkSpans.length !== manifest.data.counts.chunks || sentenceSpans.length !== manifest.data.counts.sentences) {
      return { status: "corrupt", reason: `generation ${head.id}'s row counts differ from its manifest` };
    }
    const index: StoredGeneration = { id: head.id, manifest: manifest.data, chunkSpans, sentenceSpans, vectors: vectorsOf(head.id, manifest.data.embedder.dimensions, chunkSpans.length) };
    return manifest.data.fingerprint === fingerprint ? { status: "ok", index } : { status: "stale", manifest: manifest.data, index };
  };

  const write = async (manifest: Manifest, chunks: readonly VectorUnit[], sentences: readonly VectorUnit[]) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw failure("could not be reached to write the index", error);
    }
    try {
      await client.query("BEGIN");
      // One writer per index at a time; the lock ends with the transaction, even if this process dies.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [LOCK_NAMESPACE, indexName]);
      const [index] = (
        await client.query<{ id: number }>(
          "INSERT INTO vector_indexes (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
          [indexName],
        )
      ).rows;
      const current = (
        await client.query<{ fingerprint: string }>(
          "SELECT g.fingerprint FROM vector_indexes i JOIN index_generations g ON g.id = i.current_generation WHERE i.id = $1",
          [index!.id],
        )
      ).rows[0];
      if (current?.fingerprint === manifest.fingerprint) {
        // Another process wrote this very generation while this one embedded: keep theirs.
        await client.query("ROLLBACK");
        logger?.info({ event: "index.already-written", index: indexName }, "another process wrote the same index generation");
        return;
      }
      const generation = generationId.parse(
        (
          await client.query<{ id: string }>(
            "INSERT INTO index_generations (index_id, fingerprint, manifest, dimensions) VALUES ($1, $2, $3, $4) RETURNING id",
            [index!.id, manifest.fingerprint, manifest, manifest.embedder.dimensions],
          )
        ).rows[0]!.id,
      );
      for (const [table, units] of [["chunks", chunks], ["sentences", sentences]] as const) {
        for (let at = 0; at < units.length; at += INSERT_BATCH) {
          const batch = units.slice(at, at + INSERT_BATCH);
          await client.query(
            `INSERT INTO ${table} (generation_id, id, doc_id, start_offset, end_offset, embedding)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::vector[])`,
            [generation, batch.map((u) => u.id), batch.map((u) => u.docId), batch.map((u) => u.start), batch.map((u) => u.end), batch.map((u) => pgvector.toSql(u.vector))],
          );
        }
      }
      // Built after the rows are in (faster than growing it row by row), over this generation only.
      const dims = manifest.embedder.dimensions;
      await client.query(
        `CREATE INDEX ${hnswIndexName(generation)} ON chunks USING hnsw ((embedding::vector(${dims})) vector_cosine_ops) WHERE generation_id = ${generation}`,
      );
      // Fresh statistics, or the planner takes the new generation for a few rows and sorts them all.
      await client.query("ANALYZE chunks");
      await client.query("ANALYZE sentences");
      await client.query("UPDATE index_generations SET superseded_at = now() WHERE index_id = $1 AND id <> $2 AND superseded_at IS NULL", [index!.id, generation]);
      await client.query("UPDATE vector_indexes SET current_generation = $1 WHERE id = $2", [generation, index!.id]);
      await client.query("COMMIT");
      logger?.info({ event: "index.generation-written", index: indexName, generation }, "index generation written and made current");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error instanceof DatabaseError ? error : failure("could not write the index", error);
    } finally {
      client.release();
    }
    await deleteSuperseded();
  };

  return {
    kind: "postgres",
    location: `${redactUrl(databaseUrl)} (index ${indexName})`,
    load,
    write,
    currentGeneration: async () =>
      (await query<{ current_generation: string | null }>("could not read the current index generation", "SELECT current_generation FROM vector_indexes WHERE name = $1", [indexName]))[0]
        ?.current_generation ?? "",
    reachable: async () => {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}

/** The partial HNSW index over one generation's chunk vectors. */
function hnswIndexName(generation: string): string {
  return `chunks_hnsw_g${generationId.parse(generation)}`;
}

/**
 * Connects and migrates, retrying with a doubling wait when the database is down or unreachable,
 * each try logged; after the last it throws one clear error naming DATABASE_URL (redacted).
 */
async function connectAndMigrate(pool: pg.Pool, options: PostgresStoreOptions, failure: (what: string, error: unknown) => DatabaseError): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      try {
        const applied = await migrate(client);
        if (applied.length > 0) options.logger?.info({ event: "database.migrated", versions: applied }, "database schema migrated");
        return;
      } finally {
        client.release();
      }
    } catch (error) {
      const problem = failure(attempt === 1 ? "is unreachable or refused the connection" : `is still unreachable after ${attempt} tries`, error);
      if (attempt >= options.connectAttempts) {
        await pool.end().catch(() => undefined);
        throw problem;
      }
      const waitMs = FIRST_RETRY_MS * 2 ** (attempt - 1);
      options.logger?.warn({ event: "database.retry", attempt, of: options.connectAttempts, waitMs, err: problem.message }, `${problem.message}; retrying in ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
