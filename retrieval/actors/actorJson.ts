import type { ActorAnswer } from "./resolveActor.js";

/**
 * The JSON contract of `actor --json`: the fields the issue names, in its order. `related`,
 * `otherAliases` and a source's `copyOf` are additions that do not change any named field.
 */
export function actorAnswerToJson(answer: ActorAnswer) {
  const actor = answer.actor;
  return {
    query: answer.query,
    found: answer.found,
    actor:
      actor === null
        ? null
        : {
            name: actor.name,
            kind: actor.kind,
            aliases: actor.aliases,
            sources: actor.sources.map((s) => ({ file: s.file, title: s.title, mentions: s.mentions, ...(s.copyOf ? { copyOf: s.copyOf } : {}) })),
            excerpts: actor.excerpts.map((e) => ({ text: e.text, file: e.file, start: e.start, end: e.end, title: e.title, score: e.score })),
            related: actor.related.map((r) => ({ name: r.name, kind: r.kind, sentences: r.sentences })),
            otherAliases: actor.otherAliases,
          },
    suggestions: answer.suggestions,
  };
}
