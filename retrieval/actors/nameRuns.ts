import type { Span } from "../types.js";
import { areJoined, isArticle, startsUppercase, type NameToken, type TokenizedRegion } from "./normalizeName.js";

/** Capitalised words that are never part of a name, wherever they stand. */
const NEVER_NAME_WORDS = new Set(
  (
    "the a an and or but nor in on at for to by from with as into onto it its this that these those he she they we i " +
    "his her their our there since after before when while yet so if not no both each some most many all any such " +
    "january february march april may june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);

/** Titles written before a name ("Prime Minister Mohammed Shia al-Sudani"): trimmed off a run's edges. */
const TITLE_WORDS = new Set(
  (
    "prime minister president vice secretary general lieutenant colonel major captain commander sheikh shaykh " +
    "ayatollah grand imam king queen prince emir sultan chief deputy supreme leader senator ambassador spokesman spokesperson"
  ).split(" "),
);

/** Lower-case words that may sit inside a name: "Department of Defense", "Abu Mahdi al-Muhandis". */
const CONNECTORS = new Set(["of", "al", "el", "bin", "ibn", "bint", "de", "du", "da", "van", "von"]);

/** A run of capitalised words (with connectors between them) that could be a name. */
export interface NameRun extends Span {
  tokens: NameToken[];
}

export interface RunRules {
  /** Folded words the corpus also uses in lower case: at the start of a sentence they are ordinary words ("Recent", "Yet"). */
  lowercaseWords: ReadonlySet<string>;
  /** Folded capitalised adjectives trimmed off a run's edges ("iraqi", "shiite"). */
  descriptors: ReadonlySet<string>;
  /** Words already known to name an actor: they break a run, so only what is left becomes a candidate. */
  isKnown?: (token: NameToken) => boolean;
}

function isNameWord(token: NameToken): boolean {
  if (!startsUppercase(token.raw) || NEVER_NAME_WORDS.has(token.key)) return false;
  // Upper-case lead-ins ("THE LATEST attacks") are typography; real acronyms are short.
  return !(token.raw.length >= 7 && token.raw === token.raw.toUpperCase());
}

function isConnector(token: NameToken): boolean {
  return CONNECTORS.has(token.key) && !/^\p{Lu}{2,}/u.test(token.raw);
}

// The previous non-space character opens a sentence: region start, a full stop, a line break, an opening quote.
function opensSentence(text: string, region: Span, at: number): boolean {
  let i = at - 1;
  while (i >= region.start && /[ \t"“‘'(«\[]/u.test(text[i]!)) i--;
  return i < region.start || /[.!?…:\n]/u.test(text[i]!);
}

/** Drops edge words that are not part of the name: titles, descriptors, a sentence's ordinary first word, stray connectors. */
function trimRun(text: string, region: Span, tokens: NameToken[], rules: RunRules): NameToken[] {
  let first = 0;
  let last = tokens.length - 1;
  const droppable = (t: NameToken) => TITLE_WORDS.has(t.key) || rules.descriptors.has(t.key);
  for (;;) {
    const head = tokens[first];
    if (!head || first > last) return [];
    const ordinaryOpener = first === 0 && opensSentence(text, region, head.start) && rules.lowercaseWords.has(head.key) && !isArticle(head.key);
    if (droppable(head) || ordinaryOpener || (isConnector(head) && !isArticle(head.key))) first++;
    else break;
  }
  while (last >= first && (droppable(tokens[last]!) || isConnector(tokens[last]!))) last--;
  return tokens.slice(first, last + 1);
}

/** Number of words in a run that carry the name (connectors and articles do not). */
export function contentWordCount(tokens: readonly NameToken[]): number {
  return tokens.filter((t) => !isConnector(t) && !isArticle(t.key)).length;
}

/** Finds the runs of capitalised words in one region, trimmed to what could be a name. */
export function findNameRuns(text: string, region: TokenizedRegion, rules: RunRules): NameRun[] {
  const runs: NameRun[] = [];
  let current: NameToken[] = [];
  const flush = () => {
    const trimmed = trimRun(text, region, current, rules);
    if (trimmed.length > 0) runs.push({ start: trimmed[0]!.start, end: trimmed[trimmed.length - 1]!.end, tokens: trimmed });
    current = [];
  };
  for (const token of region.tokens) {
    const previous = current[current.length - 1];
    const fits = (isNameWord(token) || isConnector(token)) && !rules.isKnown?.(token);
    if (fits && (previous === undefined || areJoined(text, previous, token))) {
      current.push(token);
    } else {
      flush();
      if (fits) current.push(token);
    }
  }
  flush();
  return runs;
}

/** The folded words the texts use in lower case somewhere: ordinary words, not names. */
export function lowercaseWordsOf(texts: Iterable<readonly TokenizedRegion[]>): Set<string> {
  const words = new Set<string>();
  for (const regions of texts) {
    for (const region of regions) {
      for (const token of region.tokens) if (token.raw === token.raw.toLowerCase()) words.add(token.key);
    }
  }
  return words;
}
