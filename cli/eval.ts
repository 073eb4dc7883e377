import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { bestSentenceInDocument, composeAnswer, PROJECT_ROOT, scoreQuestion } from "../retrieval/engine.js";
import { createEmbedder, embedderConfigFromEnv } from "../retrieval/embed/createEmbedder.js";
import { openSearchCore, type SearchCore } from "../retrieval/searchCore.js";
import { loadBeirDataset, type BeirDataset } from "../retrieval/eval/beir.js";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "../retrieval/eval/metrics.js";
import { stderrProgress } from "./progress.js";

const USAGE = `Usage: npm run --silent eval -- --dataset <BEIR folder> [--json] [--mode hybrid|dense|bm25] [--split test|dev] [--limit N] [--answers]
  --answers  also score the extracted answer: does the top excerpt contain a gold answer (SQuAD),
             and is the question refused once its source article is left out`;

const flagsSchema = z.object({
  dataset: z.string().min(1, { error: "--dataset needs a folder" }).optional(),
  json: z.boolean().default(false),
  mode: z.enum(["hybrid", "dense", "bm25"], { error: "--mode must be hybrid, dense or bm25" }).default("hybrid"),
  split: z.string().optional(),
  limit: z.coerce.number({ error: "--limit must be a number" }).int().positive().optional(),
  answers: z.boolean().default(false),
  help: z.boolean().default(false),
});

/** Each signal alone, for comparison with the hybrid default; "bm25" keeps the document-level BM25. */
const WEIGHTS = { hybrid: undefined, dense: { dense: 1, lexical: 0, documentLexical: 0 }, bm25: { dense: 0, lexical: 0.5, documentLexical: 0.5 } } as const;
/** Chunks fetched per list: enough that the top 100 documents are all ranked. */
const EVAL_DEPTH = 400;

/** Documents ranked by their best chunk. */
function rankDocuments(core: SearchCore, hits: { chunk: number }[]): string[] {
  const seen = new Set<string>();
  for (const hit of hits) seen.add(core.chunks[hit.chunk]!.docId);
  return [...seen];
}

