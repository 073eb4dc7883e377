/** The README's vitest example of verifyAnswer, as written there (the shared test index in place of `openEngine()`'s default). */
import { expect, test } from "vitest";
import { verifyAnswer } from "../../retrieval/verify/index.js";
import { openTestEngine as openEngine } from "../support/testEngine.js";

test("answers quote the articles verbatim", async () => {
  const answer = await (await openEngine()).ask("Who is Esmail Qaani?");
  expect(verifyAnswer(answer).problems).toEqual([]);
});

test("more answers, with their further passages, quote verbatim", async () => {
  const engine = await openEngine();
  for (const question of ["Where was Khafaji's funeral held?", "Which Iraqi city is the resistance focusing on because of its strategic importance?"]) {
    const answer = await engine.ask(question);
    expect(answer.excerpts.length + answer.morePassages.length).toBeGreaterThan(1);
    expect(verifyAnswer(answer)).toMatchObject({ ok: true, problems: [] });
  }
});

test("a tampered answer fails the same check", async () => {
  const answer = await (await openEngine()).ask("Who is Esmail Qaani?");
  const tampered = { ...answer, excerpts: answer.excerpts.map((e, i) => (i === 0 ? { ...e, text: e.text.replace("Qaani", "Soleimani") } : e)) };
  expect(verifyAnswer(tampered).problems).toEqual([expect.objectContaining({ at: "excerpts[0]", file: answer.excerpts[0]!.file })]);
});
