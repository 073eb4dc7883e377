import { describe, expect, it } from "vitest";
import { agentNotStated, hasAgentlessPassive } from "../../retrieval/verdict/unstatedAgent.js";
import { tokenize } from "../../retrieval/text/tokenize.js";
import { readWordByWord } from "../support/wordByWord.js";

const sentence = (text: string) => ({ text, terms: new Set(tokenize(text)) });
const understood = (searched: string, names: string[], close: Record<string, string[]> = {}) => readWordByWord(searched, { names, close });

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
    expect(agentNotStated(understood("why did israel bomb the victoria base", ["israel", "victoria"]), rockets)).toBe("israel");
    expect(agentNotStated(understood("when did the houthis fire rockets at the base", ["houthis"]), rockets)).toBe("houthis");
  });

  it("takes the doer as stated by any of its names or its nationality word, in the sentence itself", () => {
    const strike = sentence("The commander was killed in an Israeli drone strike.");
    expect(agentNotStated(understood("why did israel kill the commander", ["israel"], { israel: ["israeli"] }), strike)).toBeUndefined();
    expect(agentNotStated(understood("why did israel kill the commander", ["israel"]), strike)).toBe("israel");
    expect(agentNotStated(understood("why did the militia fire rockets", ["militia"]), sentence("Rockets were fired by the militia."))).toBeUndefined();
  });

  it("names the doer when the sentence gives the event to another with 'by', unless the doer leads the event too", () => {
    const launch = sentence("Iran's proxies in Iraq are potential targets after the 1 October launch by Iran of 180 ballistic missiles.");
    expect(agentNotStated(understood("how many missiles did iraq fire at israel", ["iraq", "israel"], { fire: ["launch"] }), launch)).toBe("iraq");
    expect(agentNotStated(understood("how many missiles did iran fire at israel", ["iran", "israel"], { fire: ["launch"] }), launch)).toBeUndefined();
    const raids = sentence("Israel, which has carried out strikes against targets in Syria for years, has increased its raids since the attack by Hamas.");
    expect(agentNotStated(understood("how long has israel been striking targets in syria", ["israel", "syria"], { striking: ["strikes", "attack"] }), raids)).toBeUndefined();
  });

  it("leaves questions without a named doer, and sentences in the active voice, alone", () => {
    expect(agentNotStated(understood("why did the rockets hit the base", []), rockets)).toBeUndefined();
    expect(agentNotStated(understood("how many rockets were fired at the base", ["victoria"]), rockets)).toBeUndefined();
    expect(agentNotStated(understood("why did iran fire missiles", ["iran"]), sentence("Kataib Hezbollah fired missiles at Eilat."))).toBeUndefined();
  });
});
