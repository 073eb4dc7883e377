import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotContext } from "../context.js";

/** Answers clicks on buttons whose custom_id starts with `<prefix>:`. */
export interface ButtonHandler {
  prefix: string;
  handle(interaction: ButtonInteraction, context: BotContext): Promise<void>;
}

/** Answers submitted modals whose custom_id starts with `<prefix>:`. */
export interface ModalHandler {
  prefix: string;
  handle(interaction: ModalSubmitInteraction, context: BotContext): Promise<void>;
}

/** What a module in bot/commands exports: the command's definition and its handlers. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  buttons?: readonly ButtonHandler[];
  modals?: readonly ModalHandler[];
}
