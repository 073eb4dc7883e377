/**
 * Attachments for end-to-end tests of /ingest: a file host on 127.0.0.1 standing in for Discord's
 * CDN (recording every download), and interactions sent as a member with chosen permissions and
 * an attachment option, which the stand-in's own helpers do not send.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DiscordStandIn, DiscordUser } from "./discordStandIn.js";

/** What the stand-in's members get by default, and the same plus Manage Server (1 << 5). */
export const MEMBER_PERMISSIONS = "1071698660929";
export const MANAGER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | (1n << 5n)).toString();

export interface HostedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

let attachmentCounter = 0;

export class AttachmentHost {
  /** Paths downloaded, in order. */
  readonly downloads: string[] = [];
  private readonly files = new Map<string, { bytes: Uint8Array; contentType?: string }>();

  private constructor(
    private readonly server: Server,
    private readonly port: number,
  ) {}

  static async start(): Promise<AttachmentHost> {
    let host: AttachmentHost | undefined;
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      host!.downloads.push(path);
      const file = host!.files.get(path);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": file.contentType ?? "application/octet-stream", "content-length": String(file.bytes.length) });
      response.end(Buffer.from(file.bytes));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    host = new AttachmentHost(server, (server.address() as AddressInfo).port);
    return host;
  }

  /** Hosts a file; `claimedSize` is what the interaction says its size is (default the real one). */
  add(filename: string, bytes: Uint8Array, contentType?: string, claimedSize = bytes.length): HostedAttachment {
    const id = `${Date.now()}${++attachmentCounter}`;
    const path = `/attachments/${id}/${filename}`;
    this.files.set(path, { bytes, ...(contentType ? { contentType } : {}) });
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename, size: claimedSize, url, proxy_url: url, ...(contentType ? { content_type: contentType } : {}) };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}

type Option = { name: string; type: number; value: string | boolean; focused?: boolean };

/** The stand-in's private event plumbing, used as its own helpers use it. */
function plumbing(standIn: DiscordStandIn) {
  return {
    base: (type: number, user: DiscordUser, channelId: string) =>
      (standIn as unknown as { interactionBase(type: number, user: DiscordUser, channelId: string): { id: string; token: string; payload: Record<string, any> } }).interactionBase(
        type,
        user,
        channelId,
      ),
    dispatch: (t: string, d: unknown) => (standIn as unknown as { dispatch(t: string, d: unknown): void }).dispatch(t, d),
  };
}

/**
 * Sends a slash command (type 2) or autocomplete (type 4) as a member with `permissions`; string
 * options as given, and `attachment` as the `file` option with its `resolved` entry.
 */
export function sendAsMember(
  standIn: DiscordStandIn,
  name: string,
  {
    options = {},
    attachment,
    permissions = MANAGER_PERMISSIONS,
    focused,
    user = standIn.user("editor"),
  }: { options?: Record<string, string>; attachment?: HostedAttachment; permissions?: string; focused?: string; user?: DiscordUser } = {},
): { id: string; token: string } {
  const { base, dispatch } = plumbing(standIn);
  const interaction = base(focused ? 4 : 2, user, standIn.channelId);
  interaction.payload.member = { ...interaction.payload.member, permissions };
  const typed: Option[] = Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: 3, value, ...(optionName === focused ? { focused: true } : {}) }));
  if (attachment) typed.unshift({ name: "file", type: 11, value: attachment.id });
  const data = {
    id: "1",
    name,
    type: 1,
    options: typed,
    guild_id: standIn.guildId,
    ...(attachment ? { resolved: { attachments: { [attachment.id]: attachment } } } : {}),
  };
  dispatch("INTERACTION_CREATE", { ...interaction.payload, data });
  return { id: interaction.id, token: interaction.token };
}
