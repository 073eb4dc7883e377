import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { openTestEngine } from "../support/testEngine.js";
import { runNpmScript } from "../support/runCli.js";

// The JSON contract other tools rely on, exactly.
const excerptSchema = z.strictObject({ text: z.string(), file: z.string(), start: z.number().int(), end: z.number().int(), title: z.string(), score: z.number() });
const answerSchema = z.strictObject({
  question: z.string(),
  answered: z.boolean(),
  verdict: z.enum(["answered", "related", "none"]),
  searched: z.string(),
  excerpts: z.array(excerptSchema),
});

async function expectVerbatim(excerpts: z.infer<typeof excerptSchema>[]) {
  for (const e of excerpts) expect((await readFile(join(PROJECT_ROOT, e.file), "utf8")).slice(e.start, e.end)).toBe(e.text);
}

beforeAll(async () => {
  await openTestEngine(); // builds the shared index once, so the CLI runs below only load it
});

describe("npm run ask", () => {
  it("--json prints one answer object with verbatim excerpts", async () => {
    const { code, stdout } = await runNpmScript("ask", ["--json", "Who is Esmail Qaani?"]);
    expect(code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(stdout));
    expect(answer).toMatchObject({ question: "Who is Esmail Qaani?", answered: true });
    expect(answer.excerpts[0]!.text).toContain("Quds Force commander Esmail Qaani");
    expect(answer.excerpts[0]!.file).toMatch(/^corpus\/articles\/001_/);
    await expectVerbatim(answer.excerpts);
  });

  it("--json with no question answers each stdin line as JSON Lines", async () => {
    const input = "Who represents Hamas in Baghdad?\n\nWhat is the recipe for a chocolate cake?\n?!?\nWhere was Khafaji's funeral held?\n";
    const { code, stdout } = await runNpmScript("ask", ["--json"], input);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const [hamas, cake, bad, funeral] = lines;
    expect(answerSchema.parse(hamas).excerpts[0]!.text).toContain("Mohammed al-Hafi");
    expect(answerSchema.parse(cake)).toEqual({ question: "What is the recipe for a chocolate cake?", answered: false, verdict: "none", searched: "What is the recipe for a chocolate cake?", excerpts: [] });
    expect(bad).toMatchObject({ question: "?!?", answered: false, excerpts: [], error: expect.stringMatching(/no words/) });
    expect(answerSchema.parse(funeral).excerpts[0]!.text).toContain("Najaf");
    await expectVerbatim([hamas, funeral].flatMap((l) => answerSchema.parse(l).excerpts));
    // One bad line makes the exit status say so, after every line was answered.
    expect(code).toBe(2);
  });

  it("prints a readable answer with numbered citations and sources", async () => {
    const { code, stdout } = await runNpmScript("ask", ["Which Iraqi city is the resistance focusing on because of its strategic importance?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\[1\] “.*Haifa.*”$/m);
    expect(stdout).toMatch(/^Sources:\n\[1\] Iraqi militias open a cautious front to help Hezbollah — Al Majalla \(corpus\/articles\/001_[0-9a-f]+\.txt\)$/m);
  });

  it("says why a related answer is not confirmed, naming what the articles never mention", async () => {
    const { code, stdout } = await runNpmScript("ask", ["when did iraq order the cheongung system from japan"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The articles touch on this, but none of the passages found states what the question asks \(none mentions japan\)\. The closest passages:$/m);
    expect(stdout).toMatch(/^\[1\] “.*Cheongung.*”$/m);
  });

  it.each([
    ["an empty question", [""], /question is empty/],
    ["a 1,200-character question", ["why ".repeat(300)], /limit is 1,000/],
    ["only punctuation", ["--json", "?!"], /no words/],
    ["no question", [], /No question given/],
    ["an unknown flag", ["--frobnicate"], /Unknown option/],
  ])("exits non-zero with a clear message for %s", async (_label, args, message) => {
    const { code, stdout, stderr } = await runNpmScript("ask", args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });
});
