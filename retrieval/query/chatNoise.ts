/**
 * What people add to a question in a chat that is not part of it, and how they shorten it:
 * greetings and fillers ("yo", "bro", "tbh", "pls"), chat spellings of small words ("u", "ur",
 * "r", "whta"), contractions, shortened months ("oct 7"), polite openings ("can you tell me"),
 * and runs of punctuation. Removing them first means none of them is searched for or counted as
 * content.
 */

/** Chat words that carry no content: dropped wherever they stand. */
const FILLERS = new Set(
  (
    "yo hey hi hello hiya sup bro bruh dude man guys pls plz please thx thanks ty tbh idk idc imo imho fyi btw lol lmao rofl " +
    "omg wtf nah ngl smh fr ok okay k kk um umm uh uhh hmm hmmm like literally basically actually anyone anybody someone somebody " +
    "quick question q rn asap kinda sorta rly srsly iirc afaik tldr wdym dunno lemme ya yall"
  ).split(" "),
);

/** Chat spellings of small words, read as the word. */
const CHAT_SPELLINGS: Record<string, string> = {
  u: "you",
  ur: "your",
  r: "are",
  y: "why",
  n: "and",
  wat: "what",
  wht: "what",
  wut: "what",
  // Question words typed too fast, too short for the spelling corrector (under five letters): the
  // answer's kind hangs on them. Only slips that are no word themselves ("were", "hat", "hen" are).
  waht: "what",
  whta: "what",
  hwat: "what",
  whre: "where",
  wher: "where",
  wehre: "where",
  whree: "where",
  whn: "when",
  whne: "when",
  wehn: "when",
  hwen: "when",
  wich: "which",
  whch: "which",
  whic: "which",
  wihch: "which",
  whcih: "which",
  whihc: "which",
  hwich: "which",
  wy: "why",
  wyh: "why",
  hwy: "why",
  hwo: "who",
  woh: "who",
  hw: "how",
  ohw: "how",
  meny: "many",
  mny: "many",
  mnay: "many",
  amny: "many",
  mch: "much",
  muhc: "much",
  mcuh: "much",
  whos: "who is",
  whats: "what is",
  wheres: "where is",
  whens: "when is",
  hows: "how is",
  cuz: "because",
  coz: "because",
  bc: "because",
  b4: "before",
  abt: "about",
  govt: "government",
  gov: "government",
  govts: "governments",
  // Shortenings of news words, read as the word the articles write ("ground ops", "houthi reps").
  ops: "operations",
  intel: "intelligence",
  rep: "representative",
  reps: "representatives",
  admin: "administration",
  dept: "department",
  info: "information",
  org: "organisation",
  orgs: "organisations",
  intl: "international",
  approx: "approximately",
  nukes: "nuclear weapons",
  wwi: "World War I",
  ww1: "World War I",
  wwii: "World War II",
  ww2: "World War II",
  ppl: "people",
  tho: "though",
  w: "with",
  wo: "without",
  wud: "would",
  wld: "would",
  cud: "could",
  cld: "could",
  shud: "should",
  shld: "should",
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
  smth: "something",
  sth: "something",
  bout: "about",
  prob: "probably",
  probs: "probably",
};

