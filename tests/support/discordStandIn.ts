/**
 * A Discord stand-in for end-to-end tests: an HTTP + websocket server on 127.0.0.1 that speaks
 * enough of the Gateway (v10, JSON text frames) and REST API for the real discord.js client to log
 * in, receive interactions and messages, and answer them. Every REST request is recorded so tests
 * assert on the bodies the bot really sent. See ../shared/docs/discord-test-server.md.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, with each segment URL-decoded (`@original`, not `%40original`). */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (for multipart: the `payload_json` part); undefined when there was none. */
  body: any;
  /** The status the stand-in answered with. */
  status: number;
}

export interface DiscordUser {
  id: string;
  username: string;
  global_name: string;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

/** A message as Discord returns it; the stand-in keeps every message the bot posted or edited. */
export type DiscordMessage = Record<string, any> & { id: string; channel_id: string; content: string; embeds: any[]; components: any[] };

interface PendingRateLimit {
  matches: (method: string, path: string) => boolean;
  retryAfterSeconds: number;
}

interface Stall {
  matches: (method: string, path: string) => boolean;
  arrived: () => void;
  released: Promise<void>;
}

interface Waiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

const HEARTBEAT_INTERVAL_MS = 41_250;
/** Ids are real-looking snowflakes: discord.js derives timestamps from them. */
let snowflakeCounter = 0n;
function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1_420_070_400_000) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts)));
    request.on("error", reject);
  });
}

/** JSON bodies, or the `payload_json` part of a multipart body (the other parts are files). */
function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith("multipart/form-data")) {
    const text = raw.toString("utf8");
    const match = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    return match ? JSON.parse(match[1]!) : undefined;
  }
  return JSON.parse(raw.toString("utf8"));
}

export class DiscordStandIn {
  readonly applicationId = snowflake();
  readonly botUser: DiscordUser = {
    id: this.applicationId,
    username: "corpus-answers",
    global_name: "Corpus Answers",
    discriminator: "0",
    avatar: null,
    bot: true,
  };
  readonly guildId = snowflake();
  /** Two text channels: `channelId` is where tests talk; `otherChannelId` tests channel allow-lists. */
  readonly channelId = snowflake();
  readonly otherChannelId = snowflake();
  readonly roleId = snowflake();
  readonly requests: RecordedRequest[] = [];
  /** Every message the bot created or edited, by id, as last returned to it. */
  readonly messages = new Map<string, DiscordMessage>();
  /** Gateway opcodes received from clients, in order (2 identify, 6 resume, 1 heartbeat…). */
  readonly gatewayOps: number[] = [];

