import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { verifyAnswer } from "../../retrieval/verify/index.js";
import { runNpmScript } from "../support/runCli.js";

const FILE = "corpus/articles/001_4dd0dec4854082a8.txt";
const TEXT = readFileSync(join(PROJECT_ROOT, FILE), "utf8");
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return { text: phrase, file: FILE, start, end: start + phrase.length, title: "t", score: 0.5 };
};
const answer = (excerpts: { text: string; file: string; start: number; end: number }[], question = "q") => ({ question, answered: excerpts.length > 0, verdict: "answered", searched: question, excerpts });
const good = at("three rockets were fired at the Victoria military base");
const shifted = { ...good, start: good.start + 1, end: good.end + 1 };

describe("verifyAnswer", () => {
  it("passes verbatim excerpts and names each that is not", () => {
    expect(verifyAnswer(answer([good]))).toEqual({ ok: true, checked: 1, problems: [] });
    const result = verifyAnswer(answer([good, shifted, { ...good, file: "corpus/articles/none.txt" }, { ...good, file: "package.json" }, { ...good, end: 10 ** 7 }]));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.at, p.problem])).toEqual([
      ["excerpts[1]", expect.stringMatching(/^the text is not the file's contents at \[\d+, \d+\): quoted "three rockets.*", file has "hree rockets/)],
      ["excerpts[2]", "the file does not exist"],
      ["excerpts[3]", "the file is not an article of the corpus"],
      ["excerpts[4]", expect.stringMatching(/outside the file \(8,513 characters\)|outside the file \(\d+ characters\)/)],
    ]);
  });

  it("checks an engine answer's further passages too", () => {
    expect(verifyAnswer({ excerpts: [good], morePassages: [good, shifted] }).problems.map((p) => p.at)).toEqual(["morePassages[1]"]);
  });
});

describe("npm run verify", () => {
  it("exits 0 when every excerpt of JSON Lines on stdin is verbatim, with a summary", async () => {
    const input = [answer([good, at("a drone attack on the Israeli port city of Eilat")]), answer([])].map((a) => JSON.stringify(a)).join("\n") + "\n";
    const { code, stdout, stderr } = await runNpmScript("verify", [], input);
    expect(stderr).toBe("");
    expect(stdout).toBe("All 2 excerpts of 2 answers are verbatim.\n");
    expect(code).toBe(0);
  });

  it("exits 1 and prints one line per bad excerpt, then the summary (a file argument, pretty-printed JSON)", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const dir = await mkdtemp(join((await import("node:os")).tmpdir(), "verify-"));
    const file = join(dir, "answer.json");
    await writeFile(file, JSON.stringify(answer([good, shifted, { ...good, file: "corpus/articles/gone.txt" }]), null, 2));
    const { code, stdout } = await runNpmScript("verify", [file]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^line 1 excerpts\\[1\\]: ${FILE} \\[${shifted.start}, ${shifted.end}\\): the text is not the file's contents`));
    expect(lines[1]).toBe(`line 1 excerpts[2]: corpus/articles/gone.txt [${good.start}, ${good.end}): the file does not exist`);
    expect(lines[2]).toBe("2 of 3 excerpts of 1 answer are not verbatim.");
    expect(code).toBe(1);
  });

  it.concurrent.each([
    ["no input", "", /No input/],
    ["text that is not JSON", "hello\n", /Line 1 is not JSON/],
    ["JSON that is not an answer", '{"question":"q"}\n', /Line 1 is not an ask --json answer \(excerpts: /],
    ["a bad line among good ones", `${JSON.stringify(answer([good]))}\n{"excerpts":[{"text":"x","file":"f","start":-1,"end":2}]}\n`, /Line 2 is not an ask --json answer/],
  ])("exits 2 for %s", async (_label, input, message) => {
    const { code, stdout, stderr } = await runNpmScript("verify", [], input);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });

  it("exits 2 for a file that does not exist", async () => {
    const { code, stderr } = await runNpmScript("verify", ["no-such-answers.jsonl"]);
    expect(stderr).toMatch(/no-such-answers\.jsonl does not exist/);
    expect(code).toBe(2);
  });
});
