import { randomUUID } from "node:crypto";
import type { Conversation } from "./types.js";

export interface StoredConversation {
  id: string;
  /** Whose conversation it is (the bot uses server, channel and person): never shared with another owner. */
  owner: string;
  conversation: Conversation;
  lastActive: number;
}

export interface ConversationStoreOptions {
  /** A conversation expires after this long without a question; default 30 minutes. */
  ttlMs?: number;
  /** At most this many conversations are kept; the least recently active goes first. Default 1,000. */
  maxConversations?: number;
  now?: () => number;
}

/** What a follow-up on an anchor (a message or thread the conversation is attached to) finds. */
export type FollowUpLookup =
  | { status: "live"; stored: StoredConversation }
  /** The anchor was a conversation's, but it expired or was dropped for newer ones. */
  | { status: "expired" }
  | { status: "unknown" };

/** Anchors remembered per conversation kept, so an expired conversation is still recognised as one. */
const ANCHORS_PER_CONVERSATION = 8;

/**
 * Conversations in memory, bounded three ways: a few turns each (addTurn), expiry after inactivity,
 * and a cap on how many are held. Each is reached through anchors (the ids of the messages and
 * threads that carry it) and belongs to one owner: another person following up on the same anchor
 * gets their own copy, so two people's conversations never mix.
 */
export class ConversationStore {
  readonly ttlMs: number;
  readonly maxConversations: number;
  private readonly now: () => number;
  /** In order of last activity, oldest first. */
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly anchors = new Map<string, string>();

  constructor(options: ConversationStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxConversations = options.maxConversations ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get ttlMinutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  get size(): number {
    this.prune();
    return this.conversations.size;
  }

  /** A new, empty conversation for `owner`. */
  start(owner: string): StoredConversation {
    const stored = { id: randomUUID(), owner, conversation: { turns: [] }, lastActive: this.now() };
    this.put(stored);
    return stored;
  }

  /** The conversation behind an anchor, for `owner`: theirs, a copy of someone else's, or why there is none. */
  follow(anchor: string, owner: string): FollowUpLookup {
    const id = this.anchors.get(anchor);
    if (id === undefined) return { status: "unknown" };
    const found = this.live(id);
    if (!found) return { status: "expired" };
    if (found.owner === owner) return { status: "live", stored: found };
    const copy = { id: randomUUID(), owner, conversation: found.conversation, lastActive: this.now() };
    this.put(copy);
    return { status: "live", stored: copy };
  }

  /** Records the conversation after a turn, and the anchors (reply message, thread) that continue it. */
  save(id: string, owner: string, conversation: Conversation, anchors: readonly string[] = []): void {
    this.put({ id, owner, conversation, lastActive: this.now() });
    for (const anchor of anchors) {
      this.anchors.delete(anchor);
      this.anchors.set(anchor, id);
    }
    const maxAnchors = this.maxConversations * ANCHORS_PER_CONVERSATION;
    for (const anchor of this.anchors.keys()) {
      if (this.anchors.size <= maxAnchors) break;
      this.anchors.delete(anchor);
    }
  }

  private live(id: string): StoredConversation | undefined {
    const stored = this.conversations.get(id);
    if (!stored) return undefined;
    if (this.now() - stored.lastActive >= this.ttlMs) {
      this.conversations.delete(id);
      return undefined;
    }
    return stored;
  }

  private put(stored: StoredConversation): void {
    this.conversations.delete(stored.id);
    this.conversations.set(stored.id, stored);
    this.prune();
    while (this.conversations.size > this.maxConversations) this.conversations.delete(this.conversations.keys().next().value!);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, stored] of this.conversations) {
      if (now - stored.lastActive < this.ttlMs) break; // oldest first: the rest are newer
      this.conversations.delete(id);
    }
  }
}
