import { MAX_QUESTION_CHARS } from "../../retrieval/question.js";
import { COLORS, embedMessage, type BotMessage } from "./message.js";

/** What /help shows: the commands, in a few lines. */
export function renderHelp(options: { cooldownSeconds: number }): BotMessage {
  const lines = [
    "I answer questions about a small collection of news articles by quoting them word for word, with numbered sources.",
    "",
    `**/ask** \`question\` — ask anything (up to ${MAX_QUESTION_CHARS.toLocaleString("en")} characters); add \`public: True\` to show the answer to the channel.`,
    "**@mention me** with a question — I reply in the channel.",
    "**Follow up** by replying to one of my answers (keep the reply ping on) or mentioning me in a thread started from one: \"where was his funeral?\", \"and KH?\", \"why?\". I show how I understood it after ↪.",
    "**👍 / 👎** under an answer — tell me whether it helped; 👎 lets you say what was wrong.",
    "**/settings** — server managers choose the channels I answer in, answers in threads, and the cooldown.",
    "**/ingest** and **/remove-article** — server managers add an article (.txt, .md or a saved web page) or remove one; answers use it at once.",
    "**/actor** `name` — who is who: a militia, leader, state or organisation under all the names the articles give it, with the articles that mention it; names are suggested as you type.",
    "**More passages** — the button under an answer shows further quotes.",
    "**/sources** — the articles I answer from.",
    "",
    options.cooldownSeconds > 0
      ? `One question every ${options.cooldownSeconds} s per person. If the articles do not cover a question, I say so rather than guess.`
      : "If the articles do not cover a question, I say so rather than guess.",
  ];
  return embedMessage([{ color: COLORS.list, title: "How to use me", description: lines.join("\n") }]);
}