  private readonly server: Server;
  private readonly gateway = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly users = new Map<string, DiscordUser>();
  private readonly originalMessageIds = new Map<string, string>();
  private readonly interactionChannels = new Map<string, string>();
  /** Threads by id, with the channel each grew in. */
  readonly threads = new Map<string, { id: string; parentId: string; name: string }>();
  /** Channels where starting a thread is refused with 403 Missing Permissions (the bot lacks Create Public Threads). */
  readonly threadsDenied = new Set<string>();
  /** Direct-message channels the bot opened, by the user's id. */
  readonly dmChannels = new Map<string, string>();
  /** Users whose direct messages are closed: sending them one is refused (403, code 50007). */
  readonly dmsClosed = new Set<string>();
  /** Modals the bot opened (interaction callback type 9), in order. */
  readonly modals: { interactionToken: string; data: any }[] = [];
  private readonly rateLimits: PendingRateLimit[] = [];
  private readonly stalls: Stall[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly readyWaiters = new Set<() => void>();
  private sessionId = "";
  private sequence = 0;
  /** Dispatches sent per session, so a RESUME can replay what the client missed. */
  private sent: { s: number; t: string; d: unknown }[] = [];
  private port = 0;
  /** Connections waiting for their HELLO while the gateway is held (see holdGateway). */
  private heldConnections: WebSocket[] | undefined;

  private constructor() {
    this.server = createServer((request, response) => {
      void this.handleRest(request, response).catch((error: Error) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: `stand-in failure: ${error.message}`, code: 0 }));
      });
    });
    this.server.on("upgrade", (request, socket, head) => {
      if (!request.url?.startsWith("/gateway")) return socket.destroy();
      this.gateway.handleUpgrade(request, socket, head, (ws) => this.acceptGateway(ws));
    });
  }

  static async start(): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn();
    standIn.server.listen(0, "127.0.0.1");
    await once(standIn.server, "listening");
    standIn.port = (standIn.server.address() as AddressInfo).port;
    return standIn;
  }

  /** The `rest.api` option for discord.js (no `/v10`: the client appends it). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A guild member the tests act as; the same name always gives the same user. */
  user(name: string): DiscordUser {
    let user = this.users.get(name);
    if (!user) {
      user = { id: snowflake(), username: name, global_name: name, discriminator: "0", avatar: null };
      this.users.set(name, user);
    }
    return user;
  }

  // ---- gateway -------------------------------------------------------------------------------

  private acceptGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data) => this.onGatewayMessage(ws, JSON.parse(data.toString())));
    if (this.heldConnections) this.heldConnections.push(ws);
    else this.sendHello(ws);
  }

  private sendHello(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null }));
  }

  /**
   * Until the returned release is called, new gateway connections get no HELLO, so a client that
   * lost its connection stays reconnecting, as during a Discord outage. Release sends the HELLOs.
   */
  holdGateway(): () => void {
    this.heldConnections = [];
    return () => {
      const held = this.heldConnections ?? [];
      this.heldConnections = undefined;
      for (const ws of held) if (ws.readyState === ws.OPEN) this.sendHello(ws);
    };
  }

  private onGatewayMessage(ws: WebSocket, payload: { op: number; d: any }): void {
    this.gatewayOps.push(payload.op);
    switch (payload.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      case 2:
        this.sessionId = snowflake();
        this.sequence = 0;
        this.sent = [];
        this.dispatchTo(ws, "READY", {
          v: 10,
          user: this.botUser,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: payload.d.shard ?? [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        this.dispatchTo(ws, "GUILD_CREATE", this.guildPayload());
        this.notifyReady();
        return;
      case 6: {
        if (payload.d.session_id !== this.sessionId) {
          ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
          return;
        }
        for (const missed of this.sent.filter((event) => event.s > payload.d.seq)) {
          ws.send(JSON.stringify({ op: 0, ...missed }));
        }
        this.dispatchTo(ws, "RESUMED", null);
        this.notifyReady();
        return;
      }
      default:
        return;
    }
  }

  private guildPayload(): object {
    const channel = (id: string, name: string, position: number) => ({
      id,
      type: 0,
      guild_id: this.guildId,
      name,
      position,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    });
    return {
      id: this.guildId,
      name: "Stand-in guild",
      icon: null,
      owner_id: this.user("owner").id,
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      roles: [
        { id: this.guildId, name: "@everyone", permissions: "1071698660929", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: this.roleId, name: "readers", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 },
      ],
      channels: [channel(this.channelId, "news", 0), channel(this.otherChannelId, "off-topic", 1)],
      members: [{ user: this.botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      emojis: [],
      stickers: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      voice_states: [],
      presences: [],
      features: [],
      preferred_locale: "en-US",
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
  }

  private dispatchTo(ws: WebSocket, t: string, d: unknown): void {
    this.sequence += 1;
    const event = { s: this.sequence, t, d };
    this.sent.push(event);
    ws.send(JSON.stringify({ op: 0, ...event }));
  }

  /** Sends a dispatch to every connected client; while none is connected it is kept for a RESUME. */
  private dispatch(t: string, d: unknown): void {
    const open = [...this.sockets].filter((ws) => ws.readyState === ws.OPEN);
    if (open.length === 0) {
      this.sequence += 1;
      this.sent.push({ s: this.sequence, t, d });
      return;
    }
    for (const ws of open) this.dispatchTo(ws, t, d);
  }

  private notifyReady(): void {
    for (const resolve of this.readyWaiters) resolve();
    this.readyWaiters.clear();
  }

  /** Resolves at the next READY or RESUMED the stand-in sends. */
  nextSessionReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.add(resolve));
  }

  /** Closes every gateway connection with a resumable close code, as Discord does on a hiccup. */
  dropGatewayConnections(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, "stand-in dropped the connection");
  }

  // ---- events the tests send -----------------------------------------------------------------

  /** The channel object an event in `channelId` carries: a text channel, or a public thread (type 11) with its parent. */
  private channelObject(channelId: string): Record<string, unknown> {
    const thread = this.threads.get(channelId);
    if (thread) return this.threadPayload(thread);
    return { id: channelId, type: 0, guild_id: this.guildId, name: channelId === this.channelId ? "news" : "off-topic" };
  }

  private threadPayload(thread: { id: string; parentId: string; name: string }): Record<string, unknown> {
    return {
      id: thread.id,
      type: 11,
      guild_id: this.guildId,
      parent_id: thread.parentId,
      name: thread.name,
      owner_id: this.botUser.id,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
  }

  /** Starts a public thread from a message (its id becomes the thread's, as in Discord) and tells the bot (THREAD_CREATE). */
  createThread(from: DiscordMessage, name = "thread"): string {
    const thread = { id: from.id, parentId: from.channel_id, name };
    this.threads.set(thread.id, thread);
    this.dispatch("THREAD_CREATE", { ...this.threadPayload(thread), newly_created: true });
    return thread.id;
  }

  private interactionBase(type: number, user: DiscordUser, channelId: string, permissions = "1071698660929") {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    this.interactionChannels.set(token, channelId);
    const channel = this.channelObject(channelId);
    return {
      id,
      token,
      payload: {
        id,
        token,
        version: 1,
        type,
        application_id: this.applicationId,
        guild_id: this.guildId,
        guild: { id: this.guildId, locale: "en-US", features: [] },
        channel,
        channel_id: channelId,
        member: { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions },
        app_permissions: "1071698660929",
        locale: "en-US",
        guild_locale: "en-US",
        entitlements: [],
        authorizing_integration_owners: { "0": this.guildId },
        context: 0,
      },
    };
  }

  /** Invokes a slash command as `user`; options are sent as Discord types them (3 string, 5 boolean). */
  sendCommand(
    name: string,
    options: Record<string, string | boolean | number> = {},
    {
      user = this.user("reader"),
      channelId = this.channelId,
      permissions,
      subcommand,
    }: { user?: DiscordUser; channelId?: string; permissions?: string; subcommand?: string } = {},
  ): { id: string; token: string } {
    const base = this.interactionBase(2, user, channelId, permissions);
    const valueOptions = Object.entries(options).map(([optionName, value]) => ({
      name: optionName,
      type: typeof value === "boolean" ? 5 : typeof value === "number" ? 4 : 3,
      value,
    }));
    // A subcommand (type 1) carries the options inside it.
    const typedOptions: object[] = subcommand ? [{ name: subcommand, type: 1, options: valueOptions }] : valueOptions;
    this.dispatch("INTERACTION_CREATE", { ...base.payload, data: { id: snowflake(), name, type: 1, options: typedOptions, guild_id: this.guildId } });
    return { id: base.id, token: base.token };
  }

  /** Types into a command's option with autocomplete (interaction type 4): `focused` is the option being typed, holding `typed`. */
  sendAutocomplete(
    name: string,
    focused: string,
    typed: string,
    { user = this.user("reader"), channelId = this.channelId }: { user?: DiscordUser; channelId?: string } = {},
  ): { id: string; token: string } {
    const base = this.interactionBase(4, user, channelId);
    const options = [{ name: focused, type: 3, value: typed, focused: true }];
    this.dispatch("INTERACTION_CREATE", { ...base.payload, data: { id: snowflake(), name, type: 1, options, guild_id: this.guildId } });
    return { id: base.id, token: base.token };
  }

  /** Clicks a button on a message the bot posted. */
  /** Submits a modal the bot opened: `fields` maps each text input's custom_id to what was typed. */
  submitModal(
    customId: string,
    fields: Record<string, string>,
    { user = this.user("reader"), channelId = this.channelId, message }: { user?: DiscordUser; channelId?: string; message?: DiscordMessage } = {},
  ): { id: string; token: string } {
    const base = this.interactionBase(5, user, channelId);
    const components = Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
    this.dispatch("INTERACTION_CREATE", { ...base.payload, ...(message ? { message } : {}), data: { custom_id: customId, components } });
    return { id: base.id, token: base.token };
  }

  clickButton(message: DiscordMessage, customId: string, { user = this.user("reader") }: { user?: DiscordUser } = {}): { id: string; token: string } {
    const base = this.interactionBase(3, user, message.channel_id);
    this.dispatch("INTERACTION_CREATE", { ...base.payload, message, data: { custom_id: customId, component_type: 2 } });
    return { id: base.id, token: base.token };
  }

  /** Posts a message in a channel as `author`; `mentionBot` puts the bot in `mentions[]`, as Discord does for `<@id>`. */
  sendMessage(
    content: string,
    {
      author = this.user("reader"),
      channelId = this.channelId,
      replyTo,
      // A reply pings its author unless the person turns the ping off, as Discord does.
      mentionBot = content.includes(`<@${this.applicationId}>`) || replyTo?.author?.id === this.botUser.id,
    }: { author?: DiscordUser; channelId?: string; mentionBot?: boolean; replyTo?: DiscordMessage } = {},
  ): DiscordMessage {
    const message = this.messagePayload(channelId, author, content, {
      mentions: mentionBot ? [{ ...this.botUser, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }] : [],
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      guild_id: this.guildId,
      ...(replyTo
        ? { type: 19, message_reference: { type: 0, message_id: replyTo.id, channel_id: replyTo.channel_id, guild_id: this.guildId }, referenced_message: replyTo }
        : {}),
    });
    this.dispatch("MESSAGE_CREATE", message);
    return message;
  }

  private messagePayload(channelId: string, author: DiscordUser, content: string, extra: Record<string, unknown> = {}): DiscordMessage {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...extra,
    };
  }

  // ---- REST ----------------------------------------------------------------------------------

  /** The next request matching `method` and `pathPattern` is answered 429 with `retry_after`. */
  rateLimitNext(method: string, pathPattern: RegExp, retryAfterSeconds: number): void {
    this.rateLimits.push({ matches: (m, p) => m === method && pathPattern.test(p), retryAfterSeconds });
  }

  /**
   * Holds the next request matching `method` and `pathPattern` unanswered until `release()`, so a
   * test can act while the bot waits on Discord. `arrived` resolves when the request comes in.
   */
  stallNext(method: string, pathPattern: RegExp): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.stalls.push({ matches: (m, p) => m === method && pathPattern.test(p), arrived, released });
    return { arrived: arrival, release };
  }

  /** Resolves with the first recorded request (past or future) that matches, or rejects after `timeoutMs`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw: ${this.requests.map((r) => `${r.method} ${r.path}`).join(", ")}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Successful requests the bot made for one interaction (callbacks and webhook edits/follow-ups). */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.status < 300 && (r.path.includes(`/${interaction.token}`) || r.path.includes(`/${interaction.id}/`)));
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.waiters) {
      if (waiter.predicate(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  private async handleRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `http://127.0.0.1:${this.port}`);
    const method = request.method ?? "GET";
    const path = url.pathname
      .replace(/^\/api\/v10/, "")
      .split("/")
      .map((segment) => decodeURIComponent(segment))
      .join("/");
    const body: any = parseBody(await readBody(request), request.headers["content-type"]);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.record({ method, path, query: url.searchParams, body, status });
      if (json === undefined) {
        response.writeHead(status, headers);
        response.end();
      } else {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(JSON.stringify(json));
      }
    };

    const stallIndex = this.stalls.findIndex((stall) => stall.matches(method, path));
    if (stallIndex >= 0) {
      const [stall] = this.stalls.splice(stallIndex, 1);
      stall!.arrived();
      await stall!.released;
    }

    const limitIndex = this.rateLimits.findIndex((limit) => limit.matches(method, path));
    if (limitIndex >= 0) {
      const [limit] = this.rateLimits.splice(limitIndex, 1);
      const retryAfter = String(limit!.retryAfterSeconds);
      return send(
        429,
        { message: "You are being rate limited.", retry_after: limit!.retryAfterSeconds, global: false },
        { "retry-after": retryAfter, "x-ratelimit-scope": "user", "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": retryAfter },
      );
    }

    let match: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    if (method === "POST" && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      // A reply (4), a deferral (5) or an update (7) creates or replaces the interaction's original message.
      if ([4, 5, 7].includes(body?.type)) this.storeOriginal(match[2]!, body.data ?? {});
      if (body?.type === 9) this.modals.push({ interactionToken: match[2]!, data: body.data });
      return send(204);
    }
    if (method === "PATCH" && (match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path))) {
      return send(200, this.storeOriginal(match[2]!, body));
    }
    if (method === "DELETE" && /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.test(path)) {
      return send(204);
    }
    if (method === "POST" && (match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      return send(200, this.storeBotMessage(snowflake(), this.interactionChannels.get(match[2]!) ?? this.channelId, body));
    }
    if (method === "POST" && (match = /^\/channels\/(\d+)\/typing$/.exec(path))) {
      return send(204);
    }
    if (method === "POST" && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (this.threadsDenied.has(match[1]!)) return send(403, { message: "Missing Permissions", code: 50013 });
      const thread = { id: match[2]!, parentId: match[1]!, name: String(body?.name ?? "thread") };
      this.threads.set(thread.id, thread);
      send(201, this.threadPayload(thread));
      this.dispatch("THREAD_CREATE", { ...this.threadPayload(thread), newly_created: true });
      return;
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient = [...this.users.values()].find((u) => u.id === body?.recipient_id);
      if (!recipient) return send(404, { message: "Unknown User", code: 10013 });
      const id = this.dmChannels.get(recipient.id) ?? snowflake();
      this.dmChannels.set(recipient.id, id);
      return send(200, { id, type: 1, recipients: [recipient], last_message_id: null, flags: 0 });
    }
    if (method === "POST" && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const dmUser = [...this.dmChannels.entries()].find(([, channel]) => channel === match![1])?.[0];
      if (dmUser && this.dmsClosed.has(dmUser)) return send(403, { message: "Cannot send messages to this user", code: 50007 });
      return send(200, this.storeBotMessage(snowflake(), match[1]!, body));
    }
    if (method === "PUT" && /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (body as object[]).map((command) => ({ ...command, id: snowflake(), application_id: this.applicationId, version: snowflake() }));
      return send(200, commands);
    }
    return send(404, { message: `stand-in has no route for ${method} ${path}`, code: 0 });
  }

  private storeOriginal(token: string, body: any): DiscordMessage {
    const id = this.originalMessageIds.get(token) ?? snowflake();
    this.originalMessageIds.set(token, id);
    return this.storeBotMessage(id, this.interactionChannels.get(token) ?? this.channelId, body);
  }

  /** The message an interaction's reply created (after any edits), as a client would see it. */
  originalMessage(interaction: { token: string }): DiscordMessage | undefined {
    const id = this.originalMessageIds.get(interaction.token);
    return id === undefined ? undefined : this.messages.get(id);
  }

  private storeBotMessage(id: string, channelId: string, body: any): DiscordMessage {
    const previous = this.messages.get(id);
    const message = this.messagePayload(channelId, this.botUser, body?.content ?? previous?.content ?? "", {
      id,
      embeds: body?.embeds ?? previous?.embeds ?? [],
      components: body?.components ?? previous?.components ?? [],
      flags: body?.flags ?? previous?.flags ?? 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      ...(body?.message_reference ? { type: 19, message_reference: body.message_reference } : {}),
    });
    this.messages.set(id, message);
    return message;
  }

  // ---- teardown ------------------------------------------------------------------------------

  /** Closes the gateway sockets and the HTTP server; destroy the discord.js client first. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
