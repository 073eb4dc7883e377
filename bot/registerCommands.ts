import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from "discord.js";
import { commands } from "./commands/index.js";

export interface RegisterTarget {
  token: string;
  appId: string;
  /** One server (updates show at once) or, when absent, every server (global; may take a while to show). */
  guildId?: string;
  /** REST base URL; only tests set it. */
  apiUrl?: string;
}

export interface Registration {
  scope: "guild" | "global";
  names: string[];
}

/** Replaces the application's slash commands with the bot's, in one server or globally. */
export async function registerCommands(target: RegisterTarget): Promise<Registration> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data.toJSON()) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: target.guildId ? "guild" : "global", names: registered.map((command) => command.name) };
}
