import { describe, expect, it } from "vitest";
import { smallTalkOf } from "../../../retrieval/query/smallTalk.js";

describe("smallTalkOf: a message said to the bot, not asked of the articles", () => {
  it("reads greetings, thanks and requests for help however they are typed", () => {
    for (const greeting of ["hi", "Hello!", "heyyy", "yo bot", "good morning everyone", "what's up"]) expect(smallTalkOf(greeting), greeting).toBe("greeting");
    for (const thanks of ["thanks!", "Thank you so much 🙏", "thx", "ty bot", "good bot", "ok thanks"]) expect(smallTalkOf(thanks), thanks).toBe("thanks");
    for (const help of ["help", "HELP ME", "how does this work?", "what can you do", "who are you?", "what can i ask you", "what do the articles cover", "how do I use this"]) {
      expect(smallTalkOf(help), help).toBe("help");
    }
  });

  it("reads a request for the articles as a whole, with no topic, as a request for help: what they cover", () => {
    for (const overview of ["summarize the articles", "can you sum up the news", "tldr", "give me a summary", "what's new?", "whats the latest news", "any news?", "what topics do you cover", "hey, what's new"]) {
      expect(smallTalkOf(overview), overview).toBe("help");
    }
  });

  it("reads a greeting in front of a request for help or thanks as that", () => {
    expect(smallTalkOf("hey bot, how does this work?")).toBe("help");
    expect(smallTalkOf("hi there! what can you do")).toBe("help");
    expect(smallTalkOf("yo thanks")).toBe("thanks");
  });

  it("leaves every question about the articles alone, however short or chatty", () => {
    for (const question of ["what's up with iran", "thanks, and who leads hezbollah?", "hezbollah", "help for lebanon", "who helped the houthis", "how does the pmf work with the army", "hi who is qaani", "ok", "?", "summarize the guardian article on eilat", "any news on the houthis?", "what's new with hezbollah", "tldr of the iraqi militia situation"]) {
      expect(smallTalkOf(question), question).toBeUndefined();
    }
  });
});
