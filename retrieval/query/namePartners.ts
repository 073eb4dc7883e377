import type { ActorRegistry } from "../actors/types.js";
import { foldedWords } from "../text/tokenize.js";
import { editDistance, typoTolerance } from "./spelling.js";

/** Each word of the registry's names of two words or more, with the words beside it: "michael" → after it "knights". */
interface NamePartners {
  before: Map<string, Set<string>>;
  after: Map<string, Set<string>>;
}

const PARTNERS = new WeakMap<ActorRegistry, NamePartners>();
function partnersOf(actors: ActorRegistry): NamePartners {
  const cached = PARTNERS.get(actors);
  if (cached) return cached;
  const partners: NamePartners = { before: new Map(), after: new Map() };
  const add = (map: Map<string, Set<string>>, key: string, word: string) => map.set(key, (map.get(key) ?? new Set()).add(word));
  for (const actor of actors.actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const words = foldedWords(name);
      for (let i = 0; i + 1 < words.length; i++) {
        add(partners.after, words[i]!, words[i + 1]!);
        add(partners.before, words[i + 1]!, words[i]!);
      }
    }
  }
  PARTNERS.set(actors, partners);
  return partners;
}

/**
 * The word a slip beside half of a known name was meant as: "nights" after "michael" is Knights
 * (Michael Knights), "hassam" before "nasrallah" is Hassan, though each is a word of its own that
 * no corpus-wide correction would touch. `forms` are the question's word forms, `isName` says which
 * forms the corpus writes as names; undefined unless a neighbour is a name and half of a registry name
 * whose other half is within the typo tolerance of `forms[at]`.
 */
export function nameByPartner(forms: readonly string[], at: number, actors: ActorRegistry, isName: (form: string) => boolean): string | undefined {
  const typed = forms[at]!;
  const tolerance = typoTolerance(typed.length);
  // A name of the corpus is meant as typed ("of iraqi parties" is not "of Iraq").
  if (tolerance === 0 || isName(typed)) return undefined;
  const { before, after } = partnersOf(actors);
  // The neighbour must be a name itself: "of" and "in" are in names too ("Islamic Resistance of Iraq").
  const partnersBeside = (map: Map<string, Set<string>>, neighbour: string | undefined) => (neighbour !== undefined && isName(neighbour) ? [...(map.get(neighbour) ?? [])] : []);
  const candidates = [...partnersBeside(after, forms[at - 1]), ...partnersBeside(before, forms[at + 1])];
  if (candidates.includes(typed)) return undefined;
  // The name beside it is evidence enough to allow a slip in the first letter too ("nights" for "knights").
  return candidates.find((word) => editDistance(typed, word, tolerance) <= tolerance);
}
