import type { Client } from "discord.js";
import type { EngineHealth } from "../../retrieval/engine.js";
import type { BotEngine } from "../context.js";
import { gatewayHealth, type GatewayHealth } from "./gatewayHealth.js";

/** The body of GET /healthz; `down` names each part that is not working, empty when healthy. */
export interface HealthReport {
  status: "ok" | "down";
  down: ("gateway" | "store")[];
  gateway: GatewayHealth;
  index: { generation: string | null };
  store: { kind: EngineHealth["store"] | null; reachable: boolean };
}

/**
 * Checks the gateway connection and the engine's store now. A store check that throws counts as
 * unreachable; its message is not served (it may name a database host), the engine logs its own failures.
 */
export async function checkHealth(client: Client, engine: Pick<BotEngine, "health">): Promise<HealthReport> {
  const gateway = gatewayHealth(client);
  const engineHealth = await engine.health().then(
    (health) => ({ index: { generation: health.generation }, store: { kind: health.store, reachable: health.storeReachable } }),
    () => ({ index: { generation: null }, store: { kind: null, reachable: false } }),
  );
  const down = [...(gateway.connected ? [] : (["gateway"] as const)), ...(engineHealth.store.reachable ? [] : (["store"] as const))];
  return { status: down.length === 0 ? "ok" : "down", down, gateway, ...engineHealth };
}
