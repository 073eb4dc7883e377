import type { Answer, Rewrite } from "../../retrieval/types.js";
import { fitEscaped, fitList } from "./fitText.js";

/** Room for the whole note, so a long question still leaves the reply its room. */
const NOTE_ROOM = 300;
/** Room for each side of a rewrite, so several still fit one note. */
const WORD_ROOM = 60;
const READ_AS = "Read ";
const SEARCHED_FOR = "Searched for ";

/** `“sistany” as “Sistani”`, escaped. */
function rewriteText(rewrite: Rewrite): string {
  return `“${fitEscaped(rewrite.from, WORD_ROOM)}” as “${fitEscaped(rewrite.to, WORD_ROOM)}”`;
}

/**
 * One italic line saying how the question was read, when that differs from what was typed: the
 * words read as others (`*Read “sistany” as “Sistani”*`), else the question searched (chat noise
 * removed). Escaped, so it can neither ping nor apply Markdown; undefined when nothing differs.
 */
export function searchedNote(answer: Pick<Answer, "question" | "searched" | "rewrites">): string | undefined {
  if (answer.searched === answer.question) return undefined;
  const room = NOTE_ROOM - "**".length;
  const text =
    answer.rewrites.length > 0
      ? READ_AS + fitList(answer.rewrites.map(rewriteText), room - READ_AS.length, ", ")
      : `${SEARCHED_FOR}“${fitEscaped(answer.searched, room - SEARCHED_FOR.length - "“”".length)}”`;
  return `*${text}*`;
}

/** Room for the understood question, so the note stays one short line. */
const UNDERSTOOD_ROOM = 300;
export const UNDERSTOOD_MARK = "↪ ";

/**
 * How a follow-up was understood, written out ("↪ where was Abu Haidar al-Khafaji's funeral?"), so
 * the person can see what it leaned on and correct it. Escaped: it can neither ping nor apply Markdown.
 */
export function understoodNote(text: string): string {
  return `${UNDERSTOOD_MARK}${fitEscaped(text, UNDERSTOOD_ROOM)}`;
}
