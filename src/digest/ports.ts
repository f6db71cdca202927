import type { Digest } from "./build.ts";

/**
 * What the digest core needs from a chat service, and nothing more: it never sees the wire format. `src/discord`
 * implements both ports (Discord embeds, REST posts with nonces).
 */

/** One message in the chat service's wire format; the core stores it and hands it back to `post`, unread. */
export type MessageBody = Record<string, unknown>;

export type PostResult =
  | { ok: true; messageId: string }
  | { ok: false; permanent: boolean; error: string; status: number | null; code: number | null };

export interface DigestPoster {
  /** Post one message with `nonce` (a repeat of the same nonce returns the first message), retrying brief failures. */
  post(channelId: string, body: MessageBody, nonce: string): Promise<PostResult>;
  /**
   * Which of the digest's parts (1-based) already stand in the channel's recent messages, as part → message id;
   * null when the channel's history cannot be read.
   */
  findPosted(channelId: string, digestId: string, parts: readonly number[]): Promise<Map<number, string> | null>;
}

/** What the bot may do in a channel, as the chat service sees it now. */
export interface ChannelAccess {
  /** A permission a post needs is missing: posting now would be refused. */
  canPost: boolean;
  /** The channel's history can be read (to find parts posted before a restart); without it the history looks empty. */
  canReadHistory: boolean;
  /** The missing permissions, by the chat service's names. */
  missing: string[];
  /** What is missing in which channel, what it costs and what to do, as one sentence; null when nothing is. */
  problem: string | null;
}

/** The channel's access, or null when it cannot be told (the channel is not known yet): then posting just tries. */
export type AccessCheck = (channelId: string) => ChannelAccess | null;

/** The digest as messages, in order; each must carry what lets `findPosted` recognise it later. */
export type DigestRenderer = (digest: Digest, digestId: string) => MessageBody[];

/** The nonce of a digest's part: the same after a restart, so a repeated post is the same message. */
export const partNonce = (digestId: string, part: number) => `${digestId}.${part}`;
