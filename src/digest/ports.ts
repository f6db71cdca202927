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

/** The digest as messages, in order; each must carry what lets `findPosted` recognise it later. */
export type DigestRenderer = (digest: Digest, digestId: string) => MessageBody[];

/** The nonce of a digest's part: the same after a restart, so a repeated post is the same message. */
export const partNonce = (digestId: string, part: number) => `${digestId}.${part}`;
