import { describe, expect, it } from "vitest";
import { admissionNotice } from "../../bot/answering.js";
import { AnswerGate, BUSY_RETRY_SECONDS } from "../../bot/rateLimit.js";

function gateAt(start: number, options: { cooldownSeconds: number; maxInFlight: number }) {
  let now = start;
  const gate = new AnswerGate({ ...options, now: () => now });
  return { gate, advance: (ms: number) => (now += ms) };
}

describe("AnswerGate", () => {
  it("holds a person to the cooldown from their last admitted question", () => {
    const { gate, advance } = gateAt(1_000_000, { cooldownSeconds: 10, maxInFlight: 5 });
    const first = gate.tryAdmit("alice");
    expect(first.admitted).toBe(true);
    if (first.admitted) first.release();
    advance(4_000);
    expect(gate.tryAdmit("alice")).toEqual({ admitted: false, reason: "cooldown", retryAt: 1_010_000 });
    expect(gate.tryAdmit("bob").admitted).toBe(true);
    advance(6_000);
    expect(gate.tryAdmit("alice").admitted).toBe(true);
  });

  it("caps answers in flight and frees a slot on release, once", () => {
    const { gate } = gateAt(0, { cooldownSeconds: 0, maxInFlight: 2 });
    const a = gate.tryAdmit("a");
    const b = gate.tryAdmit("b");
    expect(gate.inFlight).toBe(2);
    expect(gate.tryAdmit("c")).toEqual({ admitted: false, reason: "busy", retryAt: BUSY_RETRY_SECONDS * 1000 });
    if (!a.admitted || !b.admitted) throw new Error("expected admission");
    a.release();
    a.release();
    expect(gate.inFlight).toBe(1);
    expect(gate.tryAdmit("c").admitted).toBe(true);
    expect(gate.tryAdmit("d").admitted).toBe(false);
  });

  it("does not start a cooldown for a question turned away as busy", () => {
    const { gate } = gateAt(0, { cooldownSeconds: 60, maxInFlight: 1 });
    const a = gate.tryAdmit("a");
    expect(gate.tryAdmit("b")).toMatchObject({ reason: "busy" });
    if (a.admitted) a.release();
    expect(gate.tryAdmit("b").admitted).toBe(true);
  });

  it("resolves whenIdle once the last answer is released", async () => {
    const { gate } = gateAt(0, { cooldownSeconds: 0, maxInFlight: 3 });
    await gate.whenIdle();
    const a = gate.tryAdmit("a");
    const b = gate.tryAdmit("b");
    if (!a.admitted || !b.admitted) throw new Error("expected admission");
    let idle = false;
    const waiting = gate.whenIdle().then(() => (idle = true));
    a.release();
    await Promise.resolve();
    expect(idle).toBe(false);
    b.release();
    await waiting;
    expect(idle).toBe(true);
  });
});

describe("admissionNotice", () => {
  it("gives the retry time as a Discord relative timestamp", () => {
    expect(admissionNotice({ admitted: false, reason: "cooldown", retryAt: 1_700_000_000_500 })).toBe("You asked a moment ago; you can ask again <t:1700000001:R>.");
    expect(admissionNotice({ admitted: false, reason: "busy", retryAt: 1_700_000_005_000 })).toContain("<t:1700000005:R>");
  });
});
