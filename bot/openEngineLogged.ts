import { openEngine, type Engine } from "../retrieval/engine.js";
import type { Logger } from "../retrieval/log.js";
import type { BotConfig } from "./config.js";

/** Share of a phase between two progress log lines, so a long index build logs ~10 lines, not thousands. */
const PROGRESS_STEP = 0.1;

/** Opens the answer engine (loading or building the index, warming the model), logging its progress. */
export async function openEngineLogged(config: BotConfig, logger: Logger): Promise<Engine> {
  const started = performance.now();
  let phase = "";
  let logged = 0;
  logger.info({ event: "engine-opening", embedder: config.embedder ?? "default", modelDir: config.modelDir, dataDir: config.dataDir ?? "default" }, "opening the answer engine");
  const engine = await openEngine({
    logger,
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    onProgress: ({ phase: current, done, total }) => {
      const share = total > 0 ? done / total : 1;
      if (current !== phase || share - logged >= PROGRESS_STEP || done === total) {
        if (current !== phase) logged = 0;
        phase = current;
        logged = share;
        logger.info({ event: "engine-progress", phase: current, done, total }, `${current}: ${done}/${total}`);
      }
    },
  });
  logger.info(
    { event: "engine-ready", builtIndex: engine.builtIndex, embedder: engine.embedderId, articles: engine.articles().length, ms: Math.round(performance.now() - started) },
    engine.builtIndex ? "built the index; engine ready" : "loaded the index; engine ready",
  );
  return engine;
}
