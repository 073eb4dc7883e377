/** Whether a question may be answered now; when not, why and from when it may. */
export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; reason: "cooldown" | "busy"; retryAt: number };

export interface AnswerGateOptions {
  cooldownSeconds: number;
  maxInFlight: number;
  now?: () => number;
}

/** How long a person is asked to wait when the bot is answering as many questions as it may. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * Per-person cooldown plus a cap on answers being computed at once, so one person or a burst
 * cannot queue up minutes of embedding work. Only admitted questions start a cooldown.
 */
export class AnswerGate {
  private readonly lastAdmitted = new Map<string, number>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly cooldownMs: number;
  /** The longest cooldown any question was given: how long an admission must be remembered. */
  private longestCooldownMs: number;
  private readonly maxInFlight: number;
  private readonly now: () => number;

  constructor(options: AnswerGateOptions) {
    this.cooldownMs = options.cooldownSeconds * 1000;
    this.longestCooldownMs = this.cooldownMs;
    this.maxInFlight = options.maxInFlight;
    this.now = options.now ?? Date.now;
  }

  get inFlight(): number {
    return this.running;
  }

  /** `cooldownSeconds` overrides the default for this question (a server's own setting). */
  tryAdmit(userId: string, cooldownSeconds?: number): Admission {
    const now = this.now();
    const cooldownMs = cooldownSeconds === undefined ? this.cooldownMs : cooldownSeconds * 1000;
    this.longestCooldownMs = Math.max(this.longestCooldownMs, cooldownMs);
    this.forgetExpired(now);
    const last = this.lastAdmitted.get(userId);
    if (last !== undefined && now - last < cooldownMs) return { admitted: false, reason: "cooldown", retryAt: last + cooldownMs };
    if (this.running >= this.maxInFlight) return { admitted: false, reason: "busy", retryAt: now + BUSY_RETRY_SECONDS * 1000 };
    // Re-inserting keeps the map ordered by admission time, which forgetExpired relies on.
    this.lastAdmitted.delete(userId);
    this.lastAdmitted.set(userId, now);
    this.running += 1;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.running -= 1;
        if (this.running === 0) this.notifyIdle();
      },
    };
  }

  /** Resolves once no admitted question is still being answered. */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Drops cooldowns that have run out, so the map holds only people who asked recently. */
  private forgetExpired(now: number): void {
    for (const [userId, at] of this.lastAdmitted) {
      if (now - at < this.longestCooldownMs) break;
      this.lastAdmitted.delete(userId);
    }
  }
}
