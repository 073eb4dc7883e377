import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { bestSentenceInDocument, composeAnswer, coreLexicon, scoreQuestion } from "../retrieval/engine.js";
import type { Embedder } from "../retrieval/types.js";
import type { QueryLexicon } from "../retrieval/query/understandQuestion.js";
import { openWordNet } from "../retrieval/query/wordnet.js";
import { addNoise, DEFAULT_NOISE_RATE, NOISE_KINDS, seededRandom, type NoiseOptions } from "../retrieval/eval/noise.js";
import { evalDevSet } from "./evalDevSet.js";
import { createEmbedder, embedderConfigFromEnv } from "../retrieval/embed/createEmbedder.js";
import type { SearchCore } from "../retrieval/searchCore.js";
import { openBeirCore } from "./openBeirCore.js";
import { loadBeirDataset, type BeirDataset, type BeirQuery } from "../retrieval/eval/beir.js";
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from "../retrieval/eval/metrics.js";
import { stderrProgress } from "./progress.js";

const USAGE = `Usage: npm run --silent eval -- [--json] [--misses]
         npm run --silent eval -- --dataset <BEIR folder> [--json] [--mode hybrid|dense|bm25] [--split test|dev] [--limit N] [--answers]
                                  [--noise lowercase,typos --seed N [--noise-rate R]]
  with no --dataset: the development set (tests/fixtures/devQuestions.ts) and the seed fixtures on
             the seed corpus, by kind and by split (fit / check); --misses lists what went wrong
  --answers  also score the extracted answer: does the top excerpt contain a gold answer (SQuAD),
             and is the question answered once its source article is left out
  --noise    ask every query again lowercased without punctuation and/or with seeded typos (one in a
             word of 5+ letters at rate R, default 0.25), and report both runs side by side`;

const flagsSchema = z.object({
  dataset: z.string().min(1, { error: "--dataset needs a folder" }).optional(),
  json: z.boolean().default(false),
  mode: z.enum(["hybrid", "dense", "bm25"], { error: "--mode must be hybrid, dense or bm25" }).default("hybrid"),
  split: z.string().optional(),
  limit: z.coerce.number({ error: "--limit must be a number" }).int().positive().optional(),
  answers: z.boolean().default(false),
  noise: z
    .string()
    .transform((v) => v.split(",").map((k) => k.trim()))
    .pipe(z.array(z.enum(NOISE_KINDS, { error: `--noise takes ${NOISE_KINDS.join(", ")}, comma-separated` })))
    .optional(),
  seed: z.coerce.number({ error: "--seed must be a number" }).int().default(1),
  "noise-rate": z.coerce.number({ error: "--noise-rate must be a number" }).min(0).max(1).default(DEFAULT_NOISE_RATE),
  misses: z.boolean().default(false),
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
        noise: { type: "string" },
        seed: { type: "string" },
        "noise-rate": { type: "string" },
        misses: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    return flagsSchema.parse(values);
  }, USAGE);
  if (typeof flags === "number") return flags;
  if (!flags.dataset) return evalDevSet({ json: flags.json, misses: flags.misses });
  const dir = resolve(flags.dataset);
  const dataset: BeirDataset = await loadBeirDataset(dir, flags.split);
  const logger = cliLogger();
  const embedder = await createEmbedder(embedderConfigFromEnv(process.env), { logger });
  const withAnswers = flags.answers || dataset.queries.some((q) => q.answers.length > 0);

  const indexStarted = performance.now();
  const core = await openBeirCore(dir, dataset, embedder, { embedSentences: withAnswers, logger });
  const indexSeconds = (performance.now() - indexStarted) / 1000;

  const queries = flags.limit ? dataset.queries.slice(0, flags.limit) : dataset.queries;
  const lexicon = coreLexicon(core, { thesaurus: openWordNet() });
  const context = { core, embedder, lexicon, mode: flags.mode, withAnswers };
  const clean = await measureQueries(context, queries, queries.map((q) => q.text));
  const noise = flags.noise ? { kinds: flags.noise, seed: flags.seed, rate: flags["noise-rate"] } : undefined;
  const noisy = noise ? await measureQueries(context, queries, noisedTexts(queries.map((q) => q.text), noise)) : undefined;

  const report = {
    dataset: dataset.name,
    docs: dataset.docs.length,
    queries: queries.length,
    ...clean,
    index_s: round(indexSeconds, 1),
    mode: flags.mode,
    split: dataset.split,
    embedder: embedder.id,
    built_index: core.built,
    ...(noise && noisy ? { noise, noisy, "noisy_recall@1_ratio": round(noisy["recall@1"] / (clean["recall@1"] || 1)) } : {}),
  };
  if (flags.json) process.stdout.write(JSON.stringify(report) + "\n");
  else {
    const rows = Object.entries(clean).map(([k, v]) => `${k.padEnd(40)} ${String(v).padStart(8)}${noisy ? String(noisy[k as keyof typeof noisy]).padStart(10) : ""}`);
    const head = `${dataset.name}: ${queries.length} queries, ${dataset.docs.length} docs, ${flags.mode}, index ${round(indexSeconds, 1)} s${noisy ? `\n${"".padEnd(40)} ${"clean".padStart(8)}${"noisy".padStart(10)}   (${noise!.kinds.join("+")}, seed ${noise!.seed}, rate ${noise!.rate})` : ""}`;
    process.stdout.write([head, ...rows].join("\n") + "\n");
  }
  return 0;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The queries noised in order from one generator: the same seed gives the same questions. */
