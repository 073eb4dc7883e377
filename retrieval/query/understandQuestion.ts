import type { ActorRegistry } from "../actors/types.js";
import type { SubjectFinder } from "../names/subjects.js";
import { nameKey } from "../actors/normalizeName.js";
import { actorWithName, nameTermsOf } from "../actors/nameTerms.js";
import { termOf, tokenize, wordForm } from "../text/tokenize.js";
import type { Rewrite } from "../types.js";
import { removeChatNoise } from "./chatNoise.js";
import { splitRunTogether, wordsWrittenAsOne } from "./runTogether.js";
import { correctToDictionary, correctWord, isFunctionWord } from "./spelling.js";
import { nameByPartner } from "./namePartners.js";
import type { Vocabulary } from "./vocabulary.js";
import { relatedTerms, type Thesaurus } from "./relatedTerms.js";
import { isForeignTerm } from "./foreignTerms.js";
import { phrasalVerbTerms } from "./phrasalVerbs.js";
import { paraphraseTerms } from "./paraphrases.js";
import { capitalAndStateTerms, describedCapital, governmentIdentifiers } from "./capitals.js";
import { otherSpellingTerms } from "../names/sameNames.js";
import { describedPersonTerms } from "./describedPeople.js";
import { describedGroupTerms, type DescribedGroup } from "./describedGroups.js";
import type { GroupStates } from "../actors/groupStates.js";
import type { PersonRole } from "../actors/personRoles.js";
import { framingAnswerType, isFramingWord, isPersonFiller } from "./framingWords.js";
import { questionAnswerType, type AnswerType } from "../answerType.js";
import { findAbsentNames } from "./absentNames.js";

/** A search term standing for a word of the question, with how much it counts (typed: 1). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** One content word of the question and every term that may stand for it in a passage. */
export interface QueryConcept {
  /** The word as typed (its form). */
  typed: string;
  /** The word's own term first (corrected when misspelt), then expansions at lower weights. */
  forms: WeightedTerm[];
  /** A name the question is about: capitalised in the question, or a name in the corpus. */
  name: boolean;
  /**
   * For a word of an actor's name: the terms of each name the corpus gives that actor, leaving out
   * names another actor's name contains ("Hezbollah" for Kataib Hezbollah): one of them, all its
   * terms present, shows the actor is meant.
   */
  identifiedBy?: string[][];
  /**
   * Set when the corpus never uses the word itself (expansions aside): "word", a real word or a
   * name (the question asks about something the articles lack); "unread", neither: a slip nothing matched.
   */
  missing?: "word" | "unread";
  /**
   * Names typed as alternatives ("was khafaji KH or nujaba") share a number: the question asks which
   * one holds, so a passage naming one of them names what it asks about.
   */
  alternatives?: number;
}

export interface UnderstoodQuestion {
  /** The question as typed. */
  typed: string;
  /** The question as understood: chat noise gone, spellings corrected, unknown acronyms spelt out. */
  searched: string;
  rewrites: Rewrite[];
  concepts: QueryConcept[];
  /** Every term to search for, with the highest weight any concept gives it. */
  terms: WeightedTerm[];
  /** The kind of phrase the answer is: from the wh-word, or a framing word of a fragment ("location"). */
  answerType: AnswerType;
  /** Names the question gives, as typed, that the articles never mention in any form ("japan", "Blinken"). */
  absentNames: string[];
}

/** What the corpus offers to read a question against; the actor registry and thesaurus are optional. */
export interface QueryLexicon {
  vocabulary: Vocabulary;
  /** True when the index holds this search term. */
  hasTerm: (term: string) => boolean;
  actors?: ActorRegistry;
  thesaurus?: Thesaurus;
  /** How the articles describe people in front of their names ("the senior Iraqi cleric"): a question may describe them so. */
  personRoles?: readonly PersonRole[];
  /** The states the articles tie each group to ("Lebanese Hezbollah"): a question may name a group by its state. */
  groupStates?: GroupStates;
  /** Finds the people, groups, states and places a text names: whether a passage names the question's or others (the verdict). */
  subjects?: SubjectFinder;
}

