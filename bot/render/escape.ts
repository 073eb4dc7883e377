import { escapeMarkdown } from "discord.js";

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Breaks every mention form (@everyone, @here, <@user>, <@&role>, <#channel>, </command:id>,
 * <t:…>, custom emoji) with a zero-width space, so it can neither ping nor render. This is belt
 * and braces: every message also carries `allowedMentions: { parse: [] }`.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`);
}

/** Makes article or user text safe where Discord renders Markdown: escaped, and unable to ping. */
export function escapeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }));
}
