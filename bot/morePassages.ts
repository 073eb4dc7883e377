import { MessageFlags, type ButtonInteraction } from "discord.js";
import type { ButtonHandler } from "./commands/command.js";
import type { BotContext } from "./context.js";
import { renderPassagePage } from "./render/answerEmbed.js";
import { renderNotice } from "./render/message.js";

const PREFIX = "more";
export const PASSAGES_PER_PAGE = 3;

export function expiredNotice(ttlMinutes: number): string {
  return `These passages have expired: answers are kept for ${ttlMinutes} minutes. Ask the question again to see them.`;
}

/** `more:<store id>:<page>`: which stored answer, and which page of its further passages. */
export function morePassagesButtonId(storeId: string, page: number): string {
  return `${PREFIX}:${storeId}:${page}`;
}

function parseButtonId(customId: string): { storeId: string; page: number } | undefined {
  const match = /^more:([\w-]+):(\d+)$/.exec(customId);
  return match ? { storeId: match[1]!, page: Number(match[2]) } : undefined;
}

/** Shows the next page of an answer's further passages to the person who clicked, privately. */
async function showPage(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const target = parseButtonId(interaction.customId);
  const stored = target && context.pages.get(target.storeId);
  if (!target || !stored) {
    await interaction.reply({ ...renderNotice(expiredNotice(context.pages.ttlMinutes)), flags: MessageFlags.Ephemeral });
    return;
  }
  const first = target.page * PASSAGES_PER_PAGE;
  const excerpts = stored.passages.slice(first, first + PASSAGES_PER_PAGE);
  if (excerpts.length === 0) {
    await interaction.reply({ ...renderNotice("There are no further passages for this answer."), flags: MessageFlags.Ephemeral });
    return;
  }
  const last = first + excerpts.length;
  const message = renderPassagePage({
    question: stored.question,
    excerpts,
    sources: stored.sources,
    position: `Further passages ${first + 1}–${last} of ${stored.passages.length}`,
    ...(last < stored.passages.length ? { moreButtonId: morePassagesButtonId(target.storeId, target.page + 1) } : {}),
  });
  await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

export const morePassagesButton: ButtonHandler = { prefix: PREFIX, handle: showPage };
