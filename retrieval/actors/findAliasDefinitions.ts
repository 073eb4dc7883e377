import { isAcronym, isArticle, type NameToken, type TokenizedRegion } from "./normalizeName.js";
import { contentWordCount, findNameRuns, type NameRun, type RunRules } from "./nameRuns.js";

/** The text says `name` and `alias` are one actor. */
export interface AliasDefinition {
  name: string;
  alias: string;
}

const PARENTHESIS = /^[ \u00a0]*\(([^()\n]{1,80})\)/u;
const KNOWN_AS = /^,?\s+(?:also\s+|otherwise\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?/u;

/**
 * The shortest tail of a run whose initials spell the acronym ("… Islamic Revolutionary Guard
 * Corps (IRGC)"); failing that, the whole run when it has several words, since transliterated
 * names keep their own acronyms ("Sinjar Resistance Units (YBS)").
 */
function expansionOf(acronym: string, run: NameRun): NameToken[] | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  for (let from = run.tokens.length - 1; from >= 0; from--) {
    const tail = run.tokens.slice(from);
    const initials = tail
      .filter((t) => /^\p{Lu}/u.test(t.raw) && !isArticle(t.key))
      .map((t) => t.raw[0])
      .join("");
    if (initials === letters && contentWordCount(tail) >= 2) return tail;
    if (initials.length > letters.length) break;
  }
  return contentWordCount(run.tokens) >= 2 ? run.tokens : undefined;
}

function surface(text: string, tokens: readonly NameToken[]): string {
  return text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

/**
 * Names the text itself declares equal: "Popular Mobilisation Forces (PMF)", "Ktaeb Hezbollah
 * (Hezbollah Brigades)", "X, also known as Y". This is how a new article brings its own aliases.
 */
export function findAliasDefinitions(text: string, regions: readonly TokenizedRegion[], rules: RunRules): AliasDefinition[] {
  const found: AliasDefinition[] = [];
  for (const region of regions) {
    const runs = findNameRuns(text, region, rules);
    runs.forEach((run, i) => {
      const after = text.slice(run.end, Math.min(region.end, run.end + 120));
      const next = runs[i + 1];
      const bracket = PARENTHESIS.exec(after);
      if (bracket) {
        const inner = bracket[1]!.trim();
        if (isAcronym(inner)) {
          const expansion = expansionOf(inner, run);
          if (expansion) found.push({ name: surface(text, expansion), alias: inner });
          return;
        }
        const innerStart = run.end + bracket[0].indexOf(inner);
        const isWholeRun = next !== undefined && next.start === innerStart && next.end === innerStart + inner.length;
        if (isWholeRun && Math.max(contentWordCount(run.tokens), contentWordCount(next.tokens)) >= 2) {
          found.push({ name: surface(text, run.tokens), alias: inner });
        }
        return;
      }
      const knownAs = KNOWN_AS.exec(after);
      if (knownAs && next !== undefined && next.start === run.end + knownAs[0].length) {
        if (Math.max(contentWordCount(run.tokens), contentWordCount(next.tokens)) >= 2) {
          found.push({ name: surface(text, run.tokens), alias: surface(text, next.tokens) });
        }
      }
    });
  }
  return found;
}
