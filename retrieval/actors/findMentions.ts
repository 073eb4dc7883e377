import type { Span } from "../types.js";
import { areJoined, isAcronym, nameTokens, startsUppercase, type NameToken, type TokenizedRegion } from "./normalizeName.js";

/** One way of writing an actor's name, as the matcher compares it with text. */
export interface NamePattern {
  /** null for a name that is not an actor ("Jordan Valley"): matched only so its words name nobody. */
  actorId: string | null;
  /** Word keys, in order. */
  words: string[];
  /** Per word: the exact spelling required (acronyms, so "US" never matches "us"), or undefined. */
  exact: (string | undefined)[];
  /** One-word names must be capitalised in the text ("Knights" the analyst, not "knights"). */
  needsCapital: boolean;
}

export interface FoundName extends Span {
  actorId: string | null;
  surface: string;
}

export function patternOf(actorId: string | null, name: string): NamePattern | undefined {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return undefined;
  return {
    actorId,
    words: tokens.map((t) => t.key),
    exact: tokens.map((t) => (isAcronym(t.raw) ? t.raw : undefined)),
    needsCapital: tokens.length === 1,
  };
}

/**
 * Finds actor names in text, longest first and without overlap: "Kataib Hezbollah" is one
 * mention of the militia, not also one of Hezbollah; "Esmail Qaani" is one mention, not two;
 * "Jordan Valley" (a non-actor pattern) is no mention of Jordan.
 */
export class NameMatcher {
  private readonly byFirstWord = new Map<string, NamePattern[]>();

  constructor(patterns: Iterable<NamePattern>) {
    for (const pattern of patterns) {
      const first = pattern.words[0]!;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(pattern);
      this.byFirstWord.set(first, list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string, regions: readonly TokenizedRegion[]): FoundName[] {
    const found: FoundName[] = [];
    for (const { tokens } of regions) {
      for (let i = 0; i < tokens.length; ) {
        const match = this.matchAt(text, tokens, i);
        if (!match) {
          i++;
          continue;
        }
        const start = tokens[i]!.start;
        const end = tokens[i + match.words.length - 1]!.end;
        found.push({ start, end, actorId: match.actorId, surface: text.slice(start, end) });
        i += match.words.length;
      }
    }
    return found;
  }

  private matchAt(text: string, tokens: NameToken[], i: number): NamePattern | undefined {
    return this.byFirstWord.get(tokens[i]!.key)?.find((pattern) => {
      if (i + pattern.words.length > tokens.length) return false;
      if (pattern.needsCapital && !startsUppercase(tokens[i]!.raw)) return false;
      return pattern.words.every((word, k) => {
        const token = tokens[i + k]!;
        if (token.key !== word) return false;
        const exact = pattern.exact[k];
        if (exact !== undefined && token.raw !== exact) return false;
        return k === 0 || areJoined(text, tokens[i + k - 1]!, token);
      });
    });
  }
}
