import type { Answer } from "../types.js";

/** A question with what a right reply is: gold phrases for an answerable one, else its kind says what to expect. */
export interface JudgedQuestion {
  q: string;
  kind: string;
  /** Verbatim phrases from the articles, any of which in a passage shows the right one was found. */
  any?: readonly string[];
  split: string;
}

/** Kinds whose questions the articles do not answer; "off-topic" ones must get `none`. */
export const UNANSWERABLE_KINDS = new Set(["off-topic", "on-topic-absent", "false-premise"]);

export interface KindFigures {
  questions: number;
  verdicts: Record<Answer["verdict"], number>;
  /** Answerable: a gold phrase in the first three passages offered (excerpts, then further passages). */
  top3?: number;
  /** Answerable: a gold phrase in the excerpts the reply shows. */
  shown?: number;
  /** Answerable: verdict `answered` and a gold phrase in the excerpts. */
  answered_top3?: number;
  /** Off-topic: share with verdict `none`; on-topic unanswerable: share not `answered`. */
  expected_verdict?: number;
}

const holds = (texts: readonly string[], gold: readonly string[]) => texts.some((t) => gold.some((g) => t.toLowerCase().includes(g.toLowerCase())));

/** What went right for one asked question. */
export function judge(question: JudgedQuestion, answer: Answer) {
  const offered = [...answer.excerpts, ...answer.morePassages].slice(0, 3).map((e) => e.text);
  const shown = answer.excerpts.map((e) => e.text);
  const answerable = (question.any?.length ?? 0) > 0;
  return {
    answerable,
    top3: answerable && holds(offered, question.any!),
    shown: answerable && holds(shown, question.any!),
    answeredTop3: answerable && answer.verdict === "answered" && holds(shown, question.any!),
    expectedVerdict: question.kind === "off-topic" ? answer.verdict === "none" : answer.verdict !== "answered",
  };
}

/** Figures for a group of asked questions. */
export function figures(asked: readonly { question: JudgedQuestion; answer: Answer }[]): KindFigures {
  const verdicts = { answered: 0, related: 0, none: 0 };
  for (const { answer } of asked) verdicts[answer.verdict]++;
  const judged = asked.map(({ question, answer }) => judge(question, answer));
  const answerable = judged.filter((j) => j.answerable);
  const unanswerable = judged.filter((j) => !j.answerable);
  const share = (list: typeof judged, pick: (j: (typeof judged)[number]) => boolean) => Math.round((list.filter(pick).length / list.length) * 1000) / 1000;
  return {
    questions: asked.length,
    verdicts,
    ...(answerable.length
      ? { top3: share(answerable, (j) => j.top3), shown: share(answerable, (j) => j.shown), answered_top3: share(answerable, (j) => j.answeredTop3) }
      : {}),
    ...(unanswerable.length ? { expected_verdict: share(unanswerable, (j) => j.expectedVerdict) } : {}),
  };
}

export interface SplitReport {
  answerable: KindFigures;
  off_topic: KindFigures;
  on_topic_unanswerable: KindFigures;
  by_kind: Record<string, KindFigures>;
}

/** Figures by kind, and the four targets, for each split and all together. */
export function devSetReport(asked: readonly { question: JudgedQuestion; answer: Answer }[]): Record<"fit" | "check" | "all", SplitReport> {
  const splits = ["fit", "check", "all"] as const;
  const inSplit = (split: string) => asked.filter((a) => split === "all" || a.question.split === split);
  const kinds = [...new Set(asked.map((a) => a.question.kind))];
  return Object.fromEntries(
    splits.map((split): [string, SplitReport] => {
      const list = inSplit(split);
      const of = (test: (q: JudgedQuestion) => boolean) => list.filter((a) => test(a.question));
      return [
        split,
        {
          answerable: figures(of((q) => !UNANSWERABLE_KINDS.has(q.kind))),
          off_topic: figures(of((q) => q.kind === "off-topic")),
          on_topic_unanswerable: figures(of((q) => q.kind === "on-topic-absent" || q.kind === "false-premise")),
          by_kind: Object.fromEntries(kinds.map((k) => [k, figures(of((q) => q.kind === k))] as const).filter(([, f]) => f.questions > 0)),
        },
      ];
    }),
  ) as Record<"fit" | "check" | "all", SplitReport>;
}
