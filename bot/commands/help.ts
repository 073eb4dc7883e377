import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { renderHelp } from "../render/help.js";

export const data = new SlashCommandBuilder().setName("help").setDescription("How to ask me about the news articles and the actors in them.");

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await interaction.reply({ ...renderHelp({ cooldownSeconds: context.config.askCooldownSeconds }), flags: MessageFlags.Ephemeral });
}
