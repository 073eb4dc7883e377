/** The PostgreSQL schema migrates once however many processes start together, and config and URLs never leak the password. */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../../retrieval/store/migrations.js";
import { redactUrl, scrubPassword } from "../../retrieval/store/redactUrl.js";
import { vectorStoreConfigFromEnv } from "../../retrieval/store/vectorStoreConfig.js";
import { usePgliteServer } from "../support/pgServer.js";

const pgServer = usePgliteServer();

describe("migrations", () => {
  it("apply each step once, even when several connections migrate at the same time, and again is a no-op", async () => {
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: pgServer.server().url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(clients[0]!)).toEqual([]);
      const rows = (await clients[0]!.query("SELECT version FROM schema_migrations ORDER BY version")).rows;
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = (await clients[0]!.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename);
      expect(tables).toEqual(["chunks", "index_generations", "schema_migrations", "sentences", "vector_indexes"]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});

describe("store configuration", () => {
  it("defaults to vectra and reads postgres with DATABASE_URL", () => {
    expect(vectorStoreConfigFromEnv({})).toEqual({ kind: "vectra" });
    expect(vectorStoreConfigFromEnv({ VECTOR_STORE: "", DATABASE_URL: "" })).toEqual({ kind: "vectra" });
    expect(vectorStoreConfigFromEnv({ VECTOR_STORE: "postgres", DATABASE_URL: "postgres://u:p@db:5432/x", DATABASE_CONNECT_ATTEMPTS: "3" })).toEqual({
      kind: "postgres",
      databaseUrl: "postgres://u:p@db:5432/x",
      connectAttempts: 3,
    });
  });

  it("says clearly what is wrong, without echoing a password", () => {
    expect(() => vectorStoreConfigFromEnv({ VECTOR_STORE: "pgvector" })).toThrow("VECTOR_STORE must be vectra or postgres.");
    expect(() => vectorStoreConfigFromEnv({ VECTOR_STORE: "postgres" })).toThrow(/needs DATABASE_URL/);
    const wrong = () => vectorStoreConfigFromEnv({ VECTOR_STORE: "postgres", DATABASE_URL: "mysql://bot:hunter2secret@db/x" });
    expect(wrong).toThrow("DATABASE_URL must be a postgres:// or postgresql:// URL (got mysql://bot:***@db/x).");
    expect(() => vectorStoreConfigFromEnv({ VECTOR_STORE: "postgres", DATABASE_URL: "hunter2secret" })).toThrow("(got (not a URL))");
    expect(() => vectorStoreConfigFromEnv({ VECTOR_STORE: "postgres", DATABASE_URL: "postgres://h/x", DATABASE_CONNECT_ATTEMPTS: "0" })).toThrow(
      "DATABASE_CONNECT_ATTEMPTS must be at least 1.",
    );
  });

  it("redacts the password of a URL and scrubs it, raw or percent-encoded, from text", () => {
    expect(redactUrl("postgres://bot:s3cr%2Fet@db.example:5432/news")).toBe("postgres://bot:***@db.example:5432/news");
    expect(redactUrl("postgres://db.example/news")).toBe("postgres://db.example/news");
    expect(scrubPassword("auth s3cr/et and s3cr%2Fet failed", "postgres://bot:s3cr%2Fet@db/news")).toBe("auth *** and *** failed");
  });
});
