import type { AddedArticle, RemovedArticle } from "../../retrieval/ingest/index.js";
import { escapeText } from "./escape.js";
import { fitList } from "./fitText.js";
import { renderNotice, type BotMessage } from "./message.js";

/** Most actor names listed in a reply; the rest are counted. */
const MAX_ACTORS_SHOWN = 12;

/** The private reply to /ingest: what was added — title, characters, passages, actors found. */
export function renderAdded(added: AddedArticle): BotMessage {
  const actors = added.actors.map(escapeText);
  const shown = actors.length ? fitList(actors.slice(0, MAX_ACTORS_SHOWN), 900, ", ") + (actors.length > MAX_ACTORS_SHOWN ? ` and ${actors.length - MAX_ACTORS_SHOWN} more` : "") : "none";
  const lines = [
    `Added **${escapeText(added.title)}** (\`${added.docId}\`): ${added.characters.toLocaleString("en-US")} characters, ${added.chunks} ${added.chunks === 1 ? "passage" : "passages"}.`,
    `Actors found: ${shown}.`,
  ];
  if (added.duplicateOf) lines.push(`It is a near-copy of \`${added.duplicateOf}\`: the passages they share are answered from that article.`);
  lines.push("It is answered from now on.");
  return renderNotice(lines.join("\n"));
}

export function renderRemoved(removed: RemovedArticle): BotMessage {
  return renderNotice(`Removed **${escapeText(removed.title)}** (\`${removed.docId}\`); it is no longer quoted.`);
}
