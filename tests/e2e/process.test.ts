/**
 * `npm start` and `npm run start:sharded` as real processes against the Discord stand-in: the engine
 * is open before login, the bot answers, and SIGTERM finishes the answer in flight before exiting.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { TEST_TOKEN, within, type LogLine } from "../support/botHarness.js";
import { DiscordStandIn, type RecordedRequest } from "../support/discordStandIn.js";

interface BotProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  logs(): LogLine[];
  exit: Promise<number | null>;
}

const running: { standIn: DiscordStandIn; bot: BotProcess }[] = [];
const TSX_LOADER = pathToFileURL(join(PROJECT_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const emptyDir = mkdtempSync(join(tmpdir(), "bot-process-"));

function startProcess(script: string, standIn: DiscordStandIn, extraEnv: NodeJS.ProcessEnv = {}): BotProcess {
  // From an empty folder, so a developer's .env cannot change what is tested.
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(PROJECT_ROOT, "bot", script)], {
    cwd: emptyDir,
    env: {
      ...extraEnv,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DATA_DIR: join(PROJECT_ROOT, ".cache", "test-data"),
      LOG_LEVEL: "info",
      ASK_COOLDOWN_SECONDS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk.toString("utf8")));
  const stderr: string[] = [];
  let partial = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop()!;
    stderr.push(...lines.filter((line) => line.length > 0));
  });
  const exit = once(child, "exit").then(([code]) => code as number | null);
  return { child, stdout, stderr, exit, logs: () => stderr.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as LogLine) };
}

afterEach(async () => {
  for (const { standIn, bot } of running.splice(0)) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill("SIGKILL");
      await bot.exit;
    }
    await standIn.close();
  }
});

/** Resolves once the process has logged `event`, checking as its output arrives. */
async function loggedEvent(bot: BotProcess, event: string, ms: number): Promise<LogLine> {
  const find = () => bot.logs().find((line) => line.event === event);
  return within(
    ms,
    new Promise<LogLine>((resolve) => {
      const check = () => {
        const line = find();
        if (!line) return;
        bot.child.stderr!.off("data", check);
        resolve(line);
      };
      bot.child.stderr!.on("data", check);
      check();
    }),
    `the log event ${event}`,
  );
}

/**
 * Asks once the bot is connected and sends SIGTERM while the answer is in flight (the stand-in
 * holds the deferral unanswered until the bot has logged that it is shutting down); the answer
 * must still arrive, and the process exit cleanly.
 */
async function askThenTerminate(standIn: DiscordStandIn, bot: BotProcess, whileRunning?: () => Promise<void>): Promise<void> {
  await within(60_000, standIn.nextSessionReady(), "the bot connecting");
  // The client is ready once it has the guild; a round trip through /help proves it is handling events.
  const help = standIn.sendCommand("help");
  await within(20_000, standIn.waitForRequest((r) => r.path.includes(`/${help.token}/`), 20_000), "the /help reply");
  await whileRunning?.();

  const deferral = standIn.stallNext("POST", /\/callback$/);
  const ask = standIn.sendCommand("ask", { question: "Who is Esmail Qaani?" });
  await within(10_000, deferral.arrived, "the deferral");
  bot.child.kill("SIGTERM");
  const shutdown = await loggedEvent(bot, "shutdown", 10_000);
  expect(shutdown.inFlight).toBe(1);
  deferral.release();

  expect(await within(30_000, bot.exit, "the process exiting")).toBe(0);
  const isEdit = (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${ask.token}/messages/@original`) && r.status === 200;
  expect(standIn.requests.filter(isEdit)).toHaveLength(1);
  expect(bot.stderr.join("\n")).not.toContain(TEST_TOKEN);
}

describe("npm start", () => {
  it("opens the engine before logging in, answers, and finishes the answer in flight on SIGTERM", async () => {
    const standIn = await DiscordStandIn.start();
    const bot = startProcess("main.ts", standIn);
    running.push({ standIn, bot });
    await askThenTerminate(standIn, bot);

    const events = bot.logs().map((line) => line.event);
    const order = ["engine-opening", "engine-ready", "ready", "signal", "shutdown", "disconnected"].map((event) => events.indexOf(event));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

/** A port nothing listens on now: the system's pick for port 0, released. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until it answers 200 (the process may still be starting), giving that answer's body. */
async function firstOk(url: string): Promise<unknown> {
  for (;;) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.status === 200) return response.json();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm run start:sharded", () => {
  it("runs the bot as a shard under the ShardingManager, serving /healthz on HEALTH_PORT + its shard id, and stops it on SIGTERM", async () => {
    const standIn = await DiscordStandIn.start();
    const healthPort = await freePort();
    const bot = startProcess("sharded.ts", standIn, { HEALTH_PORT: String(healthPort) });
    running.push({ standIn, bot });
    // Shard 0 serves on HEALTH_PORT itself; were the manager listening there too, the shard could not start.
    // Asked while the shard is up and answering: polling raced the question and the SIGTERM after it.
    await askThenTerminate(standIn, bot, async () => {
      const healthy = await within(20_000, firstOk(`http://127.0.0.1:${healthPort}/healthz`), "shard 0's /healthz");
      expect(healthy).toMatchObject({ status: "ok", gateway: { connected: true, shards: [{ id: 0 }] } });
    });

    const identify = standIn.gatewayOps.indexOf(2);
    expect(identify).toBeGreaterThanOrEqual(0);
    expect(bot.logs().some((line) => line.event === "shard-created" && line.shard === 0 && line.healthPort === healthPort)).toBe(true);
    expect(bot.logs().filter((line) => line.event === "health-server-started").map((line) => line.port)).toEqual([healthPort]);
    expect(bot.logs().some((line) => line.event === "health-server-stopped")).toBe(true);
  });
});

describe("npm run register", () => {
  it("registers the commands to the configured server and prints what it registered", async () => {
    const standIn = await DiscordStandIn.start();
    const register = startProcess("register.ts", standIn, { DISCORD_APP_ID: standIn.applicationId, DISCORD_GUILD_ID: standIn.guildId });
    running.push({ standIn, bot: register });
    expect(await within(30_000, register.exit, "registering")).toBe(0);
    expect(register.stdout.join("")).toBe(`Registered 7 commands in server ${standIn.guildId} (visible now): /ask, /actor, /sources, /help, /ingest, /remove-article, /settings\n`);
    const put = standIn.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`);
  });

  it("says DISCORD_APP_ID is needed when it is not set", async () => {
    const standIn = await DiscordStandIn.start();
    const register = startProcess("register.ts", standIn);
    running.push({ standIn, bot: register });
    expect(await within(30_000, register.exit, "register exiting")).toBe(1);
    expect(register.stderr.join("\n")).toMatch(/^DISCORD_APP_ID is not set: /);
    expect(standIn.requests).toEqual([]);
  });
});
