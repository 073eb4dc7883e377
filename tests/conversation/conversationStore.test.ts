import { describe, expect, it } from "vitest";
import { ConversationStore, type Conversation } from "../../retrieval/conversation/index.js";

const oneTurn: Conversation = { turns: [{ question: "who is Qaani?", resolved: "who is Qaani?", subjects: [{ name: "Esmail Qaani", kind: "person", actorId: "esmail-qaani" }], answerSubjects: [] }] };

function clockedStore(options: { ttlMs?: number; maxConversations?: number } = {}) {
  let now = 1_000_000;
  const store = new ConversationStore({ ...options, now: () => now });
  return { store, advance: (ms: number) => (now += ms) };
}

describe("ConversationStore", () => {
  it("continues a conversation through any of its anchors, for its owner", () => {
    const { store } = clockedStore();
    const started = store.start("guild:channel:alice");
    store.save(started.id, "guild:channel:alice", oneTurn, ["answer-1"]);
    const found = store.follow("answer-1", "guild:channel:alice");
    expect(found).toMatchObject({ status: "live", stored: { id: started.id, conversation: oneTurn } });
    expect(store.follow("never-seen", "guild:channel:alice")).toEqual({ status: "unknown" });
  });

  it("gives another person their own copy, so their follow-ups never change the first person's conversation", () => {
    const { store } = clockedStore();
    const alice = store.start("alice");
    store.save(alice.id, "alice", oneTurn, ["answer-1"]);
    const bob = store.follow("answer-1", "bob");
    expect(bob.status).toBe("live");
    if (bob.status !== "live") return;
    expect(bob.stored.id).not.toBe(alice.id);
    expect(bob.stored.owner).toBe("bob");
    store.save(bob.stored.id, "bob", { turns: [] }, ["answer-2"]);
    expect(store.follow("answer-1", "alice")).toMatchObject({ status: "live", stored: { id: alice.id, conversation: oneTurn } });
  });

  it("expires a conversation after the inactivity limit and says so", () => {
    const { store, advance } = clockedStore({ ttlMs: 60_000 });
    const started = store.start("alice");
    store.save(started.id, "alice", oneTurn, ["answer-1"]);
    advance(59_999);
    expect(store.follow("answer-1", "alice").status).toBe("live");
    store.save(started.id, "alice", oneTurn, ["answer-1"]);
    advance(60_000);
    expect(store.follow("answer-1", "alice")).toEqual({ status: "expired" });
    expect(store.size).toBe(0);
  });

  it("holds at most maxConversations, dropping the least recently active", () => {
    const { store, advance } = clockedStore({ maxConversations: 2 });
    for (const name of ["a", "b", "c"]) {
      const started = store.start(name);
      store.save(started.id, name, oneTurn, [`answer-${name}`]);
      advance(1);
    }
    expect(store.size).toBe(2);
    expect(store.follow("answer-a", "a")).toEqual({ status: "expired" });
    expect(store.follow("answer-c", "c").status).toBe("live");
  });
});
