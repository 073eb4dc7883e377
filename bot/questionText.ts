/**
 * Discord markup that names no words to search for: mentions of people (`<@id>`, `<@!id>`), roles
 * (`<@&id>`), channels (`<#id>`), commands (`</name:id>`), custom emoji, timestamps, @everyone and @here.
 */
const DISCORD_MARKUP = /<(?:@[!&]?\d+|#\d+|\/[^:>]+:\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?)>|@(?:everyone|here)\b/g;

/**
 * The question in a message or command option, with Discord markup removed and the punctuation
 * it leaves tidied; the bot's own mention goes too. Otherwise ids read as rare search terms.
 */
export function questionText(text: string): string {
  return text
    .replace(DISCORD_MARKUP, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,;:.?!])/g, "$1")
    .replace(/^[\s,;:]+/, "")
    .trim();
}
