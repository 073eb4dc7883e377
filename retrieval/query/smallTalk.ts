import type { SmallTalk } from "../types.js";
import { foldText } from "../text/tokenize.js";

/**
 * Messages that talk to the bot rather than ask about the articles: "hi", "thanks!", "help", "what
 * can you do". Searched, "help" finds "helping" and "how does this work" finds "has been working";
 * read as what they are, they get a greeting or the way to use the bot instead of a quote.
 */

const GREETING = /^(?:hi+|hey+|hello+|hallo|yo+|sup|hiya|howdy|heya|gm|good (?:morning|afternoon|evening|day)|what'?s up|wh?at'?s good|wassup|wazzup)(?: (?:there|all|everyone|everybody|folks|guys|bot|y'?all|friend|mate))?$/u;

const THANKS =
  /^(?:(?:thanks|thank you|thank u|thx|thnx|ty|tysm|cheers|ta)(?: (?:so much|very much|a lot|a ton|again|mate|bot|man|bro|buddy))*|much appreciated|appreciate it|good bot|nice one|great|cool|awesome|perfect|got it|ok(?:ay)? thanks?)$/u;

const HELP =
  /^(?:help(?: me| pls| please)?|commands|how (?:does (?:this|it|this bot) work|do (?:i|we) (?:use (?:this|you|it|the bot)|ask(?: you)?(?: something| a question)?)|do you work)|what (?:can|do) you do|what can i ask(?: you)?|what should i ask(?: you)?|who are you|what are you|are you a bot|what (?:do|are) (?:the|your) (?:articles|sources|stories)(?: cover| about)?|what (?:do|can) you know(?: about)?)$/u;

/**
 * Asking for the articles as a whole, with no topic ("summarize the articles", "what's new", "any
 * news?"): what the help reply shows, the articles covered; searched, it quoted a sentence at random.
 */
const OVERVIEW =
  /^(?:(?:can you |could you |pls |please )?(?:summari[sz]e|sum up|recap)(?: (?:the|these|your|all the|all) (?:articles|sources|stories|news))?|(?:give me |can i get )?(?:a |an )?(?:summary|overview|recap|tldr|tl dr|rundown)(?: of (?:the|these|your|all the) (?:articles|sources|stories|news))?|what'?s (?:new|the latest(?: news)?|in the news)|what is (?:new|the latest(?: news)?)|(?:any|latest|the latest) news|what (?:topics|subjects|news) (?:do you (?:cover|have|know about)|can you (?:cover|talk about)))(?: pls| please| for me)?$/u;

/** A request for help, or for the articles as a whole, which the help reply answers. */
const asksHelp = (words: string) => HELP.test(words) || OVERVIEW.test(words);

/** Folded as search folds text, apostrophes kept, every other run of symbols, emoji and punctuation a single space. */
function plainWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

/**
 * What the whole message says to the bot, if that is all it says: help when it asks how to use
 * the bot (after a greeting too: "hi, what can you do?"), thanks, or a greeting alone. A question
 * with anything else in it ("what's up with iran", "thanks, and who leads hezbollah?") is none of these.
 */
export function smallTalkOf(message: string): SmallTalk | undefined {
  const words = plainWords(message);
  if (words === "") return undefined;
  if (GREETING.test(words)) return "greeting";
  if (THANKS.test(words)) return "thanks";
  if (asksHelp(words)) return "help";
  // "hey bot, how does this work", "hi! thanks": a greeting of one or two words in front of one of the others.
  const all = words.split(" ");
  for (const split of [1, 2].filter((n) => n < all.length)) {
    if (!GREETING.test(all.slice(0, split).join(" "))) continue;
    const rest = all.slice(split).join(" ");
    if (asksHelp(rest)) return "help";
    if (THANKS.test(rest)) return "thanks";
  }
  return undefined;
}

/** The reason a `none` answer gives for each: what the bot does, and how to ask. */
export const SMALL_TALK_REPLIES: Record<SmallTalk, string> = {
  greeting: "Hello! Ask me about the articles: I answer by quoting them word for word, with their sources.",
  thanks: "Glad to help. Ask me anything else about the articles.",
  help: "I answer questions about the articles by quoting them word for word, with their sources, and say so when they do not answer. Ask in your own words about a person, group or event; /actor looks up a person or group, /sources lists the articles and /help the commands.",
};
