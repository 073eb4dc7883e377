/**
 * Adding and removing articles while the bot answers, end to end: the real bot and engine over a
 * small temp corpus against the Discord stand-in. Articles come in through the command line (another
 * process, picked up without a restart) and through /ingest and /remove-article.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MANAGE_SERVER_NOTICE } from "../../bot/commands/ingest.js";
import { openEngine, PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { AttachmentHost, MEMBER_PERMISSIONS, sendAsMember } from "../support/attachments.js";
import { startHarness, trackUnhandledRejections, within, type BotHarness } from "../support/botHarness.js";
import { expectWithinDiscordLimits, quotesIn, unescapeDiscord } from "../support/discordMessages.js";
import type { RecordedRequest } from "../support/discordStandIn.js";
import { runNpmScript } from "../support/runCli.js";
import { makeTempCorpus, SHORT_SEED, type TempCorpus } from "../support/tempCorpus.js";

const EPHEMERAL = 64;
const PAGES = join(PROJECT_ROOT, "tests", "ingestPages");
const PALMS_QUESTION = "How many palm offshoots did the Basra Agriculture Directorate hand out?";
const ERBIL_QUESTION = "How much does a generator subscription cost for each ampere in Erbil?";

let corpus: TempCorpus;
let engine: Engine;
let harness: BotHarness;
let host: AttachmentHost;
const unhandled = trackUnhandledRejections();

beforeAll(async () => {
  corpus = await makeTempCorpus([SHORT_SEED]);
  engine = await openEngine({ corpusDir: corpus.corpusDir, dataDir: corpus.dataDir });
  harness = await startHarness(engine, { corpusRefreshSeconds: 1 });
  host = await AttachmentHost.start();
});
afterEach(() => {
  expect(unhandled.rejections).toEqual([]);
});
afterAll(async () => {
  await harness?.stop();
  await host?.close();
  unhandled.dispose();
  await corpus?.remove();
});

const callbackOf = (interaction: { id: string; token: string }) => (r: RecordedRequest) =>
  r.method === "POST" && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`;
const editOf = (interaction: { token: string }) => (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`);

let askers = 0;
/** Asks with /ask (each time as someone new, so no question reads as a follow-up) and returns the answer's quotes and the whole embed text. */
async function ask(question: string) {
  const interaction = harness.standIn.sendCommand("ask", { question }, { user: harness.standIn.user(`asker${++askers}`) });
  const edit = await harness.standIn.waitForRequest(editOf(interaction), 60_000);
  expectWithinDiscordLimits(edit.body);
  const description: string = edit.body.embeds[0]?.description ?? "";
  // A refusal quotes nothing.
  const quotes = description.includes("\n> ") || description.startsWith("> ") ? quotesIn(description).map((q) => q.text) : [];
  return { quotes, text: unescapeDiscord(JSON.stringify(edit.body.embeds)) };
}

async function sourcesListed(): Promise<string[]> {
  const interaction = harness.standIn.sendCommand("sources");
  const reply = await harness.standIn.waitForRequest(callbackOf(interaction));
  return reply.body.data.embeds.flatMap((embed: { description: string }) => embed.description.split("\n")).map(unescapeDiscord);
}

/** Waits (bounded) until the bot has picked up a corpus of `articles` articles. */
function refreshedTo(articles: number): Promise<void> {
  const seen = harness.logs.filter((l) => l.event === "corpus-refreshed").length;
  const done = () => harness.logs.filter((l) => l.event === "corpus-refreshed").slice(seen).some((l) => l.articles === articles);
  return within(
    30_000,
    (async () => {
      while (!done()) await new Promise((r) => setTimeout(r, 100));
    })(),
    `the bot picking up a corpus of ${articles} articles`,
  );
}

async function ingestByDiscord(filename: string, options: Record<string, string>, contentType = "text/html", permissions?: string) {
  const attachment = host.add(filename, await readFile(join(PAGES, filename)), contentType);
  const interaction = sendAsMember(harness.standIn, "ingest", { options, attachment, ...(permissions ? { permissions } : {}) });
  return { interaction, attachment };
}

