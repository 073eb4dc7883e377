import { cliLogger } from "./runCli.js";
import { openEngine } from "../retrieval/engine.js";
import { devSetReport, judge, type JudgedQuestion, type KindFigures, type SplitReport } from "../retrieval/eval/devSet.js";
import { percentile } from "../retrieval/eval/metrics.js";
import type { Answer } from "../retrieval/types.js";
import { DEV_QUESTIONS } from "../tests/fixtures/devQuestions.js";
import { HELD_OUT_QUESTIONS } from "../tests/fixtures/heldOutQuestions.js";
import { ANSWERABLE, UNANSWERABLE } from "../tests/fixtures/questions.js";
import { stderrProgress } from "./progress.js";

/** The seed fixtures as judged questions: the first twelve unanswerable ones are off-topic. */
export const FIXTURES: JudgedQuestion[] = [
  ...ANSWERABLE.map((a) => ({ q: a.question, kind: "answerable", any: [a.answer], split: "all" })),
  ...UNANSWERABLE.map((q, i) => ({ q, kind: i < 12 ? "off-topic" : "on-topic-absent", split: "all" })),
];

async function askAll(ask: (q: string) => Promise<Answer>, questions: readonly JudgedQuestion[], latency: number[]) {
  const progress = stderrProgress();
  const asked: { question: JudgedQuestion; answer: Answer }[] = [];
  for (const [i, question] of questions.entries()) {
    const started = performance.now();
    asked.push({ question, answer: await ask(question.q) });
    latency.push(performance.now() - started);
    progress({ phase: "queries", done: i + 1, total: questions.length });
  }
  return asked;
}

/** Asks the development set and the fixtures on the seed corpus and reports them by kind and split. */
export async function evalDevSet(flags: { json: boolean; misses: boolean }): Promise<number> {
  const engine = await openEngine({ logger: cliLogger() });
  const latency: number[] = [];
  const dev = await askAll((q) => engine.ask(q), DEV_QUESTIONS, latency);
  const heldOut = await askAll((q) => engine.ask(q), HELD_OUT_QUESTIONS, latency);
  const fixtures = await askAll((q) => engine.ask(q), FIXTURES, latency);
  const report = {
    development: devSetReport(dev),
    held_out: devSetReport(heldOut).all,
    fixtures: devSetReport(fixtures).all,
    query_p50_ms: Math.round(percentile(latency, 0.5) * 10) / 10,
  };
  // The held-out set is only ever measured: its misses are not listed, so no rule is written for one of them.
  const misses = [...dev, ...fixtures]
    .filter(({ question, answer }) => {
      const j = judge(question, answer);
      return j.answerable ? !j.answeredTop3 : !j.expectedVerdict;
    })
    .map(({ question, answer }) => ({ kind: question.kind, split: question.split, q: question.q, verdict: answer.verdict, searched: answer.searched, first: answer.excerpts[0]?.text.slice(0, 120) ?? "" }));
  if (flags.json) {
    process.stdout.write(JSON.stringify(flags.misses ? { ...report, misses } : report) + "\n");
    return 0;
  }
  const pct = (x: number | undefined) => (x === undefined ? "    –" : x.toFixed(3).padStart(6));
  const row = (kind: string, f: KindFigures) =>
    `${kind.slice(0, 16).padEnd(16)} ${String(f.questions).padStart(3)} ${pct(f.top3)} ${pct(f.shown)} ${pct(f.answered_top3)}  ${pct(f.expected_verdict)}    ${f.verdicts.answered}/${f.verdicts.related}/${f.verdicts.none}`;
  const rowsOf = (r: SplitReport): [string, KindFigures][] => [...Object.entries(r.by_kind), ["ANSWERABLE", r.answerable], ["OFF-TOPIC→none", r.off_topic], ["ON-TOPIC-UNANS.", r.on_topic_unanswerable]];
  const lines = ["kind               n  top3   shown  ans.top3  expected  answered/related/none"];
  for (const split of ["fit", "check", "all"] as const) {
    const r = report.development[split];
    lines.push(`— development, ${split}`);
    for (const [kind, f] of rowsOf(r)) lines.push(row(kind, f));
  }
  lines.push("— held-out (tests/fixtures/heldOutQuestions.ts, never tuned on)");
  for (const [kind, f] of rowsOf(report.held_out)) lines.push(row(kind, f));
  const fx = report.fixtures;
  lines.push(`— fixtures: answerable ${fx.answerable.questions}, top3 ${pct(fx.answerable.top3)}, answered_top3 ${pct(fx.answerable.answered_top3)}; off-topic none ${pct(fx.off_topic.expected_verdict)}; on-topic not answered ${pct(fx.on_topic_unanswerable.expected_verdict)}`);
  lines.push(`query p50 ${report.query_p50_ms} ms`);
  if (flags.misses) for (const m of misses) lines.push(`MISS [${m.kind}/${m.split}] ${m.verdict} | ${m.q} | searched: ${m.searched} | ${m.first}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
