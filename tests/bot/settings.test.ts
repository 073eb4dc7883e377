import { describe, expect, it } from "vitest";
import { notAChannelNotice, parseChannelList } from "../../bot/commands/settings.js";
import { threadName } from "../../bot/threads.js";
import { AnswerGate } from "../../bot/rateLimit.js";

const A = "100000000000000001";
const B = "100000000000000002";
const known = (id: string) => id === A || id === B;

describe("parseChannelList", () => {
  it("reads channel mentions and ids, once each, and 'all' / 'default'", () => {
    expect(parseChannelList(`<#${A}>, ${B} <#${A}>`, known)).toEqual({ ok: true, ids: [A, B] });
    expect(parseChannelList("ALL", known)).toEqual({ ok: true, ids: [] });
    expect(parseChannelList("default", known)).toEqual({ ok: true, ids: null });
  });

  it("names the first value that is not a text channel of the server", () => {
    expect(parseChannelList(`<#${A}> #news`, known)).toEqual({ ok: false, notice: notAChannelNotice("#news") });
    expect(parseChannelList("<#999999999999999999>", known)).toEqual({ ok: false, notice: notAChannelNotice("<#999999999999999999>") });
    expect(parseChannelList("<@123456789012345678>", known)).toMatchObject({ ok: false });
  });
});

describe("threadName", () => {
  it("is the question on one line, cut to Discord's 100 characters with an ellipsis", () => {
    expect(threadName("who was\nAbu Haidar  al-Khafaji?")).toBe("who was Abu Haidar al-Khafaji?");
    const long = threadName("why ".repeat(60));
    expect(long.length).toBe(100);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("AnswerGate with a server's cooldown", () => {
  it("uses the cooldown given with the question over the default", () => {
    let now = 0;
    const gate = new AnswerGate({ cooldownSeconds: 10, maxInFlight: 4, now: () => now });
    expect(gate.tryAdmit("u", 60).admitted).toBe(true);
    now = 30_000;
    expect(gate.tryAdmit("u", 60)).toMatchObject({ admitted: false, reason: "cooldown", retryAt: 60_000 });
    expect(gate.tryAdmit("v", 60).admitted).toBe(true);
    now = 60_000;
    expect(gate.tryAdmit("u", 60).admitted).toBe(true);
  });
});
