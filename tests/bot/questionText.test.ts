import { describe, expect, it } from "vitest";
import { questionText } from "../../bot/questionText.js";

describe("questionText", () => {
  const bot = "123456789012345678";

  it("removes the bot's mention in either form and tidies the punctuation", () => {
    expect(questionText(`<@${bot}> Who is   Esmail Qaani?`)).toBe("Who is Esmail Qaani?");
    expect(questionText(`Hey <@!${bot}>, who leads Hezbollah? <@${bot}>`)).toBe("Hey, who leads Hezbollah?");
    expect(questionText(`<@${bot}>, what happened in Eilat?`)).toBe("what happened in Eilat?");
  });

  it("removes every other kind of Discord markup, which carries no search words", () => {
    const markup = "@everyone @here <@223456789012345678> <@&323456789012345678> <#423456789012345678> </ask:523456789012345678> <:drone:623456789012345678> <a:spin:723456789012345678> <t:1700000000:R>";
    expect(questionText(`${markup} Who attacked Eilat?`)).toBe("Who attacked Eilat?");
  });

  it("keeps ordinary text, including @ in e-mail addresses and angle brackets", () => {
    expect(questionText("Did press@example.org say x < y > z?")).toBe("Did press@example.org say x < y > z?");
  });

  it("leaves nothing when the message is only markup", () => {
    expect(questionText(`  <@${bot}>  @everyone `)).toBe("");
  });
});
