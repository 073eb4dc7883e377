/**
 * The port a bot process serves /healthz and /metrics on. Under `npm run start:sharded` each shard
 * is a process of its own with its own gateway connection and counts, so each serves on HEALTH_PORT
 * plus its shard id (shard 0 on HEALTH_PORT itself); the manager process serves nothing. A lone
 * bot, or HEALTH_PORT 0 (any free port), uses the port as given.
 */
export function shardHealthPort(healthPort: number, shardIds: readonly number[] | undefined): number {
  if (healthPort === 0 || !shardIds || shardIds.length === 0) return healthPort;
  const port = healthPort + Math.min(...shardIds);
  if (port > 65_535) throw new RangeError(`HEALTH_PORT ${healthPort} plus shard id ${Math.min(...shardIds)} is past the last port (65535); choose a lower HEALTH_PORT.`);
  return port;
}
