/** `npm start`: opens the answer engine (index built or loaded, model warm), then connects to Discord. */
import { createLogger } from "../retrieval/log.js";
import { startBot } from "./app.js";
import { loadConfigOrExit } from "./config.js";
import { openEngineLogged } from "./openEngineLogged.js";

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
process.on("unhandledRejection", (reason) => logger.error({ event: "unhandled-rejection", err: reason }, "unhandled promise rejection"));

try {
  const engine = await openEngineLogged(config, logger);
  const bot = await startBot({ config, engine, logger });
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
