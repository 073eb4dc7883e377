import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorProfile } from "../../retrieval/actors/actorProfile.js";
import { buildActorRegistry } from "../../retrieval/actors/buildActorRegistry.js";
import { parseCuratedActors, type CuratedActors } from "../../retrieval/actors/curatedActors.js";
import { loadActorRegistry } from "../../retrieval/actors/loadActorRegistry.js";
import { lookupActor } from "../../retrieval/actors/lookupActor.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import type { Document } from "../../retrieval/types.js";
import { PROJECT_ROOT, seedRegistry } from "./seedRegistry.js";

function article(id: string, text: string): Document {
  return { id, file: `corpus/articles/${id}.txt`, title: id, text, regions: [{ start: 0, end: text.length }] };
}

const CURATED: CuratedActors = parseCuratedActors(
  {
    actors: [
      { name: "Israel", kind: "state" },
      { name: "Esmail Qaani", kind: "person", aliases: ["Ismail Qaani"] },
    ],
    notActors: ["Red Sea"],
    descriptors: ["Israeli"],
  },
  "test actors",
);

const TEXT = [
  "The Washington Institute, a US-based thinktank, said on Monday that the Islamic Resistance of Iraq (IRI) fired drones.",
  "Recent Israeli strikes hit the Red Sea coast in September, the Washington Institute said.",
  "In January Rami Example said Qaani had visited Israel.",
  "THE LATEST attacks came from the Babylon Front, also known as the Euphrates Legion.",
  "Officers of the Iranian Islamic Revolutionary Guard Corps (IRGC) came too.",
].join(" ");

function byName(registry: ActorRegistry, name: string) {
  const found = lookupActor(registry, name);
  return found.found ? found.actor : undefined;
}

describe("buildActorRegistry on text nobody curated", () => {
  const registry = buildActorRegistry([article("a", TEXT)], CURATED);

  it("makes actors of kind unknown from multi-word proper names", () => {
    const uncurated = registry.actors.filter((a) => !a.curated).map((a) => a.name);
    expect(uncurated).toEqual(expect.arrayContaining(["Washington Institute", "Islamic Resistance of Iraq", "Rami Example", "Babylon Front"]));
    expect(registry.actors.filter((a) => !a.curated).every((a) => a.kind === "unknown")).toBe(true);
    expect(registry.totalMentions(byName(registry, "Washington Institute")!.id)).toBe(2);
  });

  it("takes acronyms and 'also known as' names the text defines as aliases", () => {
    expect(byName(registry, "IRI")?.name).toBe("Islamic Resistance of Iraq");
    expect(byName(registry, "Euphrates Legion")?.name).toBe("Babylon Front");
    // The acronym spells the tail of the run, so "Iranian" is not taken into the name.
    expect(byName(registry, "IRGC")?.name).toBe("Islamic Revolutionary Guard Corps");
    expect(registry.actors.map((a) => a.name)).not.toContain("Iranian Islamic Revolutionary Guard Corps");
  });

  it("filters sentence openers, months, descriptors, typographic lead-ins and listed non-actors", () => {
    const keys = registry.actors.map((a) => a.name.toLowerCase());
    for (const noise of ["the washington institute", "recent israeli", "red sea", "monday", "september", "january rami example", "the latest", "latest"]) {
      expect(keys).not.toContain(noise);
    }
  });

  it("counts a curated person's surname alone as a mention", () => {
    const qaani = byName(registry, "Esmail Qaani")!;
    expect(registry.mentions.get(qaani.id)!.map((m) => m.surface)).toEqual(["Qaani"]);
  });

  it("is deterministic", () => {
    const again = buildActorRegistry([article("a", TEXT)], CURATED);
    expect(again.actors).toEqual(registry.actors);
  });
});

describe("the curated file", () => {
  it("rejects an unknown kind, naming the file and the field", () => {
    expect(() => parseCuratedActors({ actors: [{ name: "X Y", kind: "villain" }] }, "bad.json")).toThrowError(/bad\.json.*actors\.0\.kind/);
  });

  it("rejects a name given to two actors", () => {
    expect(() =>
      parseCuratedActors(
        { actors: [{ name: "Kataib Hezbollah", kind: "armed group", aliases: ["KH"] }, { name: "Kh", kind: "person" }] },
        "bad.json",
      ),
    ).toThrowError(/names both/);
  });

  it("rejects unknown fields and names without letters", () => {
    expect(() => parseCuratedActors({ actors: [{ name: "X", kind: "state", colour: "red" }] }, "bad.json")).toThrowError(/bad\.json/);
    expect(() => parseCuratedActors({ actors: [{ name: "1234", kind: "state" }] }, "bad.json")).toThrowError(/letters/);
  });

  it("names every actor the seed corpus mentions at least once", async () => {
    const registry = await seedRegistry();
    const silent = registry.actors.filter((a) => a.curated && registry.totalMentions(a.id) === 0).map((a) => a.name);
    expect(silent).toEqual([]);
  });
});

describe("adding an article", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "actors-"));
    await cp(join(PROJECT_ROOT, "corpus"), join(root, "corpus"), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("updates the registry without code changes", async () => {
    const before = await loadActorRegistry({ projectRoot: root });
    const qaaniBefore = before.totalMentions(byName(before, "Qaani")!.id);
    await writeFile(
      join(root, "corpus", "articles", "005_new.txt"),
      "Esmail Qaani met the leaders of the Sinjar Resistance Units (YBS) in Baghdad. Qaani left on Tuesday.\n",
    );
    const after = await loadActorRegistry({ projectRoot: root });
    const qaani = byName(after, "Qaani")!;
    expect(after.totalMentions(qaani.id)).toBe(qaaniBefore + 2);
    expect(actorProfile(after, qaani.id).sources.find((s) => s.file === "corpus/articles/005_new.txt")?.mentions).toBe(2);
    expect(byName(after, "YBS")).toMatchObject({ name: "Sinjar Resistance Units", kind: "unknown" });
  });
});
