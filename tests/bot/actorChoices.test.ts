import { describe, expect, it } from "vitest";
import { actorChoices } from "../../bot/commands/actor.js";
import { buildActorRegistry, lookupActor, MAX_ACTOR_QUERY_CHARS } from "../../retrieval/actors/index.js";
import { parseCuratedActors } from "../../retrieval/actors/curatedActors.js";
import type { Document } from "../../retrieval/types.js";

// A curated name longer than Discord's 100 characters for a choice, and 30 more actors than fit a list.
const LONG_NAME = "Coordination Committee of the Islamic Resistance Factions of Iraq and the Levant for the Support of Gaza and Lebanon";
const NUMBERED = Array.from({ length: 30 }, (_, i) => `Brigade ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x Front`);

const curated = parseCuratedActors(
  { actors: [{ name: LONG_NAME, kind: "armed group" }, { name: "Esmail Qaani", kind: "person" }, ...NUMBERED.map((name) => ({ name, kind: "armed group" }))] },
  "test actors",
);
const text = [`The ${LONG_NAME} said Esmail Qaani visited.`, ...NUMBERED.map((name) => `The ${name} fired drones.`)].join(" ");
const doc: Document = { id: "a", file: "corpus/articles/a.txt", title: "A", text, regions: [{ start: 0, end: text.length }] };
const registry = buildActorRegistry([doc], curated);

describe("actorChoices (autocomplete for /actor)", () => {
  it("offers the registry's canonical names for what is typed", () => {
    expect(actorChoices(registry, "qaa")[0]).toEqual({ name: "Esmail Qaani", value: "Esmail Qaani" });
  });

  it("offers at most 25 choices, most mentioned first when nothing is typed", () => {
    expect(registry.actors.length).toBeGreaterThan(25);
    expect(actorChoices(registry, "")).toHaveLength(25);
    expect(actorChoices(registry, "   ")).toHaveLength(25);
  });

  it("keeps a choice's name and value within 100 characters, cut at a word, and the value still finds the actor", () => {
    expect(LONG_NAME.length).toBeGreaterThan(100);
    const [choice] = actorChoices(registry, "Coordination Committee");
    expect(choice!.name.length).toBeLessThanOrEqual(100);
    expect(choice!.name.endsWith(" …")).toBe(true);
    expect(choice!.value.length).toBeLessThanOrEqual(100);
    expect(LONG_NAME.startsWith(choice!.value)).toBe(true);
    expect(LONG_NAME[choice!.value.length]).toBe(" ");
    const found = lookupActor(registry, choice!.value);
    expect(found.found && found.actor.name).toBe(LONG_NAME);
  });

  it.each([
    ["no letters", "!!! 42"],
    ["longer than a name may be", "Qaani ".repeat(MAX_ACTOR_QUERY_CHARS)],
  ])("offers nothing, without throwing, for input with %s", (_, typed) => {
    expect(actorChoices(registry, typed)).toEqual([]);
  });
});
