import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from "discord.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./fitText.js";

/** Nothing the bot sends may ping anyone, including the person it replies to. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** A message body every send path accepts: interaction replies and edits, and channel replies. */
export interface BotMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

export const COLORS = { answer: 0x2f6fdf, refusal: 0x8a8f98, list: 0x3aa675 } as const;

export function embedMessage(embeds: APIEmbed[], components: BotMessage["components"] = []): BotMessage {
  return { content: "", embeds, components, allowedMentions: NO_MENTIONS };
}

/** A short text message written by the bot itself (it may hold timestamps and channel links, so it is not escaped). */
export function renderNotice(text: string): BotMessage {
  return { content: fitPlain(text, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

export function buttonRow(customId: string, label: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label }],
  };
}

/** Characters of an embed that count towards the 6,000 per message. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
