import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import type { BotContext } from "../context.js";
import { renderNotice } from "../render/message.js";
import { renderSettings } from "../render/settings.js";
import { serverSettings } from "../settings.js";

export const MAX_COOLDOWN_SECONDS = 3600;
export const MANAGE_SERVER_NEEDED = "Only members with the Manage Server permission can see or change my settings.";
const CHANNEL_LIST_HELP = 'Give channels as #mentions (type # and pick one) or ids, separated by spaces; "all" for every channel, or "default" for the default.';

export const data = new SlashCommandBuilder()
  .setName("settings")
  .setDescription("See or change where and how I answer on this server (Manage Server).")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => sub.setName("show").setDescription("Show this server's settings."))
  .addSubcommand((sub) =>
    sub
      .setName("channels")
      .setDescription("Channels I answer in.")
      .addStringOption((option) => option.setName("channels").setDescription('e.g. "#news #questions", "all" or "default"').setRequired(true).setMaxLength(1000)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("threads")
      .setDescription("Answer a mention by starting a thread named from the question.")
      .addBooleanOption((option) => option.setName("enabled").setDescription("On or off").setRequired(true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("cooldown")
      .setDescription("Seconds one person waits between questions.")
      .addIntegerOption((option) => option.setName("seconds").setDescription(`0 to ${MAX_COOLDOWN_SECONDS}`).setRequired(true).setMinValue(0).setMaxValue(MAX_COOLDOWN_SECONDS)),
  );

const TEXT_CHANNEL_TYPES = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum]);

export function notAChannelNotice(token: string): string {
  return `“${token.slice(0, 100)}” is not a text channel of this server. ${CHANNEL_LIST_HELP}`;
}

/** Reads a channel list as typed: `null` for the default, `[]` for every channel, else ids of this server's text channels. */
export function parseChannelList(typed: string, isTextChannel: (id: string) => boolean): { ok: true; ids: string[] | null } | { ok: false; notice: string } {
  const tokens = typed.split(/[\s,]+/).filter((t) => t.length > 0);
  if (tokens.length === 1 && /^all$/i.test(tokens[0]!)) return { ok: true, ids: [] };
  if (tokens.length === 1 && /^default$/i.test(tokens[0]!)) return { ok: true, ids: null };
  if (tokens.length === 0) return { ok: false, notice: `No channels given. ${CHANNEL_LIST_HELP}` };
  const ids: string[] = [];
  for (const token of tokens) {
    const id = /^<#(\d{17,20})>$/.exec(token)?.[1] ?? (/^\d{17,20}$/.test(token) ? token : undefined);
    if (!id || !isTextChannel(id)) return { ok: false, notice: notAChannelNotice(token) };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}

const inputSchema = z.discriminatedUnion("subcommand", [
  z.object({ subcommand: z.literal("show") }),
  z.object({ subcommand: z.literal("channels"), channels: z.string().trim().min(1).max(1000) }),
  z.object({ subcommand: z.literal("threads"), enabled: z.boolean() }),
  z.object({ subcommand: z.literal("cooldown"), seconds: z.number().int().min(0).max(MAX_COOLDOWN_SECONDS) }),
]);

/** Manage Server is required by default in Discord and checked again here, as a server may change who sees the command. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  if (!interaction.inGuild()) return void (await privately("Settings belong to a server: use /settings in one."));
  if (!(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)) {
    context.logger.info({ event: "settings-denied", user: interaction.user.id, guild: interaction.guildId }, "settings refused: no Manage Server");
    return void (await privately(MANAGE_SERVER_NEEDED));
  }
  const subcommand = interaction.options.getSubcommand(true);
  const input = inputSchema.safeParse({
    subcommand,
    channels: interaction.options.getString("channels") ?? undefined,
    enabled: interaction.options.getBoolean("enabled") ?? undefined,
    seconds: interaction.options.getInteger("seconds") ?? undefined,
  });
  if (!input.success) return void (await privately(`That setting is not valid: ${input.error.issues.map((i) => i.message).join("; ")}.`));
  const guildId = interaction.guildId;
  const command = input.data;
  if (command.subcommand === "channels") {
    const isTextChannel = (id: string) => {
      const channel = interaction.guild?.channels.cache.get(id);
      return channel !== undefined && TEXT_CHANNEL_TYPES.has(channel.type);
    };
    const parsed = parseChannelList(command.channels, isTextChannel);
    if (!parsed.ok) return void (await privately(parsed.notice));
    context.db.updateSettings(guildId, { allowedChannelIds: parsed.ids });
  } else if (command.subcommand === "threads") {
    context.db.updateSettings(guildId, { answerInThreads: command.enabled });
  } else if (command.subcommand === "cooldown") {
    context.db.updateSettings(guildId, { cooldownSeconds: command.seconds });
  }
  if (command.subcommand !== "show") context.logger.info({ event: "settings-changed", setting: command.subcommand, user: interaction.user.id, guild: guildId }, "server settings changed");
  await privately(renderSettings(serverSettings(context, guildId)));
}
