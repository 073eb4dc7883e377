import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEV_QUESTIONS, type DevKind } from "../fixtures/devQuestions.js";
import { HELD_OUT_QUESTIONS } from "../fixtures/heldOutQuestions.js";
import { ANSWERABLE, UNANSWERABLE } from "../fixtures/questions.js";
import { findProseRegions } from "../../retrieval/corpus/findProseRegions.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ARTICLES = join(ROOT, "corpus", "articles");
const TEXTS = readdirSync(ARTICLES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(ARTICLES, f), "utf8"));

const ANSWERABLE_KINDS: DevKind[] = [
  "lowercase",
  "typo",
  "chat",
  "fragment",
  "acronym",
  "paraphrase",
  "how-many",
  "when",
  "why",
  "well-formed",
];
const UNANSWERABLE_MINIMUMS: Partial<Record<DevKind, number>> = {
  "off-topic": 22,
  "on-topic-absent": 22,
  "false-premise": 16,
};
const answerable = DEV_QUESTIONS.filter((d) => ANSWERABLE_KINDS.includes(d.kind));
const unanswerable = DEV_QUESTIONS.filter((d) => !ANSWERABLE_KINDS.includes(d.kind));
const ofKind = (kind: DevKind) => DEV_QUESTIONS.filter((d) => d.kind === kind);

/** Answerable questions without gold phrases, phrases in no article, and phrases shorter than `minWords` or over 8 words. */
function goldPhraseProblems(questions: readonly { q: string; any?: string[] }[], minWords: number) {
  const withoutGold = questions.filter((d) => (d.any?.length ?? 0) === 0).map((d) => d.q);
  const phrases = questions.flatMap((d) => (d.any ?? []).map((phrase) => ({ q: d.q, phrase })));
  const missing = phrases.filter(({ phrase }) => !TEXTS.some((t) => t.includes(phrase))).map(({ q, phrase }) => `${q} -> ${phrase}`);
  const badLength = phrases.map(({ phrase }) => phrase).filter((phrase) => {
    const words = phrase.trim().split(/\s+/).length;
    return words < minWords || words > 8;
  });
  return { withoutGold, missing, badLength };
}

describe("development question set", () => {
  it("reads the five articles", () => {
    expect(TEXTS).toHaveLength(5);
  });

  it("gives every answerable question at least one gold phrase, each verbatim in an article", () => {
    expect(goldPhraseProblems(answerable, 1)).toEqual({ withoutGold: [], missing: [], badLength: [] });
  });

  it("answers every answerable question in article prose, where the engine quotes from, not only in a caption or tweet", () => {
    const prose = TEXTS.map((text) => findProseRegions(text).regions.map((r) => text.slice(r.start, r.end)));
    const inProse = (phrase: string) => prose.some((regions) => regions.some((region) => region.includes(phrase)));
    expect(answerable.filter((d) => !d.any!.some(inProse)).map((d) => d.q)).toEqual([]);
  });

  it("gives unanswerable questions no gold phrases", () => {
    for (const d of unanswerable) expect(d.any, d.q).toBeUndefined();
  });

  it("meets the minimum counts", () => {
    expect(answerable.length).toBeGreaterThanOrEqual(120);
    expect(unanswerable.length).toBeGreaterThanOrEqual(60);
    for (const kind of ANSWERABLE_KINDS) expect(ofKind(kind).length, kind).toBeGreaterThanOrEqual(10);
    for (const [kind, min] of Object.entries(UNANSWERABLE_MINIMUMS)) {
      expect(ofKind(kind as DevKind).length, kind).toBeGreaterThanOrEqual(min);
    }
  });

  it("has no duplicate questions", () => {
    const seen = new Set<string>();
    const dupes = DEV_QUESTIONS.map((d) => d.q.trim().toLowerCase()).filter((q) => seen.size === seen.add(q).size);
    expect(dupes).toEqual([]);
  });

  it("splits each kind fit, check, fit, check… so both splits are present", () => {
    const kinds = new Set(DEV_QUESTIONS.map((d) => d.kind));
    for (const kind of kinds) {
      const splits = ofKind(kind).map((d) => d.split);
      expect(splits, kind).toContain("fit");
      expect(splits, kind).toContain("check");
      expect(splits, kind).toEqual(splits.map((_, i) => (i % 2 === 0 ? "fit" : "check")));
    }
  });
});

/** Case-insensitive, punctuation-free form of a question, so "Who's X?" and "whos x" compare equal. */
const normalise = (q: string) =>
  q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();

const HELD_OUT_COUNTS: Record<DevKind, number> = {
  lowercase: 6,
  typo: 6,
  chat: 6,
  fragment: 6,
  acronym: 6,
  paraphrase: 6,
  "how-many": 6,
  when: 6,
  why: 6,
  "well-formed": 6,
  "off-topic": 14,
  "on-topic-absent": 14,
  "false-premise": 12,
};
const heldOutAnswerable = HELD_OUT_QUESTIONS.filter((d) => ANSWERABLE_KINDS.includes(d.kind));
const heldOutUnanswerable = HELD_OUT_QUESTIONS.filter((d) => !ANSWERABLE_KINDS.includes(d.kind));

describe("held-out question set", () => {
  it("gives every answerable question at least one gold phrase, each verbatim in an article", () => {
    expect(goldPhraseProblems(heldOutAnswerable, 3)).toEqual({ withoutGold: [], missing: [], badLength: [] });
  });

  it("gives unanswerable questions no gold phrases", () => {
    for (const d of heldOutUnanswerable) expect(d.any, d.q).toBeUndefined();
  });

  it("has the planned number of questions of each kind", () => {
    const counts: Partial<Record<DevKind, number>> = {};
    for (const d of HELD_OUT_QUESTIONS) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
    expect(counts).toEqual(HELD_OUT_COUNTS);
  });

  it("holds every question out: all are split check", () => {
    const notCheck = HELD_OUT_QUESTIONS.filter((d) => d.split !== "check").map((d) => d.q);
    expect(notCheck).toEqual([]);
  });

  it("has no duplicate questions", () => {
    const seen = new Set<string>();
    const dupes = HELD_OUT_QUESTIONS.map((d) => normalise(d.q)).filter((q) => seen.size === seen.add(q).size);
    expect(dupes).toEqual([]);
  });

  it("asks nothing already asked by the development set or the fixtures", () => {
    const earlier = new Set(
      [...DEV_QUESTIONS.map((d) => d.q), ...ANSWERABLE.map((a) => a.question), ...UNANSWERABLE].map(normalise),
    );
    const reused = HELD_OUT_QUESTIONS.map((d) => d.q).filter((q) => earlier.has(normalise(q)));
    expect(reused).toEqual([]);
  });
});
