/** The health server alone, over real HTTP on 127.0.0.1: routing, methods, HEAD, a port in use, closing. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { HealthServerError, jsonReply, startHealthServer, type HealthServer } from "../../bot/health/healthServer.js";
import { PrometheusBotMetrics } from "../../bot/health/botMetrics.js";
import { shardHealthPort } from "../../bot/health/shardHealthPort.js";
import { createLogger } from "../../retrieval/log.js";

const logLines: string[] = [];
const logger = createLogger({
  level: "info",
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter((line) => line.length > 0));
      done();
    },
  }),
});

const started: HealthServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

async function start(endpoints: Parameters<typeof startHealthServer>[0]["endpoints"], port = 0): Promise<HealthServer> {
  const server = await startHealthServer({ port, host: "127.0.0.1", logger, endpoints });
  started.push(server);
  return server;
}

const ok = async () => jsonReply(200, { status: "ok" });

describe("startHealthServer", () => {
  it("serves each endpoint on GET, and the same headers without a body on HEAD", async () => {
    const server = await start({ "/healthz": ok });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const get = await fetch(`${server.url}/healthz?verbose=1`);
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(get.headers.get("cache-control")).toBe("no-store");
    expect(await get.json()).toEqual({ status: "ok" });

    const head = await fetch(`${server.url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(JSON.stringify({ status: "ok" }).length));
    expect(await head.text()).toBe("");
  });

  it("answers 404 for any other path and 405 for other methods", async () => {
    const server = await start({ "/healthz": ok });
    for (const path of ["/", "/metrics", "/healthz/", "/toString", "/__proto__"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: string }).error).toContain("/healthz");
    }
    const post = await fetch(`${server.url}/healthz`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers 500 when an endpoint throws, and logs why", async () => {
    const server = await start({ "/healthz": () => Promise.reject(new Error("probe exploded")) });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("probe exploded");
    expect(logLines.some((line) => line.includes('"event":"health-endpoint-failed"') && line.includes("probe exploded"))).toBe(true);
  });

  it("fails to start with a message naming HEALTH_PORT when the port is in use", async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as AddressInfo).port;
    try {
      const attempt = startHealthServer({ port, host: "127.0.0.1", logger, endpoints: { "/healthz": ok } });
      await expect(attempt).rejects.toBeInstanceOf(HealthServerError);
      await expect(attempt).rejects.toThrow(`HEALTH_PORT ${port} is already in use on 127.0.0.1`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("closes even with a keep-alive connection open, logs start and stop, and may be closed twice", async () => {
    const server = await start({ "/healthz": ok });
    await (await fetch(`${server.url}/healthz`, { headers: { connection: "keep-alive" } })).text();
    await server.close();
    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    const events = logLines.map((line) => JSON.parse(line) as { event: string; port?: number }).filter((line) => line.port === server.port);
    expect(events.map((line) => line.event)).toEqual(["health-server-started", "health-server-stopped"]);
  });
});

describe("shardHealthPort", () => {
  it("is HEALTH_PORT for a lone bot and HEALTH_PORT plus the shard id for a shard", () => {
    expect(shardHealthPort(9464, undefined)).toBe(9464);
    expect(shardHealthPort(9464, [0])).toBe(9464);
    expect(shardHealthPort(9464, [3])).toBe(9467);
    expect(shardHealthPort(0, [3])).toBe(0);
    expect(() => shardHealthPort(65_535, [1])).toThrow(/past the last port/);
  });
});

describe("PrometheusBotMetrics", () => {
  it("exposes its counters and histogram in its own registry, apart from another bot's", async () => {
    const one = new PrometheusBotMetrics();
    const other = new PrometheusBotMetrics();
    one.questionAnswered("answered", "slash", 0.3);
    one.questionAnswered("none", "followup", 0.01);
    one.failed("discord_api");
    one.discordRateLimited();
    one.rateLimitWaited(false);
    const { contentType, body } = await one.exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('corpus_bot_questions_total{verdict="answered",source="slash"} 1');
    expect(body).toContain('corpus_bot_questions_total{verdict="none",source="followup"} 1');
    expect(body).toContain('corpus_bot_answer_duration_seconds_bucket{le="0.5"} 2');
    expect(body).toContain('corpus_bot_answer_duration_seconds_bucket{le="0.25"} 1');
    expect(body).toContain("corpus_bot_answer_duration_seconds_count 2");
    expect(body).toContain('corpus_bot_errors_total{kind="discord_api"} 1');
    expect(body).toContain('corpus_bot_errors_total{kind="answer"} 0');
    expect(body).toContain("corpus_bot_discord_rate_limited_total 1");
    expect(body).toContain('corpus_bot_discord_rate_limit_waits_total{global="false"} 1');
    expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
    const untouched = (await other.exposition()).body;
    expect(untouched).toContain("corpus_bot_discord_rate_limited_total 0");
    expect(untouched).not.toContain("corpus_bot_questions_total{");
  });
});
