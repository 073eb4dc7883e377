import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { askFollowUp, createSubjectFinder, type Conversation } from "../../retrieval/conversation/index.js";
import { PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { evaluateConversations, type ConversationReport } from "../../retrieval/eval/conversations.js";
import { CONVERSATIONS } from "../fixtures/conversations.js";
import { openTestEngine } from "../support/testEngine.js";

let engine: Engine;
let report: ConversationReport;
beforeAll(async () => {
  engine = await openTestEngine();
  report = await evaluateConversations(engine, createSubjectFinder(engine.actors), CONVERSATIONS);
}, 120_000);

describe("follow-up questions answered through the engine", () => {
  it("find the right passage in the top 3 at least as often as the same questions written out in full", () => {
    expect(report.followUps).toBeGreaterThanOrEqual(40);
    expect(report.followUpTop3).toBeGreaterThanOrEqual(report.fullTop3);
    expect(report.followUpTop3).toBeGreaterThanOrEqual(0.85);
  });

  it("leave a new topic exactly as typed", () => {
    const newTopics = report.turns.filter((t) => t.kind === "new-topic");
    expect(newTopics.length).toBeGreaterThanOrEqual(3);
    for (const turn of newTopics) expect(turn.resolved).toBe(turn.typed);
  });

  it("answer with verbatim quotes and say how the question was understood", async () => {
    const finder = createSubjectFinder(engine.actors);
    let conversation: Conversation = { turns: [] };
    ({ conversation } = await askFollowUp(engine, finder, "who was Abu Haidar al-Khafaji?", conversation));
    const followed = await askFollowUp(engine, finder, "where was his funeral?", conversation);
    expect(followed.answer.question).toBe("where was his funeral?");
    expect(followed.answer.searched).toBe("where was Abu Haidar al-Khafaji's funeral?");
    expect(followed.answer.verdict).toBe("answered");
    expect(followed.answer.excerpts[0]!.text).toContain("Najaf");
    for (const e of followed.answer.excerpts) expect(readFileSync(join(PROJECT_ROOT, e.file), "utf8").slice(e.start, e.end)).toBe(e.text);
    expect(followed.conversation.turns).toHaveLength(2);
    // "thanks" is said to the bot: no turn a later "why?" could lean on.
    const thanked = await askFollowUp(engine, finder, "thanks!", followed.conversation);
    expect(thanked.answer.smallTalk).toBe("thanks");
    expect(thanked.resolved.text).toBe("thanks!");
    expect(thanked.conversation).toBe(followed.conversation);
  });
});
