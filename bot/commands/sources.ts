import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { renderArticleList } from "../render/articleList.js";

export const data = new SlashCommandBuilder().setName("sources").setDescription("List the news articles the answers come from.");

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await interaction.reply({ ...renderArticleList(context.engine.articles()), flags: MessageFlags.Ephemeral });
}
