/** `npm start`: opens the answer engine (index built or loaded, model warm) and builds the actor registry, then connects to Discord. */
import { loadActorRegistry } from "../retrieval/actors/index.js";
import { PROJECT_ROOT } from "../retrieval/engine.js";
import { createLogger } from "../retrieval/log.js";
import { startBot } from "./app.js";
import { loadConfigOrExit } from "./config.js";
import { openEngineLogged } from "./openEngineLogged.js";

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
process.on("unhandledRejection", (reason) => logger.error({ event: "unhandled-rejection", err: reason }, "unhandled promise rejection"));

try {
  const engine = await openEngineLogged(config, logger);
  const actors = await loadActorRegistry({ projectRoot: PROJECT_ROOT, documents: engine.documents() });
  logger.info({ event: "actors-ready", actors: actors.actors.length }, "actor registry built");
  const bot = await startBot({ config, engine, actors, logger });
  const stop = async (signal: NodeJS.Signals) => {
    logger.info({ event: "signal", signal }, `received ${signal}`);
    await bot.shutdown();
    await engine.close();
    process.exit(0);
  };
  process.once("SIGINT", (signal) => void stop(signal));
  process.once("SIGTERM", (signal) => void stop(signal));
} catch (error) {
  logger.fatal({ event: "start-failed", err: error }, `the bot could not start: ${(error as Error).message}`);
  process.exit(1);
}
