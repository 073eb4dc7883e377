/**
 * Follow-up questions (issue 11): a conversation of a few turns, and how a new question leans on it.
 *
 *   const finder = createSubjectFinder(engine.actors);
 *   let conversation: Conversation = { turns: [] };
 *   const { answer, resolved, conversation: next } = await askFollowUp(engine, finder, "where was his funeral?", conversation);
 *   resolved.text    // "where was Abu Haidar al-Khafaji's funeral?"
 *
 * `resolveFollowUp` is pure; `ConversationStore` keeps conversations bounded (turns, inactivity, count).
 */
export { askFollowUp, type FollowUpAnswer } from "./askFollowUp.js";
export { addTurn, CONTEXT_SEPARATOR, makeTurn, MAX_TURNS, resolveFollowUp } from "./resolveFollowUp.js";
export { createSubjectFinder, type SubjectFinder } from "../names/subjects.js";
export { ConversationStore, type StoredConversation, type ConversationStoreOptions } from "./conversationStore.js";
export type { Conversation, ResolvedQuestion, Resolution, Subject, Turn } from "./types.js";
