import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { runNpmScript } from "../support/runCli.js";
import { makeTempCorpus, SHORT_SEED, type TempCorpus } from "../support/tempCorpus.js";

// The JSON contract other tools rely on, exactly.
const addedSchema = z.strictObject({
  file: z.string(),
  docId: z.string().regex(/^\d{3}_[0-9a-f]{16}$/),
  characters: z.number().int().positive(),
  chunks: z.number().int().nonnegative(),
  duplicateOf: z.string().optional(),
});
const removedSchema = z.strictObject({ file: z.string(), docId: z.string(), removed: z.literal(true) });
const manifestSchema = z.object({ files: z.record(z.string(), z.string()), counts: z.object({ chunks: z.number(), sentences: z.number() }) });

const PAGES = join(PROJECT_ROOT, "tests", "ingestPages");
const PROSE =
  "The council met on Monday to discuss the new bridge over the river. Engineers said the work would take two years and cost more than planned. " +
  "Residents asked for a footpath on both sides, and the mayor agreed to study the idea before the next meeting.";

let corpus: TempCorpus;
let scratch: string;
const ingest = (args: string[], env: NodeJS.ProcessEnv = {}) => runNpmScript("ingest", args, undefined, { ...corpus.env, LOG_LEVEL: "info", ...env });
const scratchFile = async (name: string, body: string | Uint8Array) => {
  const path = join(scratch, name);
  await writeFile(path, body);
  return path;
};
async function currentManifest() {
  const index = join(corpus.dataDir, "index");
  const current = (await readFile(join(index, "CURRENT"), "utf8")).trim();
  return manifestSchema.parse(JSON.parse(await readFile(join(index, current, "manifest.json"), "utf8")));
}
/** The `index.built` log line: how many vectors were reused rather than embedded. */
function buildLog(stderr: string) {
  const line = stderr.split("\n").find((l) => l.includes('"index.built"'));
  return z.object({ chunks: z.number(), sentences: z.number(), reusedVectors: z.number() }).parse(JSON.parse(line!));
}

let basra: z.infer<typeof addedSchema>;
let basraRun: Awaited<ReturnType<typeof ingest>>;

beforeAll(async () => {
  corpus = await makeTempCorpus([SHORT_SEED]);
  scratch = join(corpus.root, "scratch");
  await (await import("node:fs/promises")).mkdir(scratch);
  // The first add builds the index of the seed article and the new one; later adds embed only theirs.
  basraRun = await ingest(["--json", join(PAGES, "basra-palms.html")]);
  basra = addedSchema.parse(JSON.parse(basraRun.stdout));
});
afterAll(async () => {
  await corpus.remove();
});

