import { describe, expect, it } from "vitest";
import { quotationSpans } from "../../retrieval/text/quotations.js";

describe("quotationSpans", () => {
  it("finds a quotation running over sentences, from the one opening it to the one naming who said it", () => {
    const sentences = ["Attacks rose.", "“The number has gone through the roof.", "They’ve moved into a higher gear,” said Michael Knights.", "Next."];
    expect(quotationSpans(sentences)).toEqual([[1, 2]]);
    expect(quotationSpans(['"It is over.', 'We won," he said.', 'Then "short" words.', "End."])).toEqual([[0, 1]]);
  });

  it("finds none for a quotation inside one sentence, or one never closed within a few sentences", () => {
    expect(quotationSpans(["He called it a “momentary flash of light”.", "Next."])).toEqual([]);
    expect(quotationSpans(["“Open.", "a.", "b.", "c.", "d.", "e."])).toEqual([]);
  });
});
