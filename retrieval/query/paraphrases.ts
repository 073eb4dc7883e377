import { termOf, wordForm } from "../text/tokenize.js";
import type { Thesaurus } from "./relatedTerms.js";
import type { QueryLexicon, WeightedTerm } from "./understandQuestion.js";

/**
 * Words people type in a chat and the words news reports use for the same thing ("boss" and
 * "commander", "died" and "killed", "hit" and "struck"), which WordNet does not relate: it links
 * "boss" to "foreman", and "die" to "kill" only from "kill". Each group's words stand for each
 * other, below the typed word. Written as general news vocabulary, not from any question set.
 */
const GROUPS: readonly string[] = [
  "die died dead death deaths kill killed killing slain assassinate assassinated assassination fatalities casualties",
  "kill killed eliminate eliminated assassinate assassinated murder murdered",
  "injure injured injuries wound wounded hurt casualties",
  "boss head chief leader commander chairman director",
  "leader leads led leadership head heads",
  "hit strike struck target targeted attack attacked bomb bombed raid",
  "attack attacks assault offensive operation operations strike strikes",
  "buy bought purchase purchased acquire acquired order ordered deal",
  "pay paid cost costs price worth spent",
  "sell sold export exports exported supply supplied",
  "intercept intercepted shoot downed",
  "explode exploded explosion explosions blast blasts detonate detonated blew",
  "start started begin began launch launched open opened",
  "found founded establish established create created form formed",
  "end ended stop stopped halt halted cease suspend suspended",
  "leave left withdraw withdrawal withdrew depart exit pullout drawdown",
  "help helped support supported aid assist assistance backing",
  "army military forces troops",
  "soldier soldiers troops personnel servicemen",
  "fighter fighters militiamen combatants",
  "fight fighting battle clash clashes combat war conflict",
  "weapon weapons arms arsenal munitions",
  "drone drones uav uavs",
  "rocket rockets missile missiles projectile projectiles",
  "money funds funding cash finance financing revenue income profits economic",
  "rich wealthy lucrative",
  "meet meeting meetings met talks",
  "government authorities administration cabinet",
  "spokesman spokesperson representative official",
  "expert analyst researcher scholar fellow",
  "worry worried fear feared concern concerned apprehensive afraid",
  "arrest arrested detain detained jail jailed prison custody",
  "funeral burial buried",
  "ally allies alliance partner coalition axis",
  "tie ties tied link links linked connect connected connection connections affiliated affiliation",
  "protect protection defend defence defense shield",
  "sky skies airspace",
  "kit equipment gear hardware system",
  "ship ships boat vessel",
  "office offices headquarters bureau base",
  "group groups faction factions militia militias organisation organization",
  "big large huge size strength strong powerful",
  "plan plans intend aim goal seek",
  "threat threaten threatened warn warned warning",
  "claim claimed responsibility announce announced",
  "country countries state states nation",
  "city town",
  "pm premier prime",
  "president presidency",
  "ceasefire truce",
  "hostage hostages captive captives",
  "retaliate retaliation revenge response respond responded",
  "escalate escalation spillover widen",
  "secret covert clandestine",
  "spy spying espionage intelligence",
  "smuggle smuggling smuggled transfer transferred",
  "visit visited trip travelled traveled toured",
  "paper newspaper outlet journal",
  "report reported publish published print printed reveal revealed",
  "detail details specifics particulars",
  "timetable timeline schedule deadline",
  "fire fired firing launch launched",
  "territory territories soil land ground",
  "agree agreed agreement deal accord settle settled",
  "base bases camp camps facility facilities installation installations compound",
  "port ports harbor harbour",
  "border borders frontier",
  "envoy ambassador emissary representative",
  "talk talks negotiate negotiated negotiations discuss discussed",
  "kidnap kidnapped abduct abducted",
  "sanction sanctions embargo",
];

/** How much a paraphrase counts against the typed word (WordNet's synonyms count 0.5). */
export const PARAPHRASE_WEIGHT = 0.5;

const GROUPS_OF = new Map<string, string[][]>();
for (const group of GROUPS) {
  const words = group.split(" ");
  for (const word of words) GROUPS_OF.set(word, [...(GROUPS_OF.get(word) ?? []), words]);
}

/** Terms the index holds for the news words that stand for `form` (or its lemma), at the paraphrase weight. */
export function paraphraseTerms(form: string, lexicon: Pick<QueryLexicon, "hasTerm" | "thesaurus">): WeightedTerm[] {
  const own = termOf(form);
  const lemmas = [form, ...lemmaForms(form, lexicon.thesaurus)];
  const terms = new Set<string>();
  for (const lemma of lemmas) {
    for (const group of GROUPS_OF.get(lemma) ?? []) {
      for (const word of group) {
        const term = termOf(wordForm(word));
        if (term !== undefined && term !== own && lexicon.hasTerm(term)) terms.add(term);
      }
    }
  }
  return [...terms].map((term) => ({ term, weight: PARAPHRASE_WEIGHT }));
}

/** The word's dictionary forms ("bought" → "buy"), when the thesaurus can say them. */
function lemmaForms(form: string, thesaurus: Thesaurus | undefined): string[] {
  return thesaurus?.related(form).filter((r) => r.relation === "inflection").map((r) => r.word) ?? [];
}
