import type { Engine } from "../engine.js";
import { askFollowUp } from "../conversation/askFollowUp.js";
import type { SubjectFinder } from "../names/subjects.js";
import type { Conversation, Resolution } from "../conversation/types.js";
import { judge } from "./devSet.js";

/** A conversation to measure: each turn typed as people follow up, and written out in full. */
export interface JudgedConversation {
  id: string;
  turns: readonly { q: string; full: string; any: readonly string[]; kind: string }[];
}

export interface TurnResult {
  conversation: string;
  turn: number;
  kind: string;
  typed: string;
  /** The question as the resolver wrote it out. */
  resolved: string;
  resolution: Resolution;
  full: string;
  /** A gold phrase in the first three passages offered, asked as a follow-up in the conversation. */
  followUpTop3: boolean;
  /** The same, for the question written out in full and asked alone. */
  fullTop3: boolean;
  followUpVerdict: string;
  fullVerdict: string;
}

export interface ConversationReport {
  conversations: number;
  /** Follow-up turns (every turn after the first). */
  followUps: number;
  followUpTop3: number;
  fullTop3: number;
  byKind: Record<string, { turns: number; followUpTop3: number; fullTop3: number }>;
  turns: TurnResult[];
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000);

/**
 * Asks every conversation turn by turn through the follow-up resolver, and each follow-up again
 * written out in full on its own: whether the right passage is in the top 3 either way.
 */
export async function evaluateConversations(engine: Pick<Engine, "ask">, finder: SubjectFinder, conversations: readonly JudgedConversation[]): Promise<ConversationReport> {
  const turns: TurnResult[] = [];
  for (const judged of conversations) {
    let conversation: Conversation = { turns: [] };
    for (const [index, turn] of judged.turns.entries()) {
      const followed = await askFollowUp(engine, finder, turn.q, conversation);
      conversation = followed.conversation;
      if (index === 0) continue;
      const full = await engine.ask(turn.full);
      const question = { q: turn.q, kind: turn.kind, any: turn.any, split: "check" };
      turns.push({
        conversation: judged.id,
        turn: index,
        kind: turn.kind,
        typed: turn.q,
        resolved: followed.resolved.text,
        resolution: followed.resolved.resolution,
        full: turn.full,
        followUpTop3: judge(question, followed.answer).top3,
        fullTop3: judge(question, full).top3,
        followUpVerdict: followed.answer.verdict,
        fullVerdict: full.verdict,
      });
    }
  }
  const byKind: ConversationReport["byKind"] = {};
  for (const t of turns) {
    const k = (byKind[t.kind] ??= { turns: 0, followUpTop3: 0, fullTop3: 0 });
    k.turns++;
    k.followUpTop3 += Number(t.followUpTop3);
    k.fullTop3 += Number(t.fullTop3);
  }
  for (const k of Object.values(byKind)) {
    k.followUpTop3 = share(k.followUpTop3, k.turns);
    k.fullTop3 = share(k.fullTop3, k.turns);
  }
  return {
    conversations: conversations.length,
    followUps: turns.length,
    followUpTop3: share(turns.filter((t) => t.followUpTop3).length, turns.length),
    fullTop3: share(turns.filter((t) => t.fullTop3).length, turns.length),
    byKind,
    turns,
  };
}
