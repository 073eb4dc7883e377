import { describe, expect, it } from "vitest";
import { deniedPremise } from "../../retrieval/verdict/deniedPremise.js";
import { tokenize } from "../../retrieval/text/tokenize.js";

/** The question's terms, as the engine passes them (names are left out by the caller). */
const asked = (words: string) => new Set(tokenize(words));

describe("deniedPremise: a why question whose premise the sentence negates", () => {
  const knights = "“The [militia in Iraq] are not as capable as Hezbollah and not as mad as the Houthis,” Knights said.";

  it("finds the negation governing a word the question takes as given, and returns its words", () => {
    expect(deniedPremise("why did knights say the iraqi militias are more capable than hezbollah", asked("say militias more capable"), knights)).toBe("not as capable");
    expect(deniedPremise("so why do the sunni parties want iraq in the war", asked("sunni parties want war"), "Most Sunni and Kurdish groups don't want Iraq to get involved.")).toBe("don't want");
  });

  it("finds nothing when the sentence negates nothing the question asks, or too far from it", () => {
    expect(deniedPremise("why did knights say the militias are worried", asked("say militias worried"), knights)).toBeUndefined();
    expect(deniedPremise("why are the militias capable", asked("militias capable"), "They are not, as everyone in the region has long known, capable.")).toBeUndefined();
  });

  it("leaves alone questions that are not why questions or negate something themselves", () => {
    expect(deniedPremise("are the iraqi militias as capable as hezbollah", asked("militias capable"), knights)).toBeUndefined();
    expect(deniedPremise("how many casualties were there", asked("casualties"), "No casualties were reported.")).toBeUndefined();
    expect(deniedPremise("why aren't the militias as capable as hezbollah", asked("militias capable"), knights)).toBeUndefined();
    expect(deniedPremise("why dont the sunni parties want war", asked("sunni parties want war"), "They don't want Iraq to get involved.")).toBeUndefined();
  });
});
