import { stemmer } from "stemmer";

/**
 * English stop words: too common to say what a question is about. "al" is the Arabic article
 * ("al-Sudani", "Al Sudani"): names match on the part after it.
 */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below between both but by " +
    "can cannot could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ours " +
    "ourselves out over own same she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would you your yours " +
    "yourself yourselves s t al also tell say said says know many much mean means meant us"
  ).split(" "),
);

/** Folds case, diacritics and apostrophe variants so "Shia’", "Shia'" and "Shīa" meet. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    // ʿayn and hamza marks of transliterated Arabic ("Shīʿa") are spelled without them as often as with.
    .replace(/[ʿʾ]/gu, "")
    .replace(/[’‘`´ʼ]/gu, "'")
    .toLowerCase();
}

/** Folded words, in order, with no stop words dropped or stems cut: for comparing texts whole. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The country, however written, must not meet the pronoun "us" (a stop word), and "the US" must meet
// "the United States": both are one word.
const UNITED_STATES = /\b(?:U\.S\.A?\.?|USA|US|[Uu]nited [Ss]tates)(?![\p{L}])/gu;

/** A word as search compares it: folded, without a possessive "'s" or apostrophes ("Sa'ar" → "saar"). */
export function wordForm(raw: string): string {
  return foldText(raw).replace(/'s$/u, "").replace(/'/gu, "");
}

/**
 * Irregular past forms of verbs, read as the verb ("grew" as "grow", "oversaw" as "oversee") as Porter
 * stemming reads "killed" as "kill". Forms that are as often other words are left out: "found" (to
 * found), "left", "lay", "wound", "ground", "bound", "rose", "lit", "bit", "dove".
 */
export const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map(
  (
    "arose:arise arisen:arise awoke:awake awoken:awake began:begin begun:begin bent:bend bled:bleed blew:blow blown:blow " +
    "broke:break broken:break bred:breed brought:bring built:build burnt:burn bought:buy caught:catch chose:choose chosen:choose " +
    "clung:cling came:come crept:creep dealt:deal dug:dig drew:draw drawn:draw drove:drive driven:drive drank:drink ate:eat eaten:eat " +
    "fed:feed fell:fall fallen:fall felt:feel fought:fight fled:flee flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget " +
    "forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze gave:give given:give went:go gone:go got:get gotten:get " +
    "grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold kept:keep knew:know known:know led:lead lent:lend " +
    "lost:lose made:make met:meet paid:pay ran:run rang:ring rode:ride ridden:ride risen:rise sought:seek sold:sell sent:send " +
    "saw:see seen:see shook:shake shaken:shake shot:shoot shrank:shrink shrunk:shrink sang:sing sung:sing sank:sink sunk:sink sat:sit " +
    "slept:sleep slid:slide spoke:speak spoken:speak spent:spend spun:spin sprang:spring sprung:spring stood:stand stole:steal " +
    "stolen:steal stuck:stick stung:sting struck:strike strove:strive striven:strive swore:swear sworn:swear swept:sweep swam:swim " +
    "swung:swing took:take taken:take taught:teach tore:tear torn:tear thought:think threw:throw thrown:throw understood:understand " +
    "undertook:undertake undertaken:undertake upheld:uphold woke:wake woken:wake wore:wear worn:wear wept:weep won:win " +
    "withdrew:withdraw withdrawn:withdraw withheld:withhold wrote:write written:write overthrew:overthrow overthrown:overthrow " +
    "oversaw:oversee overseen:oversee overtook:overtake overtaken:overtake overcame:overcome foresaw:foresee foreseen:foresee " +
    "mistook:mistake became:become befell:befall befallen:befall beaten:beat"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** The search term of a word form: its Porter stem (of the verb, for an irregular past), or undefined for a stop word. */
export function termOf(form: string): string | undefined {
  if (form.length === 0 || STOP_WORDS.has(form)) return undefined;
  return /^\p{N}+$/u.test(form) ? form : stemmer(IRREGULAR_PAST.get(form) ?? form);
}

export function isStopWord(form: string): boolean {
  return STOP_WORDS.has(form);
}

/** Words of a text as written, with their offsets: what forms and terms are read from. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’‘`´ʼ][\p{L}]+)*/gu;

/** Writes the country as one word, so it is searched for and never taken for the pronoun. */
export function spellUnitedStates(text: string): string {
  return text.replace(UNITED_STATES, " unitedstates ");
}

/** The word forms of a text in order, stop words kept ("were fired at the base"): what phrase checks read. */
export function wordForms(text: string): string[] {
  return [...text.matchAll(WORD_PATTERN)].map((m) => wordForm(m[0]));
}

/** Splits text into search terms: folded, stop words dropped, Porter-stemmed. */
export function tokenize(text: string): string[] {
  const folded = foldText(spellUnitedStates(text));
  const terms: string[] = [];
  for (const match of folded.matchAll(WORD_PATTERN)) {
    const term = termOf(wordForm(match[0]));
    if (term !== undefined) terms.push(term);
  }
  return terms;
}
