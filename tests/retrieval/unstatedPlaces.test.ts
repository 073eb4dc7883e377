import { describe, expect, it } from "vitest";
import { placesNotAround } from "../../retrieval/verdict/unstatedPlaces.js";

describe("placesNotAround", () => {
  it("names a place the question puts its event at that the passage does not mention", () => {
    expect(placesNotAround("why was khafaji killed in baghdad", ["baghdad"])).toEqual(["baghdad"]);
    expect(placesNotAround("What happened near Damascus's airport?", ["damascus"])).toEqual(["damascus"]);
    expect(placesNotAround("did the strike outside Beirut kill anyone, and the one in Beirut", ["beirut"])).toEqual(["beirut"]);
  });

  it("leaves a place the passage mentions, and a name the question does not place anything at", () => {
    expect(placesNotAround("why was khafaji killed in baghdad", [])).toEqual([]);
    // "baghdad" is the subject here, not where the event is said to be: the name checks decide.
    expect(placesNotAround("why does baghdad fear israeli strikes", ["baghdad"])).toEqual([]);
    expect(placesNotAround("why did israel strike the militias in syria", ["israel"])).toEqual([]);
  });
});
