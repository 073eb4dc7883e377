import type { ButtonHandler, Command, ModalHandler } from "./command.js";
import * as actor from "./actor.js";
import * as ask from "./ask.js";
import * as help from "./help.js";
import * as ingest from "./ingest.js";
import * as removeArticle from "./removeArticle.js";
import * as settings from "./settings.js";
import * as sources from "./sources.js";

/** Every slash command the bot has; a new command is one module in this folder and one entry here. */
export const commands: readonly Command[] = [ask, actor, sources, help, ingest, removeArticle, settings];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.data.name === name);
}

/** The handler for a modal's custom_id, by the prefix before its first colon. */
export function findModalHandler(customId: string): ModalHandler | undefined {
  const prefix = customId.split(":", 1)[0];
  return commands.flatMap((command) => command.modals ?? []).find((handler) => handler.prefix === prefix);
}

/** The handler for a button's custom_id, by the prefix before its first colon. */
export function findButtonHandler(customId: string): ButtonHandler | undefined {
  const prefix = customId.split(":", 1)[0];
  return commands.flatMap((command) => command.buttons ?? []).find((handler) => handler.prefix === prefix);
}
