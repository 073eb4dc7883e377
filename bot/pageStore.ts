import { randomBytes } from "node:crypto";
import type { Excerpt, SourceRef } from "../retrieval/types.js";

/** The further passages of one answer, kept so its "More passages" button can page through them. */
export interface StoredPassages {
  question: string;
  passages: readonly Excerpt[];
  sources: readonly SourceRef[];
}

export interface PageStoreOptions {
  ttlSeconds?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * A bounded, expiring in-memory store: answers live for `ttlSeconds` and at most `maxEntries`
 * are kept (oldest dropped first), so memory stays flat however many questions are asked.
 */
export class PageStore {
  private readonly entries = new Map<string, { value: StoredPassages; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PageStoreOptions = {}) {
    this.ttlMs = (options.ttlSeconds ?? 15 * 60) * 1000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** How long an answer's passages stay available. */
  get ttlMinutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stores the passages and returns the short id that goes into the button's custom_id. */
  put(value: StoredPassages): string {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(id);
    }
    const id = randomBytes(6).toString("base64url");
    this.entries.set(id, { value, expiresAt: now + this.ttlMs });
    return id;
  }

  /** The stored passages, or undefined once they expired or were dropped. */
  get(id: string): StoredPassages | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }
}