/**
 * "How did Knights describe the number of missiles…", "why did the number of attacks rise": a question
 * asking how or why asks for a description or a reason, whatever its words frame ("number", "location").
 */
const ASKS_HOW_OR_WHY = /^\s*(?:why|how\s+(?:did|does|do|is|are|was|were|has|have|had|would|will|can|could))\b/iu;

/** Words after which a word is a noun ("the weather", "their base"). */
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "every", "each", "some", "any", "no"]);

/** Weights of what is searched besides the typed words, below them as the issue of recall vs precision asks. */
export const EXPANSION_WEIGHTS = {
  /** Another name of the same actor ("Hashd al-Shaabi" for "PMF"). */
  alias: 0.5,
  /** An actor's names when the typed one is not in the corpus at all ("KH"): they are the only way to find it. */
  aliasOnly: 1,
};

/** A word of the question as typed, with its offsets in the cleaned text and its correction, if any. */
export interface Word {
  raw: string;
  form: string;
  start: number;
  end: number;
  /** Capitalised where a capital means a name: not the question's first word. */
  capitalised: boolean;
  corrected?: { form: string; kind: "typo" | "spelling" };
  /** Corrected to a dictionary word the corpus never uses: only the words related to it are searched. */
  guessed?: boolean;
}

// "US", "U.S.", "USA" and "United States", and "the us" or "us forces" as people type it: the
// country, never the pronoun, which no noun of the state's follows.
const WORD =
  /(?<country>U\.S\.(?:A\.?)?|\b(?:USA|US|[Uu]nited [Ss]tates)\b|(?<=\b[Tt]he )us\b|\bus(?=[\s-]+(?:forces|troops|soldiers|military|army|navy|officials|embassy|base|bases|strikes?|warplanes|jets|government|president|administration|personnel|sanctions|led|backed|retaliation|retaliatory|airstrikes?|withdrawal|pullout|drawdown|presence|deployments?|diplomats|envoy|ambassador|intelligence|centcom|defen[cs]e)\b))|[\p{L}\p{N}]+(?:['’‘`´ʼ][\p{L}]+)*/gu;

/** A word typed with a possessive "'s". */
const POSSESSIVE = /['’‘`´ʼ]s$/iu;

function readWords(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m, i) => {
    const raw = m[0];
    // The country is a name however it is typed ("the us").
    return { raw, form: m.groups?.country ? "unitedstates" : wordForm(raw), start: m.index, end: m.index + raw.length, capitalised: m.groups?.country !== undefined || (i > 0 && /^\p{Lu}/u.test(raw)) };
  });
}

/** A corrected word as shown: a name with its capital, any other word as the corpus writes it. */
const shownForm = (form: string, vocabulary: Vocabulary) => (vocabulary.names.has(form) ? form.replace(/^\p{L}/u, (c) => c.toUpperCase()) : form);

/** True when the corpus uses the word, or another word with its term ("attacked" for "attacks"). */
function isKnown(form: string, lexicon: QueryLexicon): boolean {
  const term = termOf(form);
  return lexicon.vocabulary.counts.has(form) || (term !== undefined && lexicon.hasTerm(term));
}

/** An actor a run of the question's words names ("kh", "popular mobilization forces"), longest first. */
interface ActorPhrase {
  first: number;
  end: number;
  actorId: string;
}

function findActorPhrases(words: readonly Word[], actors: ActorRegistry | undefined): ActorPhrase[] {
  if (!actors) return [];
  const phrases: ActorPhrase[] = [];
  for (let first = 0; first < words.length; ) {
    let found: ActorPhrase | undefined;
    for (let n = Math.min(6, words.length - first); n >= 1 && !found; n--) {
      const name = words.slice(first, first + n).map((w) => w.corrected?.form ?? w.form).join(" ");
      const actorId = actorWithName(actors, name);
      // A lone stop word ("it", "us") names nobody, and a name two actors share names neither.
      if (actorId !== undefined && (n > 1 || termOf(nameKey(name)) !== undefined)) found = { first, end: first + n, actorId };
    }
    if (found) phrases.push(found);
    first = found ? found.end : first + 1;
  }
  return phrases;
}

/**
 * The terms of each of the actor's names that no other actor's name contains whole, and of the name
 * typed, unless it is another actor's name too: "IRGC" asked of is the IRGC, though "IRGC Quds
 * Force" contains it.
 */
function identifyingNames(actors: ActorRegistry, actorId: string, names: readonly string[], typed: readonly string[] = []): string[][] {
  const others = nameTermsOf(actors)
    .filter((n) => n.actorId !== actorId)
    .map((n) => n.terms);
  const own = names.map((n) => [...new Set(tokenize(n))]).filter((terms) => terms.length > 0);
  const identifying = own.filter((terms) => !others.some((other) => terms.every((t) => other.has(t))));
  const typedTerms = [...new Set(typed)];
  const typedIsOthers = others.some((other) => other.size === typedTerms.length && typedTerms.every((t) => other.has(t)));
  const typedListed = identifying.some((terms) => terms.length === typedTerms.length && typedTerms.every((t) => terms.includes(t)));
  return typedTerms.length > 0 && !typedIsOthers && !typedListed ? [...identifying, typedTerms] : identifying;
}

/** The actor's names as the corpus writes them, most used first. */
function corpusNames(actors: ActorRegistry, actorId: string): string[] {
  const counts = new Map<string, number>();
  for (const mention of actors.mentions.get(actorId) ?? []) counts.set(mention.surface, (counts.get(mention.surface) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([surface]) => surface);
}

/**
 * The articles' spelling of a name the dictionary spells another way ("irak", "bagdad"): a synonym
 * of the name's commonest sense that the articles write as a name.
 */
function otherSpellingOfName(form: string, capitalised: boolean, lexicon: QueryLexicon): string | undefined {
  if (!lexicon.thesaurus?.namesEntity?.(form, capitalised)) return undefined;
  for (const { word, relation, sense } of lexicon.thesaurus.related(form)) {
    const other = wordForm(word);
    if (relation === "synonym" && sense === 0 && lexicon.vocabulary.names.has(other)) return other;
  }
  return undefined;
}

function addForm(concept: QueryConcept, term: string, weight: number): void {
  const existing = concept.forms.find((f) => f.term === term);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else concept.forms.push({ term, weight });
}

/** Adds names that show a concept is meant, beside the word itself ("hezbollah" for "lebanese" of "the lebanese movement"), each once. */
function alsoIdentifiedBy(concept: QueryConcept, names: readonly string[][]): void {
  const identifiers = [...(concept.identifiedBy ?? [[concept.forms[0]!.term]])];
  for (const name of names) if (!identifiers.some((n) => n.join(" ") === name.join(" "))) identifiers.push(name);
  concept.identifiedBy = identifiers;
}

/**
 * Turns what was typed into what is searched: chat noise and contractions removed, words typed
 * together split and words typed apart found where the articles write them as one ("think tank"),
 * words the corpus never uses corrected to its nearest word or spelling of a name, names recognised
 * without capitals, actors' other names and acronyms expanded through the actor
 * registry, capitals and their states, people and groups described instead of named, and related
 * words from the thesaurus, each expansion below the typed word.
 */
export function understandQuestion(typed: string, lexicon: QueryLexicon): UnderstoodQuestion {
  const { text: cleaned, rewrites: splits } = splitRunTogether(
    removeChatNoise(typed),
    // A word one slip from the corpus's ("hasan" for "hassan") is that word, not two.
    (form) => isKnown(form, lexicon) || isFunctionWord(form) || lexicon.thesaurus?.isWord(form) === true || correctWord(form, lexicon.vocabulary) !== undefined,
    (form) => lexicon.vocabulary.counts.has(form),
  );
  const words = readWords(cleaned);
  // A question written with capitals ("What country borders the south of Kenya?") capitalises its
  // names: a word it leaves lower-case is no name, however often the articles capitalise it ("South
  // Africa"). Typed in lower case, or capitalising only acronyms, the corpus says what is a name.
  const writesCase = /^\p{Lu}/u.test(words[0]?.raw ?? "") && words.some((w, i) => i > 0 && /^\p{Lu}\p{Ll}/u.test(w.raw));
  const isName = (word: Word, form: string) => word.capitalised || (!(writesCase && /^\p{Ll}/u.test(word.raw)) && lexicon.vocabulary.names.has(form));
  const typedForms = words.map((w) => w.form);
  for (const [i, word] of words.entries()) {
    // Half of a known name beside a slip of its other half ("michael nights") names that person, however real a word the slip is.
    const partner = lexicon.actors ? nameByPartner(typedForms, i, lexicon.actors, (form) => lexicon.vocabulary.names.has(form)) : undefined;
    if (partner) {
      word.corrected = { form: partner, kind: "spelling" };
      continue;
    }
    const term = termOf(word.form);
    if (term === undefined || lexicon.vocabulary.counts.has(word.form)) continue;
    if (lexicon.hasTerm(term)) {
      // Searched as typed ("sistany" stems as "sistani" does), but a name is shown as the corpus spells it.
      const spelled = correctWord(word.form, lexicon.vocabulary);
      if (spelled && termOf(spelled.form) === term && lexicon.vocabulary.names.has(spelled.form)) word.corrected = spelled;
      continue;
    }
    if (isFunctionWord(word.form)) continue;
    if (lexicon.thesaurus?.isWord(word.form)) {
      const spelling = otherSpellingOfName(word.form, word.capitalised, lexicon);
      if (spelling) word.corrected = { form: spelling, kind: "spelling" };
      continue;
    }
    // "the 25th" is the 25th day where the articles write "September 25".
    const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(word.form)?.[1];
    if (ordinal !== undefined && lexicon.hasTerm(termOf(ordinal) ?? "")) {
      word.corrected = { form: ordinal, kind: "spelling" };
      continue;
    }
    const correction = correctWord(word.form, lexicon.vocabulary);
    if (correction) word.corrected = correction;
    else if (lexicon.thesaurus) {
      // A slip in a word the articles never use is the dictionary's word, searched by its related words.
      const thesaurus = lexicon.thesaurus;
      const reach = (form: string) => (lexicon.hasTerm(termOf(form) ?? "") ? 1 : 0) + relatedTerms(form, lexicon).length;
      const meant = correctToDictionary(word.form, (form) => thesaurus.isWord(form), reach);
      if (meant) [word.corrected, word.guessed] = [{ form: meant, kind: "typo" }, true];
    }
  }

  const forms = words.map((w) => w.corrected?.form ?? w.form);
  const possessive = words.map((w) => POSSESSIVE.test(w.raw));
  const conceptOf = new Map<number, QueryConcept>();
  const concepts: QueryConcept[] = [];
  // Names that show the word at a position is meant, found before that word's concept is made ("the capital of syria").
  const pendingIdentifiers = new Map<number, string[][]>();
  const identifyAt = (at: number, names: string[][]) => {
    const concept = conceptOf.get(at);
    if (concept) alsoIdentifiedBy(concept, names);
    else pendingIdentifiers.set(at, [...(pendingIdentifiers.get(at) ?? []), ...names]);
  };
  // "think tank" where the articles write "thinktank": each word is found where the one word stands.
  const writtenAsOne = new Map<number, string>();
  for (const { at, form } of wordsWrittenAsOne(forms, (f) => lexicon.vocabulary.counts.has(f))) {
    const term = termOf(form);
    if (term !== undefined) for (const i of [at, at + 1]) writtenAsOne.set(i, term);
  }
  const { actors, personRoles, groupStates } = lexicon;
  // Groups the question describes rather than names, at the word that says "group" ("the lebanese movement").
  const groupsAt: (DescribedGroup | undefined)[] = words.map((word, i) => {
    const named = isName(word, forms[i]!);
    return !named && actors && personRoles && groupStates ? describedGroupTerms(forms, possessive, i, { actors, personRoles, groupStates, hasTerm: lexicon.hasTerm }) : undefined;
  });
  words.forEach((word, i) => {
    const form = word.corrected?.form ?? word.form;
    const term = termOf(form);
    const afterName = i > 0 && isName(words[i - 1]!, forms[i - 1]!);
    if (term === undefined || isFramingWord(form, words[i - 1]?.form, words[i + 1]?.form) || isPersonFiller(form, afterName)) return;
    const name = isName(word, form);
    // A word asked twice is one concept, counted once.
    const repeated = concepts.find((c) => c.forms[0]!.term === term);
    if (repeated) {
      repeated.name ||= name;
      conceptOf.set(i, repeated);
      return;
    }
    const concept: QueryConcept = { typed: word.form, forms: [{ term, weight: 1 }], name };
    const government = name ? governmentIdentifiers(form, words[i - 1]?.form, lexicon) : [];
    if (government.length > 1) concept.identifiedBy = government.map((t) => [t]);
    // The thesaurus bridges a word the articles never use ("boss", "buying"); for a word they use, its
    // related words add more noise than they find (SciFact nDCG@10 0.670 with them, 0.692 without).
    const thesaurusTerms = name || lexicon.hasTerm(term) ? [] : relatedTerms(form, lexicon, DETERMINERS.has(words[i - 1]?.form ?? ""));
    const phrasal = name ? [] : phrasalVerbTerms(form, words[i + 1]?.form, lexicon);
    const capital = describedCapital(form, words[i - 1]?.form, [words[i + 1]?.form, words[i + 2]?.form], lexicon);
    // A role word next to a described group ("the lebanese militia chief", "the head of the lebanese movement") is one of its people.
    const roleGroup = groupsAt[i - 1] ?? (forms[i + 1] === "of" ? groupsAt.slice(i + 2, i + 5).find((g) => g !== undefined) : undefined);
    const person = !name && personRoles && actors ? describedPersonTerms(forms, i, personRoles, actors, { hasTerm: lexicon.hasTerm, uses: (f) => lexicon.vocabulary.counts.get(f) ?? 0 }, roleGroup) : [];
    const group = groupsAt[i];
    // The word that placed the group is found where its person is named too ("Nasrallah's son-in-law" for "the lebanese militia chief's").
    if (roleGroup && person.length > 0) identifyAt(roleGroup.describedBy, person.map((p) => [p.term]));
    // The state that places a described capital ("the syrian capital", "the capital of syria") is found where the city is named.
    if (capital) identifyAt(i + capital.placedBy, [[capital.city.term]]);
    for (const expansion of [...capitalAndStateTerms(form, lexicon), ...(capital ? [capital.city] : []), ...person, ...(group?.terms ?? []), ...thesaurusTerms, ...(name ? [] : paraphraseTerms(form, lexicon)), ...phrasal]) addForm(concept, expansion.term, expansion.weight);
    // The word that placed the group ("lebanese" of "the slain lebanese militia chief") is found where the group is named.
    if (group) identifyAt(group.describedBy, [group.terms.map((t) => t.term)]);
    const oneWord = writtenAsOne.get(i);
    if (oneWord !== undefined) addForm(concept, oneWord, 1);
    // Another spelling of a name is the name ("Shia", "Shiite").
    for (const other of otherSpellingTerms(term)) if (lexicon.hasTerm(other)) addForm(concept, other, 1);
    // Another form of the word itself ("bought" for "buy") is the word, found. A term from elsewhere
    // ("bitcoin") is something the question asks about that the articles lack, as a real word is.
    if (!concept.forms.some((f) => f.weight >= 1 && lexicon.hasTerm(f.term))) {
      const thesaurus = lexicon.thesaurus;
      // A slip read as a dictionary word is still a slip: what it means is searched, but it weighs no more.
      concept.missing = !word.guessed && (word.capitalised || thesaurus?.isWord(form) || (thesaurus && isForeignTerm(form, thesaurus, lexicon.vocabulary))) ? "word" : "unread";
    }
    conceptOf.set(i, concept);
    concepts.push(concept);
    const pending = pendingIdentifiers.get(i);
    if (pending) alsoIdentifiedBy(concept, pending);
  });

  const rewrites: Rewrite[] = [...splits];
  const replaced = new Map<number, { end: number; text: string }>();
  for (const word of words) {
    // A possessive keeps its "'s" ("nadrallah's group" is Nasrallah's group).
    if (word.corrected) replaced.set(word.start, { end: word.end, text: shownForm(word.corrected.form, lexicon.vocabulary) + (POSSESSIVE.test(word.raw) ? "'s" : "") });
  }
  for (const phrase of findActorPhrases(words, lexicon.actors)) {
    const names = corpusNames(lexicon.actors!, phrase.actorId);
    const span = words.slice(phrase.first, phrase.end);
    const typedKnown = span.some((w) => termOf(w.form) !== undefined && isKnown(w.corrected?.form ?? w.form, lexicon));
    const weight = typedKnown ? EXPANSION_WEIGHTS.alias : EXPANSION_WEIGHTS.aliasOnly;
    const expansions = [...new Set(names.flatMap((n) => tokenize(n)))];
    const typedTerms = span.flatMap((w) => termOf(w.corrected?.form ?? w.form) ?? []);
    const identifying = identifyingNames(lexicon.actors!, phrase.actorId, names, typedKnown ? typedTerms : []);
    for (let i = phrase.first; i < phrase.end; i++) {
      const concept = conceptOf.get(i);
      if (!concept) continue;
      concept.name = true;
      delete concept.missing;
      if (identifying.length > 0) {
        // Names found before for the word ("damascus" for "the capital of syria") still show it is meant.
        const earlier = concept.identifiedBy ?? [];
        concept.identifiedBy = identifying;
        alsoIdentifiedBy(concept, earlier);
      }
      for (const term of expansions) addForm(concept, term, weight);
    }
    // A word of the actor's name typed after its short form ("PMF units") is part of it, not a name of its own.
    const actorConcept = conceptOf.get(phrase.end - 1);
    const after = conceptOf.get(phrase.end);
    if (actorConcept && after && after !== actorConcept && after.name && after.forms.length === 1 && expansions.includes(after.forms[0]!.term)) {
      concepts.splice(concepts.indexOf(after), 1);
      conceptOf.set(phrase.end, actorConcept);
    }
    // An acronym or name the corpus never writes is searched as the corpus writes it.
    if (!typedKnown && names[0]) {
      const from = cleaned.slice(span[0]!.start, span[span.length - 1]!.end);
      for (const w of span) replaced.delete(w.start);
      replaced.set(span[0]!.start, { end: span[span.length - 1]!.end, text: names[0] });
      rewrites.push({ from, to: names[0], kind: "alias" });
    }
  }
  for (const word of words) {
    if (word.corrected && replaced.has(word.start)) rewrites.push({ from: word.raw, to: shownForm(word.corrected.form, lexicon.vocabulary), kind: word.corrected.kind });
  }

  // "KH or nujaba": names either side of "or" are alternatives, the group numbered by the "or".
  forms.forEach((form, i) => {
    const [left, right] = [conceptOf.get(i - 1), conceptOf.get(i + 1)];
    if (form !== "or" || !left?.name || !right?.name || left === right) return;
    const group = left.alternatives ?? right.alternatives ?? i;
    left.alternatives = right.alternatives = group;
  });

  let searched = "";
  let at = 0;
  for (const [start, { end, text }] of [...replaced.entries()].sort((a, b) => a[0] - b[0])) {
    searched += cleaned.slice(at, start) + text;
    at = end;
  }
  searched += cleaned.slice(at);

  const best = new Map<string, number>();
  for (const concept of concepts) for (const f of concept.forms) best.set(f.term, Math.max(best.get(f.term) ?? 0, f.weight));
  const whType = questionAnswerType(searched || typed);
  return {
    typed,
    answerType: whType === "any" && !ASKS_HOW_OR_WHY.test(searched || typed) ? (framingAnswerType(words.map((w) => w.form)) ?? "any") : whType,
    searched: searched || typed,
    rewrites: rewrites.sort((a, b) => cleaned.indexOf(a.from) - cleaned.indexOf(b.from)),
    concepts,
    terms: [...best.entries()].map(([term, weight]) => ({ term, weight })),
    absentNames: findAbsentNames(words, conceptOf, cleaned, lexicon),
  };
}
