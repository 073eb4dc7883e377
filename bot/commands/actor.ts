import {
  MessageFlags,
  SlashCommandBuilder,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import {
  ActorQueryError,
  MAX_ACTOR_QUERY_CHARS,
  parseActorQuery,
  resolveActor,
  suggestActorNames,
  type ActorAnswer,
  type ActorRegistry,
} from "../../retrieval/actors/index.js";
import { allowedChannelsNotice, isChannelAllowed } from "../answering.js";
import type { BotContext } from "../context.js";
import { renderActorAnswer } from "../render/actorEmbed.js";
import { cutAtBoundary, fitPlain } from "../render/fitText.js";
import { renderNotice } from "../render/message.js";

/** Discord's limit on an autocomplete choice's name and on its value. */
const MAX_CHOICE_CHARS = 100;

export const data = new SlashCommandBuilder()
  .setName("actor")
  .setDescription("Who is who in the articles: a militia, leader, state or organisation, under all its names.")
  .addStringOption((option) =>
    option
      .setName("name")
      .setDescription("A name, spelling, surname or acronym, e.g. Kataib Hezbollah, Qaani, PMF.")
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_ACTOR_QUERY_CHARS),
  )
  .addBooleanOption((option) => option.setName("public").setDescription("Show the profile to the whole channel (default: only to you)."));

/**
 * Autocomplete choices for what has been typed so far: nothing typed shows the most mentioned
 * actors; something that is no name at all (too long, no letters) shows none.
 */
export function actorChoices(registry: ActorRegistry, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  if (typed.trim() !== "") {
    try {
      parseActorQuery(typed);
    } catch (error) {
      if (error instanceof ActorQueryError) return [];
      throw error;
    }
  }
  // A name longer than Discord allows is shown cut with a mark; its value is a word-boundary prefix, which still looks it up.
  return suggestActorNames(registry, typed).map((name) => ({ name: fitPlain(name, MAX_CHOICE_CHARS), value: cutAtBoundary(name, MAX_CHOICE_CHARS) }));
}

/** Answers within Discord's 3 seconds whatever was typed: a failure logs and offers no choices. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    choices = actorChoices(context.actors, interaction.options.getFocused());
  } catch (error) {
    context.logger.warn({ event: "actor-autocomplete-failed", interaction: interaction.id, err: error }, "could not suggest actor names");
  }
  await interaction.respond(choices);
}

/** Looks the name up at once (no deferral: the registry is in memory) and replies with the profile or suggestions. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) => interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  if (!isChannelAllowed(context.config, interaction.channelId)) return void (await privately(allowedChannelsNotice(context.config)));

  let answer: ActorAnswer;
  try {
    answer = resolveActor(context.actors, interaction.options.getString("name", true));
  } catch (error) {
    if (!(error instanceof ActorQueryError)) throw error;
    context.logger.info({ event: "actor-rejected", interaction: interaction.id, code: error.code }, error.message);
    return void (await privately(error.message));
  }
  const isPublic = interaction.options.getBoolean("public") ?? false;
  await interaction.reply({ ...renderActorAnswer(answer, context.engine.articles()), ...(isPublic ? {} : { flags: MessageFlags.Ephemeral }) });
  context.logger.info({ event: "actor-shown", user: interaction.user.id, found: answer.found, actor: answer.actor?.id, suggestions: answer.suggestions.length }, "answered /actor");
}
