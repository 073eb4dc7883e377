import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNpmScript } from "../support/runCli.js";

// A tiny BEIR-format folder: each query is about exactly one document.
const DOCS = [
  { _id: "d1", title: "Volcanoes", text: "Basaltic lava flows from shield volcanoes such as Mauna Loa in Hawaii." },
  { _id: "d2", title: "Honeybees", text: "A hive holds tens of thousands of worker bees. Honeybee colonies communicate the location of nectar with a waggle dance." },
  { _id: "d3", title: "Glaciers", text: "Glaciers carve U-shaped valleys as compacted snow slowly flows downhill." },
  { _id: "d4", title: "Tides", text: "Ocean tides rise and fall twice a day under the pull of the Moon." },
];
// Answers as SQuAD gives them: the text and where it starts in its paragraph.
const answer = (docId: string, text: string) => ({ text, answer_start: DOCS.find((d) => d._id === docId)!.text.indexOf(text) });
const QUERIES = [
  { _id: "q1", text: "How do honeybees tell each other where nectar is?", metadata: { paragraph_id: "d2", answers: [answer("d2", "waggle dance")] } },
  { _id: "q2", text: "Which shield volcano is in Hawaii?", metadata: { paragraph_id: "d1", answers: [answer("d1", "Mauna Loa")] } },
  { _id: "q3", text: "What shapes valleys carved by glaciers?", metadata: { paragraph_id: "d3", answers: [answer("d3", "U-shaped")] } },
];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "beir-"));
  await mkdir(join(dir, "qrels"));
  await writeFile(join(dir, "corpus.jsonl"), DOCS.map((d) => JSON.stringify(d)).join("\n") + "\n");
  await writeFile(join(dir, "queries.jsonl"), QUERIES.map((q) => JSON.stringify(q)).join("\n") + "\n");
  await writeFile(join(dir, "qrels", "dev.tsv"), "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t1\nq3\td3\t1\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run eval", () => {
  it("prints the benchmark figures for a BEIR folder as one JSON object", async () => {
    const { code, stdout, stderr } = await runNpmScript("eval", ["--dataset", dir, "--json"], undefined, { DATA_DIR: join(dir, "data") });
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ docs: 4, queries: 3, split: "dev", mode: "hybrid" });
    for (const key of ["dataset", "ndcg@10", "recall@100", "mrr@10", "index_s", "query_p50_ms"]) expect(report).toHaveProperty(key);
    // Every query names its document in plain words: a working engine ranks it first.
    expect(report["ndcg@10"]).toBe(1);
    expect(report["recall@1"]).toBe(1);
    expect(report["answer_contains_gold"]).toBeGreaterThanOrEqual(2 / 3);
    // Given its paragraph, each question's best sentence is the one holding the answer span, not the hive's size.
    expect(report["answer_sentence_given_paragraph"]).toBe(1);
    // With its source article left out, no other document answers a question: each is refused.
    expect(report["answered_without_source_article"]).toBe(0);
  });

  it("rejects an answer_start that does not point at the answer", async () => {
    const bad = await mkdtemp(join(tmpdir(), "beir-bad-"));
    try {
      await mkdir(join(bad, "qrels"));
      await writeFile(join(bad, "corpus.jsonl"), DOCS.map((d) => JSON.stringify(d)).join("\n") + "\n");
      await writeFile(join(bad, "queries.jsonl"), JSON.stringify({ ...QUERIES[1], metadata: { paragraph_id: "d1", answers: [{ text: "Mauna Loa", answer_start: 3 }] } }) + "\n");
      await writeFile(join(bad, "qrels", "dev.tsv"), "query-id\tcorpus-id\tscore\nq2\td1\t1\n");
      const { code, stderr } = await runNpmScript("eval", ["--dataset", bad, "--json"], undefined, { DATA_DIR: join(bad, "data") });
      expect(code).toBe(1);
      expect(stderr).toMatch(/query q2: answer_start 3 does not point at "Mauna Loa" in d1/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it("says what a BEIR folder must hold when it is not one", async () => {
    const { code, stderr } = await runNpmScript("eval", ["--dataset", join(dir, "qrels"), "--json"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/corpus\.jsonl is missing: --dataset must be a BEIR folder/);
  });

  it("rejects an unknown mode with the usage", async () => {
    const { code, stderr } = await runNpmScript("eval", ["--dataset", dir, "--mode", "magic"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--mode must be hybrid, dense or bm25/);
  });
});
