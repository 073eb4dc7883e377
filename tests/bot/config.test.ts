import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, MISSING_TOKEN_MESSAGE, parseConfig } from "../../bot/config.js";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOKEN = "test-token-abcdefghijklmnop";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("reads every variable", () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: "123456789012345678",
      DISCORD_GUILD_ID: "223456789012345678",
      ALLOWED_CHANNEL_IDS: " 323456789012345678 , 423456789012345678,",
      MODEL_DIR: "/models",
      EMBEDDER: "transformers",
      EMBEDDING_MODEL: "Xenova/bge-small-en-v1.5",
      DATA_DIR: "/data",
      LOG_LEVEL: "debug",
      ASK_COOLDOWN_SECONDS: "30",
      MAX_ANSWERS_IN_FLIGHT: "2",
      CORPUS_REFRESH_SECONDS: "0",
      INGEST_MAX_BYTES: "2000000",
      CONVERSATION_MINUTES: "15",
      BOT_DATABASE: "/data/bot.sqlite",
      DISCORD_API_URL: "http://127.0.0.1:9999/api/",
    });
    expect(config).toEqual({
      token: TOKEN,
      appId: "123456789012345678",
      guildId: "223456789012345678",
      allowedChannelIds: ["323456789012345678", "423456789012345678"],
      modelDir: "/models",
      embedder: "transformers",
      embeddingModel: "Xenova/bge-small-en-v1.5",
      dataDir: "/data",
      logLevel: "debug",
      askCooldownSeconds: 30,
      maxAnswersInFlight: 2,
      corpusRefreshSeconds: 0,
      ingestMaxBytes: 2_000_000,
      conversationMinutes: 15,
      databaseFile: "/data/bot.sqlite",
      discordApiUrl: "http://127.0.0.1:9999/api",
    });
  });

  it("needs only the token, and treats empty values as unset", () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "", ALLOWED_CHANNEL_IDS: "", ASK_COOLDOWN_SECONDS: "" });
    expect(config.guildId).toBeUndefined();
    expect(config.allowedChannelIds).toEqual([]);
    expect(config.logLevel).toBe("info");
    expect(config.askCooldownSeconds).toBe(10);
    expect(config.maxAnswersInFlight).toBe(4);
    expect(config.corpusRefreshSeconds).toBe(10);
    expect(config.ingestMaxBytes).toBe(1_048_576);
    expect(config.conversationMinutes).toBe(30);
    expect(config.databaseFile).toBeUndefined();
  });

  it("says, in one sentence, to set the token and that npm run ask works without Discord", () => {
    expect(problemsOf({})).toEqual([MISSING_TOKEN_MESSAGE]);
    expect(problemsOf({ DISCORD_TOKEN: "  " })).toEqual([MISSING_TOKEN_MESSAGE]);
    expect(MISSING_TOKEN_MESSAGE).toMatch(/^DISCORD_TOKEN is not set.*\.env.*npm run ask/);
    expect(MISSING_TOKEN_MESSAGE.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it("reports each malformed value with its name", () => {
    const problems = problemsOf({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: "my-server",
      ALLOWED_CHANNEL_IDS: "323456789012345678,general",
      EMBEDDER: "openai",
      EMBEDDING_MODEL: "not a model id",
      LOG_LEVEL: "loud",
      ASK_COOLDOWN_SECONDS: "ten",
      MAX_ANSWERS_IN_FLIGHT: "0",
      DISCORD_API_URL: "localhost",
    });
    const names = ["DISCORD_GUILD_ID", "ALLOWED_CHANNEL_IDS", "EMBEDDER", "EMBEDDING_MODEL", "LOG_LEVEL", "ASK_COOLDOWN_SECONDS", "MAX_ANSWERS_IN_FLIGHT", "DISCORD_API_URL"];
    expect(problems).toHaveLength(names.length);
    for (const name of names) expect(problems.filter((problem) => problem.includes(name))).toHaveLength(1);
    expect(problems.find((p) => p.includes("MAX_ANSWERS_IN_FLIGHT"))).toBe("MAX_ANSWERS_IN_FLIGHT must be at least 1.");
    expect(problems.find((p) => p.includes("ASK_COOLDOWN_SECONDS"))).toBe("ASK_COOLDOWN_SECONDS must be a whole number.");
  });

  it("serves health on HEALTH_PORT, on loopback unless HEALTH_HOST says otherwise; not at all when unset", () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }).health).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "", HEALTH_HOST: "0.0.0.0" }).health).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "9464" }).health).toEqual({ port: 9464, host: "127.0.0.1" });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "0" }).health).toEqual({ port: 0, host: "127.0.0.1" });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "9464", HEALTH_HOST: "0.0.0.0" }).health).toEqual({ port: 9464, host: "0.0.0.0" });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "9464", HEALTH_HOST: "::1" }).health?.host).toBe("::1");
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "9464", HEALTH_HOST: "localhost" }).health?.host).toBe("localhost");
    const portProblem = "HEALTH_PORT must be a TCP port number from 0 to 65535 (0: any free port).";
    for (const port of ["http", "-1", "65536", "94.64"]) expect(problemsOf({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: port }), port).toEqual([portProblem]);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: "9464", HEALTH_HOST: "http://0.0.0.0" })).toEqual([
      "HEALTH_HOST must be an IP address or host name such as 127.0.0.1 or 0.0.0.0.",
    ]);
  });

  it("rejects a fractional cooldown", () => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, ASK_COOLDOWN_SECONDS: "1.5" })).toEqual(["ASK_COOLDOWN_SECONDS must be a whole number."]);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, INGEST_MAX_BYTES: "0", CORPUS_REFRESH_SECONDS: "soon" })).toEqual([
      "CORPUS_REFRESH_SECONDS must be a whole number.",
      "INGEST_MAX_BYTES must be at least 1.",
    ]);
  });
});

describe("npm start without a token", () => {
  it("exits non-zero with the one sentence", async () => {
    // Run from an empty folder so no developer .env is picked up.
    const cwd = await mkdtemp(join(tmpdir(), "bot-config-"));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    const run = promisify(execFile)(tsx, [join(PROJECT_ROOT, "bot", "main.ts")], { cwd, env });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(MISSING_TOKEN_MESSAGE);
    expect(failure?.stdout).toBe("");
  });
});
