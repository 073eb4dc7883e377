import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, type Engine } from "../../retrieval/engine.js";
import { QuestionError } from "../../retrieval/question.js";
import { verifyCitation } from "../../retrieval/cite.js";
import type { Answer } from "../../retrieval/types.js";
import { ANSWERABLE, UNANSWERABLE } from "../fixtures/questions.js";
import { openTestEngine } from "../support/testEngine.js";

let engine: Engine;
const answers = new Map<string, Answer>();
const fileText = new Map<string, string>();

beforeAll(async () => {
  engine = await openTestEngine();
  for (const q of [...ANSWERABLE.map((a) => a.question), ...UNANSWERABLE]) answers.set(q, await engine.ask(q));
  for (const doc of engine.documents()) fileText.set(doc.file, await readFile(join(PROJECT_ROOT, doc.file), "utf8"));
});

const contains = (answer: Answer, phrase: string) => answer.excerpts.some((e) => e.text.toLowerCase().includes(phrase.toLowerCase()));

describe("answers over the seed corpus", () => {
  it("quotes the answer phrase in the top three excerpts for nearly all answerable questions", () => {
    const missed = ANSWERABLE.filter((q) => !contains(answers.get(q.question)!, q.answer)).map((q) => q.question);
    // Measured: 43 of 44; the miss quotes the right sentence, whose wording differs from the phrase.
    expect(missed.length, `missed: ${missed.join(" | ")}`).toBeLessThanOrEqual(2);
    for (const q of ANSWERABLE) expect(answers.get(q.question)!.answered, q.question).toBe(true);
  });

  it("never answers a question the corpus does not answer, and says why", () => {
    for (const question of UNANSWERABLE) {
      const answer = answers.get(question)!;
      expect(answer.verdict, question).not.toBe("answered");
      expect(answer.answered, question).toBe(false);
      expect(answer.refusal).toMatch(/\w+/);
    }
  });

  it("quotes nothing for a question the articles are not about", () => {
    // The fixture set's first twelve unanswerable questions are off-topic.
    for (const question of UNANSWERABLE.slice(0, 12)) {
      const answer = answers.get(question)!;
      expect(answer.verdict, question).toBe("none");
      expect(answer.excerpts).toEqual([]);
      expect(answer.morePassages).toEqual([]);
    }
  });

  it("quotes the closest passages, unconfirmed, for a related question", () => {
    const related = [...answers.values()].filter((a) => a.verdict === "related");
    expect(related.length).toBeGreaterThan(0);
    for (const answer of related) {
      expect(answer.answered).toBe(false);
      expect(answer.excerpts.length).toBeGreaterThan(0);
      expect(answer.refusal).toMatch(/none of the passages found states/);
    }
  });

  it("quotes every excerpt verbatim at its offsets in the stored file", () => {
    for (const answer of answers.values()) {
      for (const excerpt of [...answer.excerpts, ...answer.morePassages]) {
        const text = fileText.get(excerpt.file)!;
        expect(verifyCitation(excerpt, text), `${excerpt.file}:${excerpt.start}-${excerpt.end}`).toBe(true);
        expect(text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
        expect(excerpt.text).toBe(excerpt.text.trim());
        expect(excerpt.score).toBeGreaterThan(0);
        expect(excerpt.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it("numbers citations by first appearance and points each at the article quoted", () => {
    for (const answer of answers.values()) {
      const all = [...answer.excerpts, ...answer.morePassages];
      answer.sources.forEach((source, i) => expect(source.citation).toBe(i + 1));
      const seen: number[] = [];
      for (const excerpt of all) {
        const source = answer.sources[excerpt.citation - 1]!;
        expect(source).toMatchObject({ docId: excerpt.docId, file: excerpt.file, title: excerpt.title });
        if (!seen.includes(excerpt.citation)) seen.push(excerpt.citation);
      }
      expect(seen).toEqual(answer.sources.map((s) => s.citation));
    }
  });

  it("never offers the same passage twice, nor a copy's passage its original has", () => {
    // A copy keeps only what its original lacks (Al Majalla's shorter copy: a tweet the original does not embed).
    const documents = engine.documents();
    const originalOf = new Map(documents.filter((d) => d.duplicateOf).map((d) => [d.file, documents.find((o) => o.id === d.duplicateOf)!]));
    expect(originalOf.size).toBeGreaterThan(0);
    for (const answer of answers.values()) {
      const all = [...answer.excerpts, ...answer.morePassages];
      for (const e of all) expect(originalOf.get(e.file)?.text.includes(e.text) ?? false, `"${e.text}" offered from a copy`).toBe(false);
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          const [a, b] = [all[i]!, all[j]!];
          expect(a.file === b.file && a.start < b.end && b.start < a.end, `overlap in "${answer.question}"`).toBe(false);
          expect(a.text).not.toBe(b.text);
        }
      }
    }
  });

  it("keeps excerpts best first, with further passages for paging", () => {
    for (const answer of answers.values()) {
      if (!answer.answered) continue;
      expect(answer.excerpts.length).toBeGreaterThanOrEqual(1);
      expect(answer.excerpts.length).toBeLessThanOrEqual(3);
      const scores = [...answer.excerpts, ...answer.morePassages].map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect([...answers.values()].filter((a) => a.morePassages.length > 0).length).toBeGreaterThan(ANSWERABLE.length / 2);
  });
});

describe("bad questions", () => {
  it.each([
    ["", "empty"],
    ["   \n\t ", "empty"],
    ["?!… — ###", "no_words"],
    ["why ".repeat(251), "too_long"],
  ])("rejects %j with a clear error (%s)", async (question, code) => {
    const error = await engine.ask(question).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuestionError);
    expect((error as QuestionError).code).toBe(code);
    expect((error as QuestionError).message.length).toBeGreaterThan(20);
  });

  it("answers who, where and when from a photo caption that holds the only mention of a fact, but nothing else", async () => {
    const caption = "meets with US Secretary of State Antony Blinken in New York on September 23";
    for (const question of ["when did sudani meet blinken", "where did sudani meet blinken"]) {
      const answer = await engine.ask(question);
      expect(answer.verdict, question).toBe("answered");
      expect(answer.excerpts[0]!.text, question).toContain(caption);
    }
    // A caption says what the photo shows, not what was said: the closest passage, unconfirmed.
    const talk = await engine.ask("what did sudani and blinken talk about");
    expect(talk.verdict).toBe("related");
    expect(talk.excerpts.some((e) => e.text.includes(caption))).toBe(true);
    expect(talk.refusal).toMatch(/photo caption or an embedded tweet/);
  });

  it("finds a tweet embedded only in a copy of another article, ranked with the article it copies", async () => {
    // Al Majalla's shorter copy of its own article keeps only the tweet the original lacks.
    const answer = await engine.ask("Where was the launch pad for the rocket attack on Victoria Base reportedly found?");
    expect(answer.verdict).toBe("answered");
    expect(answer.excerpts[0]!.text).toContain("the missile launch pad was apparently found in the Al-A'amiriya district of Baghdad");
  });

  it("accepts a question of exactly 1,000 characters", async () => {
    const question = `Who is Esmail Qaani? ${"x".repeat(979)}`;
    expect(question).toHaveLength(1000);
    await expect(engine.ask(question)).resolves.toMatchObject({ question });
  });

  it("does not confirm a passage for a question naming a place the articles never mention, and says which", async () => {
    // The articles tell of an order from South Korea: the passage about it is close, but not the answer.
    const answer = await engine.ask("when did iraq order the cheongung system from japan");
    expect(answer.verdict).toBe("related");
    expect(answer.excerpts.some((e) => e.text.includes("Cheongung"))).toBe(true);
    expect(answer.refusal).toMatch(/none mentions japan/);
  });

  it("does not answer a question about a term from elsewhere, however typed, by the place it names", async () => {
    // "Baghdad is returning to its former status…" was once the answer to this.
    for (const question of ["best shawarma in baghdad", "Is Bitcoin going up?", "best gpu for gaming rn?"]) expect((await engine.ask(question)).verdict, question).toBe("none");
    // It shares "war" and a year with the articles, but names only a country they never mention.
    const sudan = await engine.ask("what started the sudan civil war in 2023");
    expect(sudan.verdict).toBe("none");
    expect(sudan.excerpts).toEqual([]);
    expect(sudan.refusal).toMatch(/None of the articles mentions sudan/);
    // About an armed group the articles are about: the closest passages, said not to mention the term.
    const answer = await engine.ask("is the pmf on tiktok");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/none mentions tiktok/);
  });

  it("does not confirm why something happened that the passage does not say happened", async () => {
    // The articles tell of Hamas and the Houthis opening offices in Baghdad, never of closing them.
    const answer = await engine.ask("why did the houthis close their office in baghdad");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the closest does not say “close”/);
    // Said in other words, it is stated: Israel "struck Yemen directly twice".
    expect((await engine.ask("why did israel hit yemen")).verdict).toBe("answered");
  });

  it("does not confirm why something happened that the passage says only may happen", async () => {
    // "Iraqi factions may yet use Syria to open a Golan Heights front."
    const answer = await engine.ask("why did the iraqi factions use syria to open a golan heights front");
    expect(answer.verdict).toBe("related");
    expect(answer.excerpts[0]!.text).toContain("may yet use Syria");
    expect(answer.refusal).toMatch(/the closest does not say “use”/);
  });

  it("does not confirm a passage giving the thing asked about another state's nationality", async () => {
    // The articles tell of three US soldiers killed in Jordan; "israeli" is typed in lower case.
    const answer = await engine.ask("how many israeli soldiers did kataib hezbollah kill in jordan");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the closest name United States, not Israel/);
    expect((await engine.ask("how many us soldiers did kataib hezbollah kill in jordan")).verdict).toBe("answered");
  });

  it("takes a state's nationality word for its armed forces, not another group in their place", async () => {
    // "a continuing Israeli air and ground offensive in Lebanon" speaks of the IDF, beside Hamas and Hezbollah.
    const answer = await engine.ask("has the IDF launched a ground offensive in lebanon");
    expect(answer.verdict).toBe("answered");
    expect(answer.excerpts[0]!.text).toContain("Israeli air and ground offensive in Lebanon");
  });

  it("does not confirm an answer to a question pointing at something it never names, and says so", async () => {
    // Two passages tell of rockets fired at the Victoria base: "this base" says neither which base nor which attack.
    const answer = await engine.ask("how many rockets hit this base");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the question does not name what “this base” points at/);
    expect(answer.excerpts[0]!.text).toContain("rockets were fired at the Victoria military base");
    expect((await engine.ask("how many rockets hit the victoria base")).verdict).toBe("answered");
  });

  it("does not confirm who did it from a passage that reports the event without a doer", async () => {
    // "At least two rockets were fired at the Victoria military base": the passage names no one as firing them.
    const answer = await engine.ask("why did israel bomb the victoria base");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the closest does not say israel did it/);
    expect(answer.excerpts.some((e) => e.text.includes("rockets were fired at the Victoria military base"))).toBe(true);
  });

  it("finds the word that describes a group where the group is named", async () => {
    // "the yemeni rebels" are the Houthis: "a mid-level Houthi commander" answers, though it never says "Yemeni".
    const answer = await engine.ask("what happened to the yemeni rebels commander south of baghdad");
    expect(answer.verdict).toBe("answered");
    expect(answer.excerpts[0]!.text).toContain("killed a mid-level Houthi commander");
  });

  it("does not name a group's leader the articles never speak of", async () => {
    const answer = await engine.ask("who is the leader of hamas");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the articles name no leader of Hamas/);
  });

  it("does not take a sentence naming no one for a group's leader, though it speaks of one of its commanders", async () => {
    // "A US strike … killed a mid-level Houthi commander" names the Houthis and places, no person.
    const houthis = await engine.ask("who is the leader of the houthis");
    expect(houthis.verdict).toBe("related");
    expect(houthis.refusal).toMatch(/names no one as the leader of Houthis/);
    // "Abbas Al-Zaidi—a leader in Kataib Sayyid al-Shuhada" names a person.
    const kss = await engine.ask("who leads KSS");
    expect(kss.verdict).toBe("answered");
    expect(kss.excerpts[0]!.text).toContain("Abbas Al-Zaidi");
  });

  it("does not take a sentence naming no person for the name a question asks", async () => {
    // The articles speak of "a mid-level Houthi commander" and "a senior commander in the al-Quds force", never by name.
    const houthi = await engine.ask("what was the name of the houthi commander killed south of baghdad in july");
    expect(houthi.verdict).toBe("related");
    expect(houthi.refusal).toMatch(/the closest does not name the commander/);
    expect(houthi.excerpts[0]!.text).toContain("killed a mid-level Houthi commander");
    const quds = await engine.ask("whats the name of the quds force commander killed at the damascus consulate");
    expect(quds.verdict).toBe("related");
    // "Mohammed al-Hafi is Hamas’s representative" names him.
    const hamas = await engine.ask("who is the hamas rep in baghdad");
    expect(hamas.verdict).toBe("answered");
    expect(hamas.excerpts[0]!.text).toContain("al-Hafi");
  });

  it("reads a publisher the question names as around every sentence of its articles", async () => {
    // "the world's eyes have been on Gaza" is Al Majalla's, and names neither Al Majalla nor attention.
    const answer = await engine.ask("what does al majalla say about the world's attention");
    expect(answer.excerpts.map((e) => e.text).join(" ")).toContain("the world's eyes");
  });

  it("answers from the articles of the publisher a question names", async () => {
    const articles = engine.articles();
    const guardian = new Set(articles.filter((a) => a.publisher === "The Guardian").map((a) => a.file));
    expect(guardian.size).toBeGreaterThan(0);
    const answer = await engine.ask("what does the guardian say about the iraqi militias");
    expect(answer.excerpts.length).toBeGreaterThan(0);
    for (const e of answer.excerpts) expect(guardian.has(e.file), e.text).toBe(true);
  });

  it("never says the articles are not about a question naming their publisher, however little else it asks", async () => {
    const jpost = new Set(engine.articles().filter((a) => a.publisher === "The Jerusalem Post").map((a) => a.file));
    const answer = await engine.ask("what did the jerusalem post say");
    expect(answer.verdict).not.toBe("none");
    for (const e of answer.excerpts) expect(jpost.has(e.file), e.text).toBe(true);
    // The short name people type is the publisher too.
    const short = await engine.ask("what did the jpost guy say");
    expect(short.verdict).not.toBe("none");
    for (const e of short.excerpts) expect(jpost.has(e.file), e.text).toBe(true);
  });

  it("does not confirm a number the closest passage does not give, in digits or in words", async () => {
    // The Guardian's article says "about 40 attacks … in the past two and a half weeks".
    const wrongNumber = await engine.ask("why did the guardian say iraqi militias launched 400 attacks on israel in two weeks");
    expect(wrongNumber.verdict).toBe("related");
    expect(wrongNumber.refusal).toMatch(/does not say 400/);
    const inWords = await engine.ask("who killed the 3 us soldiers in jordan");
    expect(inWords.verdict).toBe("answered");
    expect(inWords.excerpts[0]!.text).toContain("Kataib Hezbollah killed three US soldiers");
  });

  it("quotes the closest passages for a paraphrase sharing few words with the articles but close in meaning to one", async () => {
    // The articles say "politicians made espionage claims against ministers"; "cabinet" and "spying" are not theirs.
    const answer = await engine.ask("who accused members of baghdad's cabinet of spying");
    expect(answer.verdict).not.toBe("none");
    expect(answer.excerpts.some((e) => e.text.includes("made espionage claims against ministers"))).toBe(true);
  });

  it("reads a quotation over several sentences as one passage, its speaker named where it closes", async () => {
    // "IRNA claimed that “Informed sources … it is not possible to export this strategic mineral from Eilat …"
    const irna = await engine.ask("what did IRNA say about potash exports after the strike");
    expect(irna.verdict).toBe("answered");
    expect(irna.excerpts[0]!.text).toContain("IRNA claimed that");
    // "“The number … has gone through the roof. They’ve moved into a higher gear …,” said Michael Knights"
    const knights = await engine.ask("How did Michael Knights describe the number of missiles and drones fired from Iraq?");
    expect(knights.verdict).toBe("answered");
    expect(knights.excerpts[0]!.text).toContain("said Michael Knights");
  });

  it("does not confirm an event at a place the closest passage does not mention, however common the place", async () => {
    // Khafaji was killed on the road to Damascus airport; Baghdad is named all over the articles.
    const wrongPlace = await engine.ask("why was khafaji killed in baghdad");
    expect(wrongPlace.verdict).toBe("related");
    expect(wrongPlace.refusal).toMatch(/none mentions baghdad there/);
    const rightPlace = await engine.ask("where was khafaji killed");
    expect(rightPlace.verdict).toBe("answered");
  });

  it("takes a question's publisher as the teller of its articles' sentences, not a name they replace", async () => {
    const answer = await engine.ask("how well does al majalla think israel has done against nasrallah's group");
    expect(answer.refusal ?? "").not.toMatch(/not Al Majalla/);
  });

  it("answers a greeting, thanks or a request for help with how to ask, quoting nothing", async () => {
    for (const [message, kind] of [
      ["help", "help"],
      ["hey, how does this work?", "help"],
      ["hi!", "greeting"],
      ["thanks so much", "thanks"],
    ] as const) {
      const answer = await engine.ask(message);
      expect(answer.smallTalk, message).toBe(kind);
      expect(answer.verdict, message).toBe("none");
      expect(answer.excerpts, message).toEqual([]);
      expect(answer.refusal, message).toMatch(/articles/);
    }
    // Searched, "help" found "is helping intelligence communities" and was answered with it.
    const question = await engine.ask("who helped the houthis");
    expect(question.smallTalk).toBeUndefined();
    expect(question.verdict).not.toBe("none");
  });

  it("quotes first, for 'who is X' or the name alone, a sentence saying who X is, as /actor does", async () => {
    for (const [question, says] of [
      ["who is hassan nasrallah", "Hezbollah leader Hassan Nasrallah"],
      ["who is khafaji", "a senior"],
      ["what is the washington institute", "a US-based thinktank"],
      // A name typed alone in a channel asks the same: not "Harakat Hezbollah is a different Iraqi militia…".
      ["hezbollah", "founded with Iranian sponsorship"],
      ["qaani?", "Quds Force commander Esmail Qaani"],
    ] as const) {
      const answer = await engine.ask(question);
      expect(answer.verdict, question).toBe("answered");
      expect(answer.excerpts[0]!.text, question).toContain(says);
    }
  });

  it("quotes first, for 'who leads X', a sentence naming X's leader, not another group's", async () => {
    const answer = await engine.ask("who leads hezbollah");
    expect(answer.verdict).toBe("answered");
    expect(answer.excerpts[0]!.text).toContain("Hezbollah leader Hassan Nasrallah");
    const kh = await engine.ask("who heads kataib hezbollah");
    expect(kh.excerpts[0]!.text).toContain("Kataib Hezbollah leader Abu Mahdi al-Muhandis");
  });

  it("does not confirm who leads a group now from a sentence saying its leader was killed", async () => {
    const answer = await engine.ask("who is the current leader of kataib hezbollah");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/not who leads now/);
  });

  it("does not confirm a why question whose closest sentence denies its premise, and quotes what it says", async () => {
    const answer = await engine.ask("why did michael knights say the iraqi militias are more capable than hezbollah");
    expect(answer.verdict).toBe("related");
    expect(answer.refusal).toMatch(/the closest says “not as capable”/);
  });

  it("quotes first a sentence about the person asked after, not one naming their relative by them", async () => {
    // "That attack reportedly killed Nasrallah's son-in-law" came first.
    for (const question of ["did israel kill nasrallah", "what happened to nasrallah"]) {
      const answer = await engine.ask(question);
      expect(answer.excerpts[0]!.text, question).not.toContain("son-in-law");
      expect(answer.excerpts[0]!.text, question).toMatch(/(?:killed|assassination of) (?:the )?Hezbollah leader,? Hassan Nasrallah/);
    }
  });

  it("refuses a question made only of common words", async () => {
    const answer = await engine.ask("What is it that they are?");
    expect(answer.answered).toBe(false);
    expect(answer.refusal).toMatch(/specific/);
  });
});
