import { describe, expect, it } from "vitest";
import { PageStore, type StoredPassages } from "../../bot/pageStore.js";

const passages = (question: string): StoredPassages => ({ question, passages: [], sources: [] });

describe("PageStore", () => {
  it("returns what was stored until it expires", () => {
    let now = 0;
    const store = new PageStore({ ttlSeconds: 60, now: () => now });
    const id = store.put(passages("q1"));
    expect(id).toMatch(/^[\w-]{8}$/);
    now = 59_999;
    expect(store.get(id)?.question).toBe("q1");
    now = 60_000;
    expect(store.get(id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest", () => {
    const store = new PageStore({ maxEntries: 3 });
    const ids = ["a", "b", "c", "d", "e"].map((q) => store.put(passages(q)));
    expect(store.size).toBe(3);
    expect(store.get(ids[0]!)).toBeUndefined();
    expect(store.get(ids[1]!)).toBeUndefined();
    expect(ids.slice(2).map((id) => store.get(id)?.question)).toEqual(["c", "d", "e"]);
  });

  it("drops expired entries when storing new ones", () => {
    let now = 0;
    const store = new PageStore({ ttlSeconds: 1, now: () => now });
    store.put(passages("old"));
    store.put(passages("old too"));
    now = 5_000;
    store.put(passages("new"));
    expect(store.size).toBe(1);
  });

  it("states its lifetime in minutes", () => {
    expect(new PageStore({ ttlSeconds: 900 }).ttlMinutes).toBe(15);
  });
});
