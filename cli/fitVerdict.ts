import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { coreLexicon, explainAnswer, openEngine, scoreQuestion, type ExplainedAnswer } from "../retrieval/engine.js";
import { createEmbedder, embedderConfigFromEnv } from "../retrieval/embed/createEmbedder.js";
import { openBeirCore } from "./openBeirCore.js";
import { openWordNet } from "../retrieval/query/wordnet.js";
import { loadBeirDataset } from "../retrieval/eval/beir.js";
import { fitLogistic, predict, type Example, type LogisticModel } from "../retrieval/verdict/logistic.js";
import { isOnTopic, VERDICT_FEATURE_NAMES, type VerdictFeature, type VerdictFeatures } from "../retrieval/verdict/decideVerdict.js";
import { DEV_QUESTIONS } from "../tests/fixtures/devQuestions.js";
import { FIXTURES } from "./evalDevSet.js";
import { stderrProgress } from "./progress.js";

const USAGE = `Usage: npm run --silent fit-verdict -- [--squad <SQuAD BEIR folder>] [--squad-limit N]
  Fits the two verdict models (is the corpus about it; does the best passage state the answer)
  on the development set's "fit" half and the seed fixtures, plus SQuAD dev's even-numbered
  articles asked with and without their source article, and prints them with a threshold table.`;

const flagsSchema = z.object({
  squad: z.string().optional(),
  "squad-limit": z.coerce.number().int().positive().default(1500),
  "seed-weight": z.coerce.number().positive().default(2),
  help: z.boolean().default(false),
});

/** One asked question: its features, and what the verdict should have been. */
interface Observation {
  set: "dev-fit" | "dev-check" | "fixtures" | "squad" | "squad-without-passage" | "squad-without-source";
  features: VerdictFeatures;
  /** The corpus is about the question. */
  onTopic: boolean;
  /** A gold phrase is in the passages an answer would quote. */
  states: boolean;
  answerable: boolean;
}

const holds = (text: string, gold: readonly string[]) => gold.some((g) => text.toLowerCase().includes(g.toLowerCase()));
const statesGold = (explained: ExplainedAnswer, gold: readonly string[], top: number) => explained.ranked.slice(0, top).some((e) => holds(e.text, gold));

async function seedObservations(): Promise<Observation[]> {
  const engine = await openEngine({ logger: cliLogger() });
  const asked: { q: string; gold: string[]; onTopic: boolean; set: Observation["set"] }[] = [
    ...DEV_QUESTIONS.map((d) => ({ q: d.q, gold: d.any ?? [], onTopic: d.kind !== "off-topic", set: d.split === "fit" ? ("dev-fit" as const) : ("dev-check" as const) })),
    ...FIXTURES.map((f) => ({ q: f.q, gold: [...(f.any ?? [])], onTopic: f.kind !== "off-topic", set: "fixtures" as const })),
  ];
  const observations: Observation[] = [];
  for (const { q, gold, onTopic, set } of asked) {
    const explained = await engine.explain(q);
    observations.push({ set, features: explained.features, onTopic, answerable: gold.length > 0, states: gold.length > 0 && statesGold(explained, gold, 3) });
  }
  return observations;
}

async function squadObservations(dir: string, limit: number): Promise<Observation[]> {
  const dataset = await loadBeirDataset(resolve(dir));
  const embedder = await createEmbedder(embedderConfigFromEnv(process.env), { logger: cliLogger() });
  const core = await openBeirCore(resolve(dir), dataset, embedder, { embedSentences: true, logger: cliLogger() });
  const lexicon = coreLexicon(core, { thesaurus: openWordNet() });
  const titles = [...new Set(dataset.docs.map((d) => d.title))];
  const articleDocs = new Map<string, Set<string>>();
  for (const doc of core.docs) articleDocs.set(doc.title, (articleDocs.get(doc.title) ?? new Set()).add(doc.id));
  // Even-numbered articles only: the odd ones stay held out, as the sentence weights were fitted.
  const even = dataset.queries.filter((q) => titles.indexOf(core.docById.get([...q.relevant][0]!)!.title) % 2 === 0);
  const step = Math.max(1, Math.floor(even.length / limit));
  const sample = even.filter((_, i) => i % step === 0).slice(0, limit);
  const progress = stderrProgress();
  const observations: Observation[] = [];
  for (const [i, query] of sample.entries()) {
    const withSource = explainAnswer(core, await scoreQuestion(core, embedder, query.text, { depth: 400 }, lexicon));
    observations.push({ set: "squad", features: withSource.features, onTopic: true, answerable: true, states: statesGold(withSource, query.answers, 1) });
    // The answering paragraph left out, its article kept: the closest passages are about the same thing and mostly do not state
    // the answer, as on-topic questions the articles do not answer. Labelled by what the best passage holds.
    const withoutPassage = explainAnswer(core, await scoreQuestion(core, embedder, query.text, { depth: 400, excludeDocs: new Set(query.relevant) }, lexicon));
    observations.push({ set: "squad-without-passage", features: withoutPassage.features, onTopic: true, answerable: false, states: statesGold(withoutPassage, query.answers, 1) });
    const source = new Set([...query.relevant].flatMap((id) => [...(articleDocs.get(core.docById.get(id)!.title) ?? [])]));
    const without = explainAnswer(core, await scoreQuestion(core, embedder, query.text, { depth: 400, excludeDocs: source }, lexicon));
    observations.push({ set: "squad-without-source", features: without.features, onTopic: true, answerable: false, states: false });
    progress({ phase: "queries", done: i + 1, total: sample.length });
  }
  return observations;
}

