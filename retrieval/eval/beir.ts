import { readFile } from "node:fs/promises";
import { access } from "node:fs/promises";
import { basename, join } from "node:path";
import { z } from "zod";
import type { Document } from "../types.js";

/** A BEIR-format retrieval benchmark: documents, queries and binary relevance judgments. */
export interface BeirDataset {
  name: string;
  docs: Document[];
  /** Where each document's own text starts in `Document.text` (after its title line). */
  bodyStart: Map<string, number>;
  queries: BeirQuery[];
  split: string;
}

export interface BeirQuery {
  id: string;
  text: string;
  relevant: Set<string>;
  /** Gold answer strings, when the dataset has them (SQuAD). */
  answers: string[];
  /** Where the gold answers stand in their document's `Document.text`, when the dataset says (SQuAD's `answer_start`). */
  answerSpans: AnswerSpan[];
}

export interface AnswerSpan {
  docId: string;
  start: number;
  end: number;
}

const corpusLine = z.object({ _id: z.string(), title: z.string().default(""), text: z.string() });
const queryLine = z.object({
  _id: z.string(),
  text: z.string(),
  metadata: z
    .object({
      paragraph_id: z.string().optional(),
      answers: z.array(z.object({ text: z.string(), answer_start: z.number().int().nonnegative().optional() })).optional(),
    })
    .loose()
    .optional(),
});

function parseJsonl<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Loads `corpus.jsonl`, `queries.jsonl` and `qrels/<split>.tsv` (test, else dev). Each document
 * is its title on one line, then its text, as BEIR indexes "title + text".
 */
export async function loadBeirDataset(dir: string, split?: string): Promise<BeirDataset> {
  const chosen = split ?? ((await exists(join(dir, "qrels", "test.tsv"))) ? "test" : "dev");
  const qrelsFile = join(dir, "qrels", `${chosen}.tsv`);
  for (const file of [join(dir, "corpus.jsonl"), join(dir, "queries.jsonl"), qrelsFile]) {
    if (!(await exists(file))) throw new Error(`${file} is missing: --dataset must be a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv or qrels/dev.tsv).`);
  }
  const bodyStart = new Map<string, number>();
  const docs = parseJsonl(await readFile(join(dir, "corpus.jsonl"), "utf8"), corpusLine, "corpus.jsonl").map((d): Document => {
    const title = d.title.replace(/_/g, " ").trim();
    const head = title ? `${title}\n` : "";
    bodyStart.set(d._id, head.length);
    const text = head + d.text;
    return { id: d._id, file: `corpus.jsonl#${d._id}`, title: title || d._id, text, regions: [{ start: 0, end: text.length }] };
  });
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const relevant = new Map<string, Set<string>>();
  for (const line of (await readFile(qrelsFile, "utf8")).split("\n").slice(1)) {
    const [query, doc, score] = line.trim().split("\t");
    if (!query || !doc || Number(score) <= 0) continue;
    if (!relevant.has(query)) relevant.set(query, new Set());
    relevant.get(query)!.add(doc);
  }
  const queries = parseJsonl(await readFile(join(dir, "queries.jsonl"), "utf8"), queryLine, "queries.jsonl")
    .filter((q) => relevant.has(q._id))
    .map((q) => {
      const relevantDocs = relevant.get(q._id)!;
      // answer_start counts from the start of the paragraph's own text, after the title line added above.
      const docId = q.metadata?.paragraph_id ?? (relevantDocs.size === 1 ? [...relevantDocs][0]! : undefined);
      const head = docId === undefined ? undefined : bodyStart.get(docId);
      const answerSpans = (q.metadata?.answers ?? []).flatMap((a) => {
        if (docId === undefined || head === undefined || a.answer_start === undefined) return [];
        const span = { docId, start: head + a.answer_start, end: head + a.answer_start + a.text.length };
        if (textOf.get(docId)!.slice(span.start, span.end) !== a.text) {
          throw new Error(`queries.jsonl: query ${q._id}: answer_start ${a.answer_start} does not point at "${a.text}" in ${docId}.`);
        }
        return [span];
      });
      return { id: q._id, text: q.text, relevant: relevantDocs, answers: [...new Set(q.metadata?.answers?.map((a) => a.text) ?? [])], answerSpans };
    });
  const name = basename(dir) === "beir-format" ? basename(join(dir, "..")) : basename(dir);
  return { name, docs, bodyStart, queries, split: chosen };
}