describe("articles added and removed while the bot runs", () => {
  let palmsId: string;
  let erbilId: string;

  it("picks up an article the command line adds while it answers, without a restart", async () => {
    expect(await sourcesListed()).toHaveLength(1);
    const refreshed = refreshedTo(2);
    // The bot answers while another process adds the article.
    const [cli, during] = await Promise.all([
      runNpmScript("ingest", ["--json", join(PAGES, "basra-palms.html")], undefined, corpus.env),
      ask("Who is Esmail Qaani?"),
    ]);
    expect(cli.code).toBe(0);
    palmsId = (JSON.parse(cli.stdout) as { docId: string }).docId;
    expect(during.quotes.join(" ")).toContain("Qaani");
    await refreshed;

    const answer = await ask(PALMS_QUESTION);
    expect(answer.quotes[0]).toContain("12,000 palm offshoots");
    expect(answer.text).toContain("Basra replants its date palms");
    const listed = await sourcesListed();
    expect(listed).toHaveLength(2);
    expect(listed.some((line) => line.includes("Basra replants its date palms") && line.includes("The Gulf Ledger"))).toBe(true);
    // Its actors are known to /actor.
    const actor = harness.standIn.sendCommand("actor", { name: "Asaad al-Eidani" });
    const reply = await harness.standIn.waitForRequest(callbackOf(actor));
    expect(unescapeDiscord(JSON.stringify(reply.body.data.embeds))).toContain("Basra replants its date palms");
  });

  it("refuses /ingest to a member without Manage Server, downloading nothing", async () => {
    const before = await corpus.snapshot();
    const { interaction } = await ingestByDiscord("erbil-cafes-windows-1252.html", { title: "Cafés" }, "text/html", MEMBER_PERMISSIONS);
    const reply = await harness.standIn.waitForRequest(callbackOf(interaction));
    expect(reply.body).toMatchObject({ type: 4, data: { content: MANAGE_SERVER_NOTICE, flags: EPHEMERAL } });
    expect(host.downloads).toEqual([]);
    expect(await corpus.snapshot()).toEqual(before);
  });

  it.each([
    ["a type that is no article", "report.pdf", "application/pdf", undefined, /report\.pdf is not a \.txt, \.md or \.html file/],
    ["an attachment over the size limit", "big.html", "text/html", 5_000_000, /big\.html is 5,000,000 bytes; the limit is 1,048,576/],
  ])("refuses %s before downloading it", async (_label, filename, contentType, claimedSize, message) => {
    const before = await corpus.snapshot();
    const attachment = host.add(filename, Buffer.from("<p>x</p>"), contentType, claimedSize);
    const interaction = sendAsMember(harness.standIn, "ingest", { options: { title: "T" }, attachment });
    const reply = await harness.standIn.waitForRequest(callbackOf(interaction));
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toMatch(message);
    expect(host.downloads).toEqual([]);
    expect(await corpus.snapshot()).toEqual(before);
  });

  it("adds a saved page with /ingest and says what was added, privately; then answers from it", async () => {
    const { interaction, attachment } = await ingestByDiscord("erbil-cafes-windows-1252.html", { title: "Erbil’s café owners count the cost of the power cuts", publisher: "Kurdistan Weekly" });
    const deferral = await harness.standIn.waitForRequest(callbackOf(interaction));
    expect(deferral.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await harness.standIn.waitForRequest(editOf(interaction), 60_000);
    const content = unescapeDiscord(edit.body.content);
    expect(content).toMatch(/^Added \*\*Erbil’s café owners count the cost of the power cuts\*\* \(`(\d{3}_[0-9a-f]{16})`\): [\d,]+ characters, \d+ passages\.\nActors found: .*José Martínez/);
    erbilId = /`(\d{3}_[0-9a-f]{16})`/.exec(content)![1]!;
    expect(host.downloads).toEqual([new URL(attachment.url).pathname]);
    expect(await readdir(corpus.corpusDir)).toContain(`${erbilId}.txt`);

    const answer = await ask(ERBIL_QUESTION);
    expect(answer.quotes.join(" ")).toContain("25,000 dinars");
    // /actor knows the people it names at once, in the process that added it.
    const actor = harness.standIn.sendCommand("actor", { name: "José Martínez" });
    const reply = await harness.standIn.waitForRequest(callbackOf(actor));
    expect(unescapeDiscord(JSON.stringify(reply.body.data.embeds))).toContain("Erbil’s café owners count the cost");
  });

  it("refuses an exact copy with /ingest, changing nothing", async () => {
    const before = await corpus.snapshot();
    const { interaction } = await ingestByDiscord("erbil-cafes-windows-1252.html", { title: "Again" });
    const edit = await harness.standIn.waitForRequest(editOf(interaction), 60_000);
    expect(edit.body.content).toMatch(new RegExp(`already in the corpus as .*${erbilId}\\.txt`));
    expect(await corpus.snapshot()).toEqual(before);
  });

  it("offers titles to /remove-article and removes the chosen one", async () => {
    const typing = sendAsMember(harness.standIn, "remove-article", { options: { article: "café" }, focused: "article" });
    const offered = await harness.standIn.waitForRequest(callbackOf(typing));
    expect(offered.body.type).toBe(8);
    expect(offered.body.data.choices).toEqual([{ name: expect.stringContaining("Erbil’s café owners count the cost"), value: erbilId }]);
    // A member who may not remove articles is offered none.
    const stranger = sendAsMember(harness.standIn, "remove-article", { options: { article: "" }, focused: "article", permissions: MEMBER_PERMISSIONS });
    expect((await harness.standIn.waitForRequest(callbackOf(stranger))).body.data.choices).toEqual([]);

    const interaction = sendAsMember(harness.standIn, "remove-article", { options: { article: erbilId } });
    const edit = await harness.standIn.waitForRequest(editOf(interaction), 60_000);
    expect(unescapeDiscord(edit.body.content)).toBe(`Removed **Erbil’s café owners count the cost of the power cuts** (\`${erbilId}\`); it is no longer quoted.`);
    expect(await readdir(corpus.corpusDir)).not.toContain(`${erbilId}.txt`);
    expect((await sourcesListed()).some((line) => line.includes("Erbil"))).toBe(false);
    expect((await ask(ERBIL_QUESTION)).quotes.join(" ")).not.toContain("25,000 dinars");
  });

  it("drops an article the command line removes", async () => {
    const refreshed = refreshedTo(1);
    const cli = await runNpmScript("ingest", ["--remove", palmsId], undefined, corpus.env);
    expect(cli.code).toBe(0);
    await refreshed;
    expect(await sourcesListed()).toHaveLength(1);
    expect((await ask(PALMS_QUESTION)).quotes.join(" ")).not.toContain("12,000 palm offshoots");
  });
});