/** Contractions, with the auxiliary a question would use ("why'd" asks "why did"). */
const CONTRACTIONS: [RegExp, string][] = [
  [/\b(who|what|where|when|why|how)'d\b/giu, "$1 did"],
  [/\b(who|what|where|when|why|how|it|that|there|he|she)'s\b/giu, "$1 is"],
  [/\b(who|what|where|when|why|how|they|we|you)'re\b/giu, "$1 are"],
  [/\b(they|we|you|i|he|she|who)'d\b/giu, "$1 had"],
  [/\b(they|we|you|i|who|what)'ve\b/giu, "$1 have"],
  [/\b(they|we|you|i|he|she|it|who|what)'ll\b/giu, "$1 will"],
  [/\bcan't\b/giu, "can not"],
  [/\bwon't\b/giu, "will not"],
  [/\b(\w+)n't\b/giu, "$1 not"],
  [/\bi'm\b/giu, "i am"],
  // "were did the drone come from": "were" before an auxiliary is a slip for "where" ("were there attacks" is not).
  [/^(\s*)were(?=\s+(?:did|does|do|is|are|was|can|could|will|would|should|has|have|had)\b)/iu, "$1where"],
];

/** Months as people shorten them beside a day or year ("oct 7", "23 sept", "jan 2024"), where the articles write them out. */
const MONTHS: Record<string, string> = {
  jan: "January",
  feb: "February",
  mar: "March",
  apr: "April",
  jun: "June",
  jul: "July",
  aug: "August",
  sep: "September",
  sept: "September",
  oct: "October",
  nov: "November",
  dec: "December",
};
const MONTH = "(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
const SHORT_MONTH_BEFORE_DAY = new RegExp(`\\b${MONTH}(?=\\s+(?:${DAY}|\\d{4})\\b)`, "giu");
const SHORT_MONTH_AFTER_DAY = new RegExp(`(?<=\\b${DAY}\\s+)${MONTH}(?![\\p{L}])`, "giu");

/**
 * How a chat question frames itself around the asker ("u think hamas would…", "i wonder why…"):
 * none of it is what is asked, and "think" counted as content would have to be in the answer.
 */
const ASKER_FRAMES: RegExp[] = [
  // "wait what happens…", "wait nasrallah's dead??": surprise, not a wait asked about.
  /^\s*wait\b[\s,.!?]*/giu,
  /\b(?:(?:do|did|would)\s+)?(?:you|u|ya|y'all)\s+(?:think|reckon|guess|suppose)\b/giu,
  /\bi\s+(?:wonder|guess|suppose|reckon|heard)\b(?:\s+(?:that|if|whether))?/giu,
  /\bi(?:'m|\s+am)\s+(?:wondering|curious)\b(?:\s+(?:about|if|whether))?/giu,
  // "i read that …", "someone said …", "is it true that …", "true or false: …": a claim put up to be checked is the question.
  /^\s*(?:(?:i\s+(?:read|saw|heard)|(?:someone|somebody|people)\s+(?:said|says|told\s+me))\s+(?:somewhere\s+)?(?:that\b)?|is\s+it\s+true\s+(?:that\b)?|true\s+or\s+false\b\s*:?)/giu,
  // "can you tell me who…", "does anyone know when…", "i want to know who…", "pls tell me how many…": a
  // question put politely or indirectly, before its question word ("tell me about X" asks, and stays).
  /^\s*(?:(?:so|ok|okay|hey|hi|yo)\b[\s,]*)?(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)\s+(?:please\s+|pls\s+|plz\s+)?(?:tell\s+(?:me|us)|show\s+(?:me|us)|explain(?:\s+to\s+(?:me|us))?|remind\s+(?:me|us))|(?:does\s+|do\s+)?(?:anyone|anybody|someone|somebody|you|u|ya)\s+(?:happen\s+to\s+)?know|(?:i\s+(?:want|wanna|need|would\s+like)|i'?d\s+like)\s+(?:to\s+)?know|(?:please\s+|pls\s+|plz\s+)?(?:tell|show|remind)\s+(?:me|us)|(?:any|got\s+an?)\s+idea)\b[\s,:]*(?=(?:who|what|where|when|why|how|which|whose)\b)/giu,
];
/**
 * What the asker says of themselves after the question ("…, i keep hearing different things",
 * "…? asking for a friend", "…, im confused", "…, sounds like a flex"): the last clause, after a
 * comma or a question mark.
 */
const CLOSING_ASIDE =
  /(?<=[,.?!]|\s-)\s*(?:(?:i|im|i'm|i\s+am|i've|ive|i\s+have)\s+(?:(?:keep|kept|been)\s+(?:hearing|seeing|reading|getting)|(?:can(?:'t|not|\s+not)?|cant|could(?:n't|\s+not)|couldnt)\s+find|(?:so\s+|a\s+bit\s+|kinda\s+)?(?:confused|lost))|(?:i\s+)?(?:saw|heard|read|seen)\s+(?:it|this|that|something|smth|sth)\s+(?:on|in|from)\b|is\s+(?:that|it|this)\s+(?:really\s+)?(?:true|right|correct|accurate)|(?:true|right|correct)(?=\s*\?)|asking\s+for\s+a\s+friend|just\s+curious|thanks\s+in\s+advance|(?:(?:it|that|this)\s+)?(?:sounds|seems|feels|looks)\s+like)\b[^?!]*[?!.]*\s*$/giu;
/** "…or nah", "…or what": read before the fillers go ("nah" is one) and again after ("or what lol"). */
const CLOSING_ALTERNATIVE = /\bor\s+(?:nah|not|no|what|smth|sth|something)\s*(?=[?!.]*\s*$)/giu;

/** "wtf is the IRI", "lol tf happened in eilat": the swearing asks "what", not nothing, after any fillers. */
const SWORN_WHAT = new RegExp(`^(\\s*(?:(?:${[...FILLERS, "so"].join("|")})[\\s,]+)*)(?:wtf|wth|tf)\\s+(?=(?:is|are|was|were|does|do|did|happened|happens|going)\\b)`, "iu");

/** "what's the deal with X", "what's up with X", "what's going on with X": chat for "what about X", no deal asked about. */
const WHATS_THE_DEAL = /\bwhat\s+is\s+(?:the\s+(?:deal|story|situation)|going\s+on|up)\s+with\b/giu;

/** "the last couple weeks", "a couple of days later": two of them, as the articles write it ("the past two weeks"). */
const A_COUPLE = /\b(?:a\s+)?couple\s+(?:of\s+)?(?=(?:minutes|hours|days|weeks|months|years|decades)\b)/giu;

/** Thousands as chat writes them ("10k fighters"), to be written out as the articles do ("10,000"). */
const THOUSANDS = /(?<![\d.,])\b(\d{1,3})k\b/giu;

/**
 * "salary-wise", "range wise?": "as to" said after the word, which is what is searched for; not the
 * adjective ("is he wise?", "so wise").
 */
const AS_TO_SUFFIX = /(\p{L}+)(?:-wise\b|\s+wise(?=\s*(?:[,?!.]|$)))/giu;
const BEFORE_ADJECTIVE = new Set(["is", "was", "are", "were", "be", "been", "being", "am", "seem", "seems", "seemed", "so", "very", "too", "not", "more", "most", "how", "a", "an", "the", "he", "she", "it", "they", "you", "we", "i"]);

/** Links, emoji and Discord's markdown (bold, italics, strikethrough, spoilers, code): none is a word to search. */
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMOJI = /\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\ufe0f|\p{Emoji_Modifier})*/gu;
// Underscores only around a word ("__really__"): "_____" is a blank to fill in, "abu_mahdi" one word.
const MARKDOWN = /\*+|~~|\|\||`+|(?<![\p{L}\p{N}_])_{1,2}(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])_{1,2}(?![\p{L}\p{N}_])/gu;
/** A word with its letters' runs read once ("lmaooo" → "lmao", "whyyy" → "why"). */
const unstretched = (word: string) => word.replace(/(\p{L})\1+/gu, "$1");
/** Fillers as stretched people type them ("lmaooo", "brooo", "hmmmm"): compared letters-once. */
const FILLER_KEYS = new Set([...FILLERS].map(unstretched));
/**
 * Small words people stretch for effect ("whyyy", "sooo", "whaaat"), read as the word. Only these:
 * any other word with a tripled letter is a slip for the spelling corrector ("alllen", "sufffer") or a
 * numeral ("xxxiii").
 */
const STRETCHABLE = new Set(["why", "what", "who", "when", "where", "how", "so", "no", "yes", "ok", "okay", "now", "wait"]);
const STRETCHED = /\p{L}*(\p{L})\1{2,}\p{L}*/gu;

/** Removes chat noise and contractions; keeps every other word as typed, in order. */
export function removeChatNoise(typed: string): string {
  let text = typed.replace(SWORN_WHAT, "$1what ").replace(LINK, " ").replace(EMOJI, " ").replace(MARKDOWN, "").replace(STRETCHED, (word) => (STRETCHABLE.has(unstretched(word.toLowerCase())) ? unstretched(word) : word)).replace(/[’‘ʼ´]/gu, "'");
  for (const frame of [...ASKER_FRAMES, CLOSING_ASIDE, CLOSING_ALTERNATIVE]) text = text.replace(frame, " ");
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  for (const pattern of [SHORT_MONTH_BEFORE_DAY, SHORT_MONTH_AFTER_DAY]) text = text.replace(pattern, (_, month: string) => MONTHS[month.toLowerCase()]!);
  text = text.replace(THOUSANDS, "$1,000").replace(A_COUPLE, "two ").replace(AS_TO_SUFFIX, (all, word: string) => (BEFORE_ADJECTIVE.has(word.toLowerCase()) ? all : word));
  // Runs of punctuation ("??", "!!!", "?!") say nothing more than one mark.
  text = text.replace(/([?!.,])[?!.,]+/gu, "$1");
  const words = text.split(/(\s+)/u).flatMap((part) => {
    if (/^\s+$/u.test(part) || part === "") return [part];
    const bare = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const lower = bare.toLowerCase();
    if (FILLERS.has(lower) || (/(\p{L})\1\1/u.test(lower) && FILLER_KEYS.has(unstretched(lower))) || /^(?:a?ha(?:ha)+|l+o+l+|x+d+|\?+)$/u.test(lower)) {
      // Keep a question mark that was attached to the dropped word.
      return [part.slice(part.indexOf(bare) + bare.length).replace(/[^?]/gu, "")];
    }
    const spelled = CHAT_SPELLINGS[lower];
    return [spelled ? part.replace(bare, spelled) : part];
  });
  return words
    .join("")
    .replace(/\s+/gu, " ")
    .replace(WHATS_THE_DEAL, "what about")
    .trim()
    .replace(CLOSING_ALTERNATIVE, "")
    .replace(/\s+([?!.,])/gu, "$1")
    .replace(/^[^\p{L}\p{N}]+|,$/gu, "")
    .trim();
}