async function main(): Promise<number> {
  const flags = readFlags(() => {
    const { values } = parseArgs({
      options: {
        dataset: { type: "string" },
        json: { type: "boolean" },
        mode: { type: "string" },
        split: { type: "string" },
        limit: { type: "string" },
        answers: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    return flagsSchema.parse(values);
  }, USAGE);
  if (typeof flags === "number") return flags;
  if (!flags.dataset) {
    process.stderr.write(`--dataset <folder> is required.\n${USAGE}\n`);
    return 2;
  }
  const dir = resolve(flags.dataset);
  const dataset: BeirDataset = await loadBeirDataset(dir, flags.split);
  const logger = cliLogger();
  const embedder = await createEmbedder(embedderConfigFromEnv(process.env), { logger });
  const corpusHash = createHash("sha256").update(await readFile(join(dir, "corpus.jsonl"))).digest("hex");
  const withAnswers = flags.answers || dataset.queries.some((q) => q.answers.length > 0);

  const indexStarted = performance.now();
  const core = await openSearchCore(dataset.docs, {
    indexDir: join(resolve(PROJECT_ROOT, process.env.DATA_DIR?.trim() || "data"), "eval", `${dataset.name}-${corpusHash.slice(0, 12)}`),
    embedder,
    files: { "corpus.jsonl": corpusHash },
    embedSentences: withAnswers,
    logger,
    onProgress: stderrProgress(),
  });
  const indexSeconds = (performance.now() - indexStarted) / 1000;

  const queries = flags.limit ? dataset.queries.slice(0, flags.limit) : dataset.queries;
  const ndcg: number[] = [];
  const recall: number[] = [];
  const recall1: number[] = [];
  const mrr: number[] = [];
  const latency: number[] = [];
  let answerHits = 0;
  let refused = 0;
  // Sentence selection apart from retrieval and refusal: the best-scoring sentence, answered or not,
  // and the answer when the gold paragraph ranked first.
  let bestSentenceHits = 0;
  let topParagraphQueries = 0;
  let topParagraphHits = 0;
  // With the gold paragraph given (SQuAD's answer_start spans): does the best sentence hold a gold span?
  let givenParagraphQueries = 0;
  let givenParagraphHits = 0;
  // Asked again with every document of the source article left out: an honest engine refuses.
  let answeredWithoutSource = 0;
  const articleDocs = new Map<string, Set<string>>();
  for (const doc of core.docs) articleDocs.set(doc.title, (articleDocs.get(doc.title) ?? new Set()).add(doc.id));
  const progress = stderrProgress();
  for (const [i, query] of queries.entries()) {
    const started = performance.now();
    const scores = await scoreQuestion(core, embedder, query.text, { depth: EVAL_DEPTH, ...(WEIGHTS[flags.mode] ? { weights: WEIGHTS[flags.mode] } : {}) });
    latency.push(performance.now() - started);
    const ranked = rankDocuments(core, scores.hits);
    ndcg.push(ndcgAt(10, ranked, query.relevant));
    recall.push(recallAt(100, ranked, query.relevant));
    recall1.push(recallAt(1, ranked, query.relevant));
    mrr.push(reciprocalRankAt(10, ranked, query.relevant));
    if (withAnswers) {
      const answer = composeAnswer(core, scores);
      if (!answer.answered) refused++;
      const top = answer.excerpts[0]?.text.toLowerCase() ?? "";
      const holdsGold = (text: string) => query.answers.some((a) => text.includes(a.toLowerCase()));
      if (holdsGold(top)) answerHits++;
      const best = scores.best ? core.sentences[scores.best.sentence] : undefined;
      if (best && holdsGold(core.docById.get(best.docId)!.text.slice(best.start, best.end).toLowerCase())) bestSentenceHits++;
      if (query.relevant.has(ranked[0] ?? "")) {
        topParagraphQueries++;
        if (holdsGold(top)) topParagraphHits++;
      }
      const gold = query.answerSpans;
      if (gold.length > 0) {
        givenParagraphQueries++;
        const chosen = bestSentenceInDocument(core, scores.query, gold[0]!.docId);
        const span = chosen && core.sentences[chosen.sentence]!;
        if (span && gold.some((g) => g.start >= span.start && g.end <= span.end)) givenParagraphHits++;
      }
      const source = new Set([...query.relevant].flatMap((id) => [...(articleDocs.get(core.docById.get(id)?.title ?? "") ?? [])]));
      const withoutSource = await scoreQuestion(core, embedder, query.text, { depth: EVAL_DEPTH, excludeDocs: source });
      if (composeAnswer(core, withoutSource).answered) answeredWithoutSource++;
    }
    progress({ phase: "queries", done: i + 1, total: queries.length });
  }

  const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
  const report = {
    dataset: dataset.name,
    docs: dataset.docs.length,
    queries: queries.length,
    "ndcg@10": round(mean(ndcg)),
    "recall@100": round(mean(recall)),
    "mrr@10": round(mean(mrr)),
    index_s: round(indexSeconds, 1),
    query_p50_ms: round(percentile(latency, 0.5), 1),
    mode: flags.mode,
    split: dataset.split,
    embedder: embedder.id,
    built_index: core.built,
    "recall@1": round(mean(recall1)),
    ...(withAnswers
      ? {
          answer_contains_gold: round(answerHits / queries.length),
          refused: round(refused / queries.length),
          best_sentence_contains_gold: round(bestSentenceHits / queries.length),
          answer_contains_gold_when_paragraph_first: round(topParagraphHits / (topParagraphQueries || 1)),
          ...(givenParagraphQueries ? { answer_sentence_given_paragraph: round(givenParagraphHits / givenParagraphQueries) } : {}),
          answered_without_source_article: round(answeredWithoutSource / queries.length),
        }
      : {}),
  };
  process.stdout.write(flags.json ? JSON.stringify(report) + "\n" : Object.entries(report).map(([k, v]) => `${k.padEnd(22)} ${v}`).join("\n") + "\n");
  return 0;
}

runCli(main);
