import type { BotContext } from "./context.js";
import type { StoredSettings } from "./store/botDatabase.js";

/** What the bot does on one server: its /settings over the .env defaults, read on every question. */
export interface ServerSettings {
  /** Channels it answers in; empty means every channel it can see. */
  allowedChannelIds: string[];
  answerInThreads: boolean;
  cooldownSeconds: number;
  /** Which values the server set itself (the rest are the .env defaults). */
  stored: StoredSettings;
}

export function serverSettings(context: BotContext, guildId: string | null): ServerSettings {
  const stored = guildId ? context.db.settings(guildId) : {};
  return {
    allowedChannelIds: stored.allowedChannelIds ?? context.config.allowedChannelIds,
    answerInThreads: stored.answerInThreads ?? false,
    cooldownSeconds: stored.cooldownSeconds ?? context.config.askCooldownSeconds,
    stored,
  };
}
