import { escapeMarkdown } from "discord.js";

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Makes article or user text safe to show: Markdown is escaped so it cannot reformat the message,
 * and every mention form (@everyone, @here, <@user>, <@&role>, <#channel>, </command:id>, <t:…>,
 * custom emoji) is broken with a zero-width space so it can neither ping nor render. This is
 * belt and braces: every message also carries `allowedMentions: { parse: [] }`.
 */
export function escapeText(text: string): string {
  const markdownSafe = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return markdownSafe
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`);
}
