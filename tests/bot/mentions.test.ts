import { describe, expect, it } from "vitest";
import { stripBotMention } from "../../bot/mentions.js";

describe("stripBotMention", () => {
  const botId = "123456789012345678";

  it("removes every form of the bot's mention and tidies the spaces", () => {
    expect(stripBotMention(`<@${botId}> Who is   Esmail Qaani?`, botId)).toBe("Who is Esmail Qaani?");
    expect(stripBotMention(`Hey <@!${botId}>, who leads Hezbollah? <@${botId}>`, botId)).toBe("Hey, who leads Hezbollah?");
    expect(stripBotMention(`<@${botId}>, what happened in Eilat?`, botId)).toBe("what happened in Eilat?");
  });

  it("keeps other people's mentions in the question", () => {
    expect(stripBotMention(`<@${botId}> what did <@223456789012345678> say?`, botId)).toBe("what did <@223456789012345678> say?");
  });

  it("leaves nothing when the message is only the mention", () => {
    expect(stripBotMention(`  <@${botId}>  `, botId)).toBe("");
  });
});
