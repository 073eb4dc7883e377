import type { Span } from "../types.js";
import type { TokenizedRegion } from "./normalizeName.js";
import { contentWordCount, findNameRuns, type RunRules } from "./nameRuns.js";

/** Last words that make a run a place, not an actor: "Red Sea", "Golan Heights", "Baghdad International Airport". */
const PLACE_WORDS = new Set(
  (
    "sea ocean heights valley airport airbase base city town village river province district governorate street square " +
    "desert mountain mountains island islands gulf strait canal lake bay coast peninsula east asia"
  ).split(" "),
);

export interface CandidateText {
  text: string;
  regions: readonly TokenizedRegion[];
  /** Spans already matched to a curated actor; candidates are what is left of a run around them. */
  known: readonly Span[];
}

export interface CandidateName {
  /** The most frequent spelling. */
  name: string;
  key: string;
  occurrences: number;
}

export interface CandidateRules extends Omit<RunRules, "isKnown"> {
  /** Keys of names the curated file says are not actors. */
  notActors: ReadonlySet<string>;
}

function coverage(text: string, spans: readonly Span[]): Uint8Array {
  const covered = new Uint8Array(text.length);
  for (const span of spans) covered.fill(1, span.start, span.end);
  return covered;
}

/**
 * Multi-word proper names no curated entry covers ("Washington Institute", "Yemen Data Project").
 * One capitalised word alone is too often a sentence opener or an adjective to be trusted.
 */
export function findCandidateNames(texts: readonly CandidateText[], rules: CandidateRules): CandidateName[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const { text, regions, known } of texts) {
    const covered = coverage(text, known);
    const runRules: RunRules = { ...rules, isKnown: (token) => covered[token.start] === 1 };
    for (const region of regions) {
      for (const run of findNameRuns(text, region, runRules)) {
        if (contentWordCount(run.tokens) < 2) continue;
        const key = run.tokens.map((t) => t.key).join(" ");
        if (rules.notActors.has(key) || PLACE_WORDS.has(run.tokens[run.tokens.length - 1]!.key)) continue;
        const spellings = byKey.get(key) ?? new Map<string, number>();
        const surface = text.slice(run.start, run.end);
        spellings.set(surface, (spellings.get(surface) ?? 0) + 1);
        byKey.set(key, spellings);
      }
    }
  }
  return [...byKey].map(([key, spellings]) => {
    const [name] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
    return { name, key, occurrences: [...spellings.values()].reduce((a, b) => a + b, 0) };
  });
}
