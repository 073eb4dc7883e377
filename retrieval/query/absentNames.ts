import type { QueryConcept, QueryLexicon, Word } from "./understandQuestion.js";

/** A term standing for a word at this weight or more (a synonym, not a capital's state) is another name for it. */
const MIN_OTHER_NAME_WEIGHT = 0.5;

/**
 * Names of the question the articles never mention: a place, person or thing WordNet knows by name
 * ("japan", "tel aviv"), or a word that is no word at all, capitalised ("Blinken") or a term from
 * elsewhere however typed ("bitcoin"). A passage
 * cannot state what the question says of them: "when did iraq order the system from japan" of an
 * order from South Korea. Words the articles' titles or publishers use are theirs ("Jerusalem Post").
 */
export function findAbsentNames(words: readonly Word[], conceptOf: ReadonlyMap<number, QueryConcept>, text: string, lexicon: QueryLexicon): string[] {
  // Another spelling or name of the same thing that the articles use ("Bagdad" for Baghdad) is theirs.
  const absent = (i: number) => {
    const concept = conceptOf.get(i);
    if (concept?.missing === undefined || words[i]!.corrected || lexicon.vocabulary.aboutArticles.has(words[i]!.form)) return false;
    return !concept.forms.some((f) => f.weight >= MIN_OTHER_NAME_WEIGHT && lexicon.hasTerm(f.term));
  };
  const names: string[] = [];
  for (let first = 0; first < words.length; ) {
    let length = 0;
    for (let n = Math.min(3, words.length - first); n >= 1 && length === 0; n--) {
      const span = words.slice(first, first + n);
      if (!span.every((_, k) => absent(first + k))) continue;
      const capitalised = span.every((w) => w.capitalised);
      const known = lexicon.thesaurus?.namesEntity?.(span.map((w) => w.form).join(" "), capitalised);
      // One word that is no word at all: capitalised ("Blinken"), or a term from elsewhere ("bitcoin", see foreignTerms.ts).
      if (known || (n === 1 && conceptOf.get(first)?.missing === "word" && !lexicon.thesaurus?.isWord(span[0]!.form))) length = n;
    }
    if (length > 0) names.push(text.slice(words[first]!.start, words[first + length - 1]!.end));
    first += Math.max(1, length);
  }
  return names;
}
