import type { ServerSettings } from "../settings.js";

const source = (set: boolean) => (set ? "set here" : "default");

/** `/settings show`: each setting, its value, and whether this server set it or it is the default. */
export function renderSettings(settings: ServerSettings): string {
  const channels = settings.allowedChannelIds.length === 0 ? "every channel I can see" : settings.allowedChannelIds.map((id) => `<#${id}>`).join(", ");
  return [
    "**Settings for this server**",
    `• Channels I answer in: ${channels} (${source(settings.stored.allowedChannelIds !== undefined)})`,
    `• Answer mentions in a new thread: ${settings.answerInThreads ? "on" : "off"} (${source(settings.stored.answerInThreads !== undefined)})`,
    `• Cooldown between one person's questions: ${settings.cooldownSeconds} s (${source(settings.stored.cooldownSeconds !== undefined)})`,
    "Change them with `/settings channels`, `/settings threads` and `/settings cooldown`; `default` as channels goes back to the default.",
  ].join("\n");
}
