import { termOf } from "../text/tokenize.js";
import type { UnderstoodQuestion } from "../query/understandQuestion.js";

/** How the articles write small numbers and tens in words ("three US soldiers" for "3"). */
const NUMBERS_IN_WORDS: Record<string, string> = Object.fromEntries(
  ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].map((w, i) => [String(i + 1), w]).concat(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map((w, i) => [String(20 + 10 * i), w]),
  ),
);

/**
 * Numbers the question states ("400 attacks") that the best sentence and the two before it do not,
 * in digits or words: a passage cannot state what the question says of a number it never gives.
 */
export function numbersNotAround(understood: Pick<UnderstoodQuestion, "concepts">, window: ReadonlySet<string> | undefined): string[] {
  if (!window) return [];
  const stated = (n: string) => window.has(n) || (NUMBERS_IN_WORDS[n] !== undefined && window.has(termOf(NUMBERS_IN_WORDS[n]!)!));
  return understood.concepts.filter((c) => /^\d+$/u.test(c.forms[0]!.term) && !stated(c.forms[0]!.term)).map((c) => c.typed);
}