describe("npm run ingest: adding", () => {
  it("adds a saved page: prints the JSON contract, stores its article text and metadata, indexes it", async () => {
    expect(basraRun.code).toBe(0);
    expect(basra).toEqual({ file: expect.stringMatching(/corpus\/articles\/001_[0-9a-f]{16}\.txt$/), docId: expect.stringMatching(/^001_/), characters: expect.any(Number), chunks: expect.any(Number) });
    const stored = resolve(PROJECT_ROOT, basra.file);
    expect(stored).toBe(join(corpus.corpusDir, `${basra.docId}.txt`));
    const text = await readFile(stored, "utf8");
    expect(text.length).toBe(basra.characters);
    expect(text).toMatch(/^Basra replants its date palms after decades of war and drought\n\nFarmers along the Shatt al-Arab/);
    expect(text).not.toContain("Related stories");
    expect(JSON.parse(await readFile(join(corpus.corpusDir, `${basra.docId}.meta.json`), "utf8"))).toEqual({
      title: "Basra replants its date palms after decades of war and drought",
      publisher: "The Gulf Ledger",
      date: "2024-10-03",
      originalFile: "basra-palms.html",
    });
    expect(Object.keys((await currentManifest()).files).sort()).toEqual([`corpus/articles/${SHORT_SEED}.txt`, `corpus/articles/${basra.docId}.txt`].map((f) => expect.stringContaining(f)));
  });

  it("finds the actors the new article names: `actor` looks them up in it", async () => {
    const { code, stdout } = await runNpmScript("actor", ["--json", "Asaad al-Eidani"], undefined, corpus.env);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { found: boolean; actor: { articles?: { file: string }[] } & Record<string, unknown> };
    expect(answer.found).toBe(true);
    expect(JSON.stringify(answer.actor)).toContain(basra.docId);
  });

  it("marks and reports a near-copy (a Markdown file)", async () => {
    const seed = await readFile(join(corpus.corpusDir, `${SHORT_SEED}.txt`), "utf8");
    // Most of the seed article's paragraphs, retitled: a near-copy, not an exact one.
    const paragraphs = seed.split("\n").filter((p) => p.trim() !== "");
    expect(paragraphs.length).toBeGreaterThan(4);
    const md = await scratchFile("copy.md", `# Militias and Hezbollah, a retelling\n\n${paragraphs.slice(0, -1).join("\n\n")}\n`);
    const run = await ingest(["--json", md]);
    expect(run.stderr).not.toMatch(/"level":"error"/);
    expect(run.code).toBe(0);
    const added = addedSchema.parse(JSON.parse(run.stdout));
    expect(added.duplicateOf).toBe(SHORT_SEED);
    // Every paragraph it shares is answered from the original: none of its own is indexed.
    expect(added.chunks).toBe(0);
    expect(JSON.parse(await readFile(join(corpus.corpusDir, `${added.docId}.meta.json`), "utf8"))).toMatchObject({ title: "Militias and Hezbollah, a retelling" });
    // Readable output says the same.
    const text = await ingest(["--remove", added.docId]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Removed .*${added.docId}\\.txt \\(${added.docId}\\): “Militias and Hezbollah, a retelling”\\.\\n$`));
  });

  it("two ingests at once both land, one building after the other", async () => {
    const a = await scratchFile("a.txt", `Bridge vote\n\n${PROSE}\n`);
    const b = await scratchFile("b.txt", `Market fire\n\nA fire broke out in the old market on Friday night and burned for six hours before crews put it out. Nobody was hurt, but forty stalls were lost, and traders say the stock was not insured.\n`);
    const [runA, runB] = await Promise.all([ingest(["--json", a, "--title", "Bridge vote"]), ingest(["--json", b, "--title", "Market fire", "--date", "2024-06-01"])]);
    expect([runA.code, runB.code]).toEqual([0, 0]);
    const [addedA, addedB] = [addedSchema.parse(JSON.parse(runA.stdout)), addedSchema.parse(JSON.parse(runB.stdout))];
    expect(addedA.docId).not.toBe(addedB.docId);
    const files = Object.keys((await currentManifest()).files);
    for (const added of [addedA, addedB, basra]) expect(files.some((f) => f.endsWith(`/${added.docId}.txt`))).toBe(true);
    // Generations no longer current are deleted.
    const current = (await readFile(join(corpus.dataDir, "index", "CURRENT"), "utf8")).trim();
    expect((await readdir(join(corpus.dataDir, "index"))).filter((n) => n.startsWith("gen-"))).toEqual([current]);
  });
});

describe("npm run ingest: removing", () => {
  it("embeds only the new article when adding, nothing when removing (by file path), and the index no longer has it", async () => {
    const beforeAdd = await currentManifest();
    const addRun = await ingest(["--json", join(PAGES, "erbil-cafes-windows-1252.html")]);
    const added = addedSchema.parse(JSON.parse(addRun.stdout));
    const before = await currentManifest();
    const addLog = buildLog(addRun.stderr);
    expect(addLog.reusedVectors).toBe(beforeAdd.counts.chunks + beforeAdd.counts.sentences);
    expect(addLog.chunks + addLog.sentences - addLog.reusedVectors).toBe(before.counts.chunks + before.counts.sentences - addLog.reusedVectors);
    expect(before.counts.chunks - beforeAdd.counts.chunks).toBe(added.chunks);
    const run = await ingest(["--json", "--remove", resolve(PROJECT_ROOT, added.file)]);
    expect(run.code).toBe(0);
    expect(removedSchema.parse(JSON.parse(run.stdout))).toEqual({ file: added.file, docId: added.docId, removed: true });
    expect(await readdir(corpus.corpusDir)).not.toContain(`${added.docId}.txt`);
    expect(await readdir(corpus.corpusDir)).not.toContain(`${added.docId}.meta.json`);
    const after = await currentManifest();
    expect(Object.keys(after.files).some((f) => f.includes(added.docId))).toBe(false);
    expect(buildLog(run.stderr).reusedVectors).toBe(after.counts.chunks + after.counts.sentences);
    expect(after.counts.chunks).toBeLessThan(before.counts.chunks);
  });
});

describe("npm run ingest: bad input exits 2, says why, and changes nothing", () => {
  const cases: [string, () => Promise<string[]>, RegExp, NodeJS.ProcessEnv?][] = [
    ["a missing file", async () => [join(scratch, "nope.txt"), "--title", "T"], /nope\.txt does not exist/],
    ["an empty file", async () => [await scratchFile("empty.txt", ""), "--title", "T"], /empty\.txt is empty/],
    ["a binary file", async () => [await scratchFile("image.html", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), "--title", "T"], /binary/],
    ["a page with no prose left", async () => [await scratchFile("nav.html", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav><footer>© 2024 Site</footer></body></html>")], /no article prose/],
    ["a file over the limit (--max-bytes)", async () => [await scratchFile("long.txt", PROSE.repeat(5)), "--title", "T", "--max-bytes", "500"], /limit is 500/],
    ["a file over the limit (INGEST_MAX_BYTES)", async () => [await scratchFile("long.txt", PROSE.repeat(5)), "--title", "T"], /limit is 600/, { INGEST_MAX_BYTES: "600" }],
    ["no title", async () => [await scratchFile("untitled.txt", PROSE)], /no title/],
    ["a malformed date", async () => [await scratchFile("dated.txt", PROSE), "--title", "T", "--date", "2024-02-30"], /"2024-02-30" is not a date written YYYY-MM-DD/],
    ["an exact copy of an article", async () => [await scratchFile("again.txt", await readFile(join(corpus.corpusDir, `${SHORT_SEED}.txt`), "utf8")), "--title", "Again"], /already in the corpus as .*000_966e691ecd31137f\.txt/],
    ["an exact copy of a saved page already added", async () => [join(PAGES, "basra-palms.html")], /already in the corpus/],
    ["an unsupported type", async () => [await scratchFile("paper.pdf", "%PDF-1.7 ..."), "--title", "T"], /not a \.txt, \.md or \.html/],
    ["removing an article that is not there", async () => ["--remove", "999_0000000000000000"], /No article "999_0000000000000000"/],
    ["no file", async () => ["--title", "T"], /No file given/],
    ["a file and --remove", async () => [await scratchFile("x.txt", PROSE), "--remove", SHORT_SEED], /not both/],
  ];
  // They run side by side: none may change anything, so none can disturb another's comparison.
  it.concurrent.each(cases)("%s", async (_label, args, message, env) => {
    const before = await corpus.snapshot();
    const { code, stdout, stderr } = await ingest(await args(), env);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const after = await corpus.snapshot();
    // Only the scratch files the test wrote itself may differ.
    const notScratch = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([path]) => !path.startsWith("scratch")));
    expect(notScratch(after)).toEqual(notScratch(before));
    expect(Object.keys(notScratch(before)).some((p) => p.startsWith("data/index/gen-"))).toBe(true);
  });
});
