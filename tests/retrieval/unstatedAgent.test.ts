import { describe, expect, it } from "vitest";
import { agentNotStated, hasAgentlessPassive } from "../../retrieval/verdict/unstatedAgent.js";
import { tokenize } from "../../retrieval/text/tokenize.js";
import { readWordByWord } from "../support/wordByWord.js";

const sentence = (text: string) => ({ text, terms: new Set(tokenize(text)) });
const understood = (searched: string, names: string[], close: Record<string, string[]> = {}) => readWordByWord(searched, { names, close });
/** Where each of `names` starts in the question: the parties an actor registry would find there. */
const partiesIn = (searched: string, names: string[]) => names.flatMap((n) => (searched.includes(n) ? [{ start: searched.indexOf(n) }] : []));
/** The doer check with every name of the question a known party. */
const check = (searched: string, names: string[], text: { text: string; terms: ReadonlySet<string> }, close: Record<string, string[]> = {}) =>
  agentNotStated(understood(searched, names, close), text, partiesIn(searched, names));

describe("hasAgentlessPassive", () => {
  it("finds an event reported in the passive without saying by whom", () => {
    expect(hasAgentlessPassive("At least two rockets were fired at the Victoria military base.")).toBe(true);
    expect(hasAgentlessPassive("A car on the road was reportedly struck on Friday.")).toBe(true);
    expect(hasAgentlessPassive("The commander got killed near the airport.")).toBe(true);
  });

  it("leaves the active voice and a passive that says by whom alone", () => {
    expect(hasAgentlessPassive("Israel has struck Yemen directly twice.")).toBe(false);
    expect(hasAgentlessPassive("The base was struck by a rocket fired by the militia.")).toBe(false);
    expect(hasAgentlessPassive("The militias are strong and the front is open.")).toBe(false);
  });
});

describe("agentNotStated", () => {
  const rockets = sentence("At least two rockets were fired at the Victoria military base, which hosts American forces.");

  it("names the doer a 'why did X' question gives when the sentence reports the event without one", () => {
    expect(check("why did israel bomb the victoria base", ["israel", "victoria"], rockets)).toBe("israel");
    expect(check("when did the houthis fire rockets at the base", ["houthis"], rockets)).toBe("houthis");
  });

  it("takes the doer as stated by any of its names or its nationality word, in the sentence itself", () => {
    const strike = sentence("The commander was killed in an Israeli drone strike.");
    expect(check("why did israel kill the commander", ["israel"], strike, { israel: ["israeli"] })).toBeUndefined();
    expect(check("why did israel kill the commander", ["israel"], strike)).toBe("israel");
    expect(check("why did the militia fire rockets", ["militia"], sentence("Rockets were fired by the militia."))).toBeUndefined();
  });

  it("names the doer when the sentence gives the event to another with 'by', unless the doer leads the event too", () => {
    const launch = sentence("Iran's proxies in Iraq are potential targets after the 1 October launch by Iran of 180 ballistic missiles.");
    expect(check("how many missiles did iraq fire at israel", ["iraq", "israel"], launch, { fire: ["launch"] })).toBe("iraq");
    expect(check("how many missiles did iran fire at israel", ["iran", "israel"], launch, { fire: ["launch"] })).toBeUndefined();
    const raids = sentence("Israel, which has carried out strikes against targets in Syria for years, has increased raids since the attack by Hamas.");
    expect(check("how long has israel been striking targets in syria", ["israel", "syria"], raids, { striking: ["strikes", "attack"] })).toBeUndefined();
  });

  it("reads the doer as the whole name typed, found anywhere in the 'by' phrase, and leaves a sentence with a pronoun alone", () => {
    const luther = (text: string) => check("when did martin luther publish the translation", ["martin", "luther"], sentence(text));
    expect(luther("Luther had published the German translation in 1522.")).toBeUndefined();
    expect(luther("The German translation was published in 1522.")).toBe("martin");
    // "he" may be Luther: the sentence is not read as leaving the doer out.
    expect(luther("In 1522 he had the German translation published.")).toBeUndefined();
    const origin = sentence("This origin was first suggested by the Russian biologist Konstantin Mereschkowski in 1905.");
    expect(check("when did konstantin mereschkowski suggest the origin", ["konstantin", "mereschkowski"], origin)).toBeUndefined();
  });

  it("asks it only of a party the actor registry knows, not of a place or a thing", () => {
    const question = "how many tonnes of tomatoes does victoria produce";
    const produced = sentence("Last year, 270,000 tonnes of tomatoes were produced.");
    expect(agentNotStated(understood(question, ["victoria"]), produced, [])).toBeUndefined();
    expect(agentNotStated(understood(question, ["victoria"]), produced, partiesIn(question, ["victoria"]))).toBe("victoria");
  });

  it("leaves questions without a named doer, and sentences in the active voice, alone", () => {
    expect(check("why did the rockets hit the base", [], rockets)).toBeUndefined();
    expect(check("how many rockets were fired at the base", ["victoria"], rockets)).toBeUndefined();
    expect(check("why did iran fire missiles", ["iran"], sentence("Kataib Hezbollah fired missiles at Eilat."))).toBeUndefined();
  });
});
