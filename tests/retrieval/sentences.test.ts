import { describe, expect, it } from "vitest";
import { splitSentences } from "../../retrieval/text/sentences.js";

const whole = (text: string) => splitSentences(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps abbreviations, decimals and prices inside their sentence", () => {
    const text =
      "A drone alert sounded at 5:30 a.m. local time. The Navy Sa'ar 4.5-class boat intercepted it. " +
      "Iraq ordered the $2.8bn system from the U.S. Army. Gen. Smith and J. R. Jones agreed.";
    expect(whole(text)).toEqual([
      "A drone alert sounded at 5:30 a.m. local time.",
      "The Navy Sa'ar 4.5-class boat intercepted it.",
      "Iraq ordered the $2.8bn system from the U.S. Army.",
      "Gen. Smith and J. R. Jones agreed.",
    ]);
  });

  it("ends a sentence after an abbreviation when the next word opens one", () => {
    expect(whole("The attacks were aimed at the U.S. The group denied it.")).toEqual(["The attacks were aimed at the U.S.", "The group denied it."]);
  });

  it("keeps closing quotes with their sentence and splits on ? and !", () => {
    expect(whole("He said: “We will win.” Is that so? Yes!")).toEqual(["He said: “We will win.”", "Is that so?", "Yes!"]);
  });

  it("ends sentences at line breaks and returns offsets into the original text", () => {
    const text = "  First line without stop\n\nSecond one. Third one.\n";
    const spans = splitSentences(text, [{ start: 0, end: text.length }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["First line without stop", "Second one.", "Third one."]);
    expect(spans[0]!.start).toBe(2);
  });

  it("only splits inside the given regions", () => {
    const text = "Caption text. Credit.\nReal prose here. More prose.";
    const start = text.indexOf("Real");
    expect(splitSentences(text, [{ start, end: text.length }]).map((s) => text.slice(s.start, s.end))).toEqual(["Real prose here.", "More prose."]);
  });
});
