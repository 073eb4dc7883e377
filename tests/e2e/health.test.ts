/**
 * HEALTH_PORT with the real bot and engine against the Discord stand-in, over real HTTP: /metrics
 * counts questions, latency and 429s as they happen, /healthz turns 503 when the gateway drops or
 * the index can no longer be read, and 200 again when they are back.
 */
import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngine, type Engine } from "../../retrieval/engine.js";
import { startHarness, useEndToEndSuite, waitForLog, within, type BotHarness } from "../support/botHarness.js";
import type { RecordedRequest } from "../support/discordStandIn.js";
import { TEST_DATA_DIR } from "../support/testEngine.js";

const suite = useEndToEndSuite();
const HEALTH = { health: { port: 0, host: "127.0.0.1" } };

const isOriginalEdit = (token: string) => (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200;

function healthUrl(harness: BotHarness, path: string): string {
  if (!harness.bot.health) throw new Error("the bot was started without HEALTH_PORT");
  return `${harness.bot.health.url}${path}`;
}

/** The value of one sample in Prometheus text format, e.g. `corpus_bot_questions_total{verdict="answered",source="slash"}`; 0 when absent. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of metrics.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

async function metricsText(harness: BotHarness): Promise<string> {
  const response = await fetch(healthUrl(harness, "/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

async function healthz(harness: BotHarness): Promise<{ status: number; body: any }> {
  const response = await fetch(healthUrl(harness, "/healthz"));
  return { status: response.status, body: await response.json() };
}

/** Polls /healthz until it answers `status`: the gateway changes state on its own schedule. */
async function healthzBecomes(harness: BotHarness, status: number, what: string): Promise<{ status: number; body: any }> {
  return within(
    15_000,
    (async () => {
      for (;;) {
        const reply = await healthz(harness);
        if (reply.status === status) return reply;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })(),
    what,
  );
}

/** The fingerprint in the manifest of the index generation CURRENT names. */
async function loadedFingerprint(dataDir: string): Promise<string> {
  const generation = (await readFile(join(dataDir, "index", "CURRENT"), "utf8")).trim();
  return (JSON.parse(await readFile(join(dataDir, "index", generation, "manifest.json"), "utf8")) as { fingerprint: string }).fingerprint;
}

describe("HEALTH_PORT with a connected bot", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness(suite.engine, HEALTH);
  });
  afterAll(() => harness.stop());

  it("serves /healthz: gateway connected, the index generation loaded, the store reachable", async () => {
    const { status, body } = await healthz(harness);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      down: [],
      gateway: { connected: true, shards: [{ id: 0, status: "Ready" }] },
      index: { generation: await loadedFingerprint(TEST_DATA_DIR) },
      store: { kind: "vectra", reachable: true },
    });
    expect(harness.logs.find((line) => line.event === "health-server-started")).toMatchObject({ host: "127.0.0.1", port: harness.bot.health!.port });
  });

  it("counts each question by verdict and how it was asked, with its answer time", async () => {
    const { standIn } = harness;
    const before = await metricsText(harness);
    const slashQuestion = "Who is Esmail Qaani?";
    const slash = standIn.sendCommand("ask", { question: slashQuestion }, { user: standIn.user("metrics-slash") });
    await standIn.waitForRequest(isOriginalEdit(slash.token));

    const mentionQuestion = "What is the best pizza in Naples?";
    const author = standIn.user("metrics-mention");
    const mention = standIn.sendMessage(`<@${standIn.applicationId}> ${mentionQuestion}`, { author });
    // Once the answer is logged its conversation is kept, so a reply to it is a follow-up.
    const answered = (id: string) => waitForLog(harness, (line) => line.event === "mention" && line.message === id && line.verdict !== undefined);
    await answered(mention.id);
    const answer = [...standIn.messages.values()].find((m) => m.message_reference?.message_id === mention.id)!;
    await answered(standIn.sendMessage("and who is Hagari?", { author, replyTo: answer }).id);

    const after = await metricsText(harness);
    const added = (labels: Record<string, string>) => sample(after, "corpus_bot_questions_total", labels) - sample(before, "corpus_bot_questions_total", labels);
    expect(added({ verdict: (await suite.engine.ask(slashQuestion)).verdict, source: "slash" })).toBe(1);
    expect(added({ verdict: (await suite.engine.ask(mentionQuestion)).verdict, source: "mention" })).toBe(1);
    expect(["answered", "related", "none"].reduce((sum, verdict) => sum + added({ verdict, source: "followup" }), 0)).toBe(1);
    expect(sample(after, "corpus_bot_answer_duration_seconds_count") - sample(before, "corpus_bot_answer_duration_seconds_count")).toBe(3);
    expect(sample(after, "corpus_bot_answer_duration_seconds_sum")).toBeGreaterThan(sample(before, "corpus_bot_answer_duration_seconds_sum"));
    expect(sample(after, "corpus_bot_answer_duration_seconds_bucket", { le: "+Inf" })).toBe(sample(after, "corpus_bot_answer_duration_seconds_count"));
    // prom-client's process metrics, from this bot's own registry.
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("counts a 429 from Discord, and the wait discord.js made before retrying", async () => {
    const { standIn } = harness;
    const before = await metricsText(harness);
    standIn.rateLimitNext("PATCH", /\/messages\/@original$/, 0.2);
    const interaction = standIn.sendCommand("ask", { question: "Who attacked Eilat?" }, { user: standIn.user("metrics-429") });
    await standIn.waitForRequest(isOriginalEdit(interaction.token));
    expect(standIn.requests.filter((r) => r.path.includes(interaction.token) && r.method === "PATCH").map((r) => r.status)).toEqual([429, 200]);

    const after = await metricsText(harness);
    expect(sample(after, "corpus_bot_discord_rate_limited_total") - sample(before, "corpus_bot_discord_rate_limited_total")).toBe(1);
    expect(sample(after, "corpus_bot_discord_rate_limit_waits_total", { global: "false" })).toBeGreaterThan(sample(before, "corpus_bot_discord_rate_limit_waits_total", { global: "false" }));
    expect(sample(after, "corpus_bot_errors_total", { kind: "discord_api" })).toBe(0);
  });

  it("answers 503 naming the gateway while it is disconnected, and 200 once the session is resumed", async () => {
    const { standIn } = harness;
    const release = standIn.holdGateway();
    standIn.dropGatewayConnections();
    const down = await healthzBecomes(harness, 503, "/healthz turning 503");
    expect(down.body).toMatchObject({ status: "down", down: ["gateway"], gateway: { connected: false }, store: { reachable: true } });
    expect(down.body.gateway.shards[0].status).not.toBe("Ready");

    const resumed = standIn.nextSessionReady();
    release();
    await within(10_000, resumed, "resuming the gateway session");
    expect((await healthzBecomes(harness, 200, "/healthz turning 200")).body.down).toEqual([]);
  });

  it("answers 404 elsewhere and serves HEAD without a body", async () => {
    const missing = await fetch(healthUrl(harness, "/status"));
    expect(missing.status).toBe(404);
    const head = await fetch(healthUrl(harness, "/healthz"), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("never serves or logs the token", async () => {
    const served = (await metricsText(harness)) + JSON.stringify((await healthz(harness)).body);
    expect(served).not.toContain(harness.config.token);
    expect(harness.rawLogs.join("\n")).not.toContain(harness.config.token);
  });
});

describe("HEALTH_PORT when the index cannot be read", () => {
  let dataDir: string;
  let engine: Engine;
  let harness: BotHarness;
  beforeAll(async () => {
    // A copy of the test index, so this engine's files can be taken away without touching the shared one.
    dataDir = await mkdtemp(join(tmpdir(), "health-index-"));
    await cp(join(TEST_DATA_DIR, "index"), join(dataDir, "index"), { recursive: true });
    engine = await openEngine({ dataDir });
    expect(engine.builtIndex).toBe(false);
    // No corpus polling: with CURRENT away, a refresh would rebuild the index.
    harness = await startHarness(engine, { ...HEALTH, corpusRefreshSeconds: 0 });
  });
  afterAll(async () => {
    await harness.stop();
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 naming the store while CURRENT is gone, and 200 when it is back", async () => {
    expect((await healthz(harness)).status).toBe(200);
    const generation = await loadedFingerprint(dataDir);
    await rename(join(dataDir, "index", "CURRENT"), join(dataDir, "index", "CURRENT.away"));
    const { status, body } = await healthz(harness);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "down", down: ["store"], gateway: { connected: true }, store: { kind: "vectra", reachable: false } });
    // The index in memory is still the one it loaded.
    expect(body.index.generation).toBe(generation);

    await rename(join(dataDir, "index", "CURRENT.away"), join(dataDir, "index", "CURRENT"));
    expect((await healthz(harness)).status).toBe(200);
  });
});

