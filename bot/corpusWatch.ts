import type { BotContext } from "./context.js";

/** After the engine's corpus changed: /actor looks names up in the engine's new actor registry. */
export function syncActors(context: BotContext): void {
  if (context.engine.actors) context.actors = context.engine.actors;
}

/**
 * Checks every `seconds` whether articles were added or removed (by the command line, or another
 * shard's /ingest) and has the engine pick them up; the actor registry follows. Returns a stop
 * function that resolves once a refresh under way has finished: shutting down must not leave one
 * writing the index behind it.
 */
export function watchCorpus(context: BotContext, seconds: number, onChanged: () => void = () => undefined): () => Promise<void> {
  const refresh = context.engine.refresh?.bind(context.engine);
  if (!refresh || seconds <= 0) return async () => undefined;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = refresh()
      .then(({ changed, articles }) => {
        if (!changed) return;
        syncActors(context);
        onChanged();
        context.logger.info({ event: "corpus-refreshed", articles }, "picked up added or removed articles");
      })
      .catch((error: unknown) => context.logger.error({ event: "corpus-refresh-failed", err: error }, "could not pick up the changed corpus; still answering from the last one"))
      .finally(() => (running = undefined));
  }, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
