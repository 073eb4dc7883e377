import type { Subject } from "../names/subjects.js";

export type { Subject, SubjectClass } from "../names/subjects.js";

/** One question of a conversation and what it was about. */
export interface Turn {
  /** The question as typed. */
  question: string;
  /** The question as resolved against the turns before it (what was searched). */
  resolved: string;
  /** Subjects the resolved question names, in order. */
  subjects: Subject[];
  /** People and groups the answer's best quote names (not in the question): what "he" or "that group" may point at next. */
  answerSubjects: Subject[];
}

/** The turns so far, oldest first; kept short (see MAX_TURNS). */
export interface Conversation {
  turns: readonly Turn[];
}

/** How a follow-up was read. */
export type Resolution =
  /** The first question, or one that names its own subject: nothing earlier is used. */
  | "standalone"
  | "new-topic"
  /** Pronouns and possessives replaced by what they point at. */
  | "pronoun"
  /** "and the houthis?": the previous question asked again about a new subject. */
  | "ellipsis"
  /** "why?", "when?": the previous question asked with another question word. */
  | "question-word"
  /** No subject of its own: what the previous question was about is added. */
  | "context";

export interface ResolvedQuestion {
  /** The question as typed. */
  question: string;
  /** The question written out as understood: what is searched, and what the reply shows after "↪". */
  text: string;
  resolution: Resolution;
  /** What the resolution leaned on from earlier turns; empty for standalone and new-topic. */
  leanedOn: Subject[];
  /**
   * True when the question leans on an earlier turn (a pronoun, "and …?", a bare "why?") but there
   * is none: the conversation expired or never was. `text` is then the question as typed.
   */
  needsContext: boolean;
}