function noisedTexts(texts: readonly string[], noise: NoiseOptions): string[] {
  const random = seededRandom(noise.seed);
  return texts.map((t) => addNoise(t, noise, random));
}

interface MeasureContext {
  core: SearchCore;
  embedder: Embedder;
  lexicon: QueryLexicon;
  mode: keyof typeof WEIGHTS;
  withAnswers: boolean;
}

/** Asks each query (as `texts` words it) and measures retrieval and, with answers, what is quoted. */
async function measureQueries({ core, embedder, lexicon, mode, withAnswers }: MeasureContext, queries: readonly BeirQuery[], texts: readonly string[]) {
  const ndcg: number[] = [];
  const recall: number[] = [];
  const recall1: number[] = [];
  const mrr: number[] = [];
  const latency: number[] = [];
  let answerHits = 0;
  let answered = 0;
  // Sentence selection apart from retrieval and verdict: the best-scoring sentence, and the answer
  // when the gold paragraph ranked first.
  let bestSentenceHits = 0;
  let topParagraphQueries = 0;
  let topParagraphHits = 0;
  // With the gold paragraph given (SQuAD's answer_start spans): does the best sentence hold a gold span?
  let givenParagraphQueries = 0;
  let givenParagraphHits = 0;
  // Asked again with every document of the source article left out: an honest engine does not answer.
  let answeredWithoutSource = 0;
  const articleDocs = new Map<string, Set<string>>();
  for (const doc of core.docs) articleDocs.set(doc.title, (articleDocs.get(doc.title) ?? new Set()).add(doc.id));
  const retrieval = { depth: EVAL_DEPTH, ...(WEIGHTS[mode] ? { weights: WEIGHTS[mode] } : {}) };
  const progress = stderrProgress();
  for (const [i, query] of queries.entries()) {
    const started = performance.now();
    const scores = await scoreQuestion(core, embedder, texts[i]!, retrieval, lexicon);
    latency.push(performance.now() - started);
    const ranked = rankDocuments(core, scores.hits);
    ndcg.push(ndcgAt(10, ranked, query.relevant));
    recall.push(recallAt(100, ranked, query.relevant));
    recall1.push(recallAt(1, ranked, query.relevant));
    mrr.push(reciprocalRankAt(10, ranked, query.relevant));
    if (withAnswers) {
      const answer = composeAnswer(core, scores);
      if (answer.answered) answered++;
      const top = answer.excerpts[0]?.text.toLowerCase() ?? "";
      const holdsGold = (text: string) => query.answers.some((a) => text.includes(a.toLowerCase()));
      if (answer.answered && holdsGold(top)) answerHits++;
      const best = scores.best ? core.sentences[scores.best.sentence] : undefined;
      if (best && holdsGold(core.docById.get(best.docId)!.text.slice(best.start, best.end).toLowerCase())) bestSentenceHits++;
      if (query.relevant.has(ranked[0] ?? "")) {
        topParagraphQueries++;
        if (answer.answered && holdsGold(top)) topParagraphHits++;
      }
      const gold = query.answerSpans;
      if (gold.length > 0) {
        givenParagraphQueries++;
        const chosen = await bestSentenceInDocument(core, scores.query, gold[0]!.docId);
        const span = chosen && core.sentences[chosen.sentence]!;
        if (span && gold.some((g) => g.start >= span.start && g.end <= span.end)) givenParagraphHits++;
      }
      const source = new Set([...query.relevant].flatMap((id) => [...(articleDocs.get(core.docById.get(id)?.title ?? "") ?? [])]));
      const withoutSource = await scoreQuestion(core, embedder, texts[i]!, { ...retrieval, excludeDocs: source }, lexicon);
      if (composeAnswer(core, withoutSource).answered) answeredWithoutSource++;
    }
    progress({ phase: "queries", done: i + 1, total: queries.length });
  }
  const n = queries.length || 1;
  return {
    "ndcg@10": round(mean(ndcg)),
    "recall@100": round(mean(recall)),
    "mrr@10": round(mean(mrr)),
    "recall@1": round(mean(recall1)),
    query_p50_ms: round(percentile(latency, 0.5), 1),
    ...(withAnswers
      ? {
          answered: round(answered / n),
          answer_contains_gold: round(answerHits / n),
          best_sentence_contains_gold: round(bestSentenceHits / n),
          answer_contains_gold_when_paragraph_first: round(topParagraphHits / (topParagraphQueries || 1)),
          ...(givenParagraphQueries ? { answer_sentence_given_paragraph: round(givenParagraphHits / givenParagraphQueries) } : {}),
          answered_without_source_article: round(answeredWithoutSource / n),
        }
      : {}),
  };
}

runCli(main);
