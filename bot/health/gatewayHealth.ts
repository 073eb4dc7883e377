import { Status, type Client } from "discord.js";

export interface GatewayHealth {
  /** True when every gateway shard this process runs has a live, ready session. */
  connected: boolean;
  /** Average heartbeat round trip over the shards, in milliseconds; null before the first heartbeat. */
  pingMs: number | null;
  shards: { id: number; status: string }[];
}

/** The gateway connection as discord.js sees it now: a dropped connection shows as Connecting or Resuming until it is back. */
export function gatewayHealth(client: Client): GatewayHealth {
  const shards = [...client.ws.shards.values()].map((shard) => ({ id: shard.id, status: Status[shard.status] ?? String(shard.status) }));
  const connected = shards.length > 0 && [...client.ws.shards.values()].every((shard) => shard.status === Status.Ready);
  const ping = client.ws.ping;
  return { connected, pingMs: ping >= 0 ? ping : null, shards };
}
