/** `npm run register`: registers the slash commands and prints what was registered. */
import { loadConfigOrExit } from "./config.js";
import { registerCommands } from "./registerCommands.js";

const config = loadConfigOrExit();
if (!config.appId) {
  console.error("DISCORD_APP_ID is not set: registering commands needs the application id (Developer Portal → your app → General Information → Application ID).");
  process.exit(1);
}
try {
  const registration = await registerCommands({
    token: config.token,
    appId: config.appId,
    ...(config.guildId ? { guildId: config.guildId } : {}),
    ...(config.discordApiUrl ? { apiUrl: config.discordApiUrl } : {}),
  });
  const where = registration.scope === "guild" ? `in server ${config.guildId} (visible now)` : "globally (may take up to an hour to appear)";
  console.log(`Registered ${registration.names.length} commands ${where}: ${registration.names.map((name) => `/${name}`).join(", ")}`);
} catch (error) {
  console.error(`Registering commands failed: ${(error as Error).message}`);
  process.exit(1);
}