/**
 * Examples with every set given the same total say, so 64 fixtures are not drowned by 3,000 SQuAD
 * questions, and the seed corpus's sets `seedWeight` times that: they are the product's questions.
 */
function balanced(observations: readonly Observation[], label: (o: Observation) => boolean, seedWeight: number): Example<VerdictFeature>[] {
  const sizes = new Map<string, number>();
  for (const o of observations) sizes.set(o.set, (sizes.get(o.set) ?? 0) + 1);
  return observations.map((o) => ({ features: o.features, label: label(o) ? 1 : 0, weight: (o.set.startsWith("squad") ? 1 : seedWeight) / sizes.get(o.set)! }));
}

const share = (list: readonly Observation[], test: (o: Observation) => boolean) => (list.length ? list.filter(test).length / list.length : NaN);
const fmt = (x: number) => (Number.isNaN(x) ? "  –  " : x.toFixed(3));

function report(all: readonly Observation[], topic: LogisticModel<VerdictFeature>, states: LogisticModel<VerdictFeature>): void {
  for (const set of ["dev-fit", "dev-check", "fixtures", "squad"] as const) {
    const list = all.filter((o) => o.set === set);
    if (list.length === 0) continue;
    process.stdout.write(`\n${set}: onTopic threshold → off-topic none / answerable none\n`);
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
      const none = (o: Observation) => predict(topic, o.features) < t;
      process.stdout.write(`  ${t.toFixed(2)}  ${fmt(share(list.filter((o) => !o.onTopic), none))}  ${fmt(share(list.filter((o) => o.answerable), none))}\n`);
    }
  }
  const without = all.filter((o) => o.set === "squad-without-source");
  process.stdout.write("\nstates threshold → dev-fit answered&right / dev-fit on-topic-unanswerable not answered / dev-check same two / fixtures same two / squad answered / squad without the passage: answered wrongly / squad without source answered\n");
  for (let t = 0.2; t <= 0.81; t += 0.05) {
    const answered = (o: Observation) => o.features.supported === 1 && predict(states, o.features) >= t && isOnTopic(predict(topic, o.features), o.features);
    const cells = (set: Observation["set"]) => {
      const list = all.filter((o) => o.set === set);
      return [share(list.filter((o) => o.answerable), (o) => answered(o) && o.states), share(list.filter((o) => !o.answerable && o.onTopic), (o) => !answered(o))];
    };
    const squad = all.filter((o) => o.set === "squad");
    const withoutPassage = all.filter((o) => o.set === "squad-without-passage");
    process.stdout.write(`  ${t.toFixed(2)}  ${[...cells("dev-fit"), ...cells("dev-check"), ...cells("fixtures"), share(squad, answered), share(withoutPassage, (o) => answered(o) && !o.states), share(without, answered)].map(fmt).join("  ")}\n`);
  }
}

async function main(): Promise<number> {
  const flags = readFlags(() => {
    const { values } = parseArgs({ options: { squad: { type: "string" }, "squad-limit": { type: "string" }, "seed-weight": { type: "string" }, help: { type: "boolean", short: "h" } } });
    return flagsSchema.parse(values);
  }, USAGE);
  if (typeof flags === "number") return flags;
  const observations = [...(await seedObservations()), ...(flags.squad ? await squadObservations(flags.squad, flags["squad-limit"]) : [])];
  // dev-check is only measured, never fitted on.
  const fitted = observations.filter((o) => o.set !== "dev-check");
  const topic = fitLogistic(VERDICT_FEATURE_NAMES, balanced(fitted, (o) => o.onTopic, flags["seed-weight"]));
  // The support rules are necessary (decideVerdict): the model is fitted on the questions that pass them.
  const states = fitLogistic(VERDICT_FEATURE_NAMES, balanced(fitted.filter((o) => o.features.supported === 1), (o) => o.states, flags["seed-weight"]));
  const round = (m: LogisticModel<VerdictFeature>) => ({ bias: +m.bias.toFixed(3), weights: Object.fromEntries(Object.entries(m.weights).map(([k, v]) => [k, +(v as number).toFixed(3)])) });
  process.stdout.write(`onTopic: ${JSON.stringify(round(topic))}\nstates: ${JSON.stringify(round(states))}\n`);
  report(observations, topic, states);
  return 0;
}

runCli(main);
