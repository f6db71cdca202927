import path from "node:path";
import { type Answer } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import type { Command } from "../src/kit/command.ts";
import { buildDigest, digestAnswer, unsentBriefings } from "../src/digest/build.ts";
import { sinceWords } from "../src/digest/time.ts";
import { readStateFile, STATE_FILE, type ReadResult } from "../src/digest/store.ts";
import { newestFirst } from "../src/briefings/briefing.ts";

/**
 * `digest`: what is new in the briefings — the briefings published since a date, or those a
 * channel has not been sent in a digest yet (read from the digest state the bot keeps) — with
 * their leads quoted, and the meetings and pledges in them. It only reads: posting is the
 * bot's (/digest now in Discord).
 */
export function digestCommand(readState: (stateDir: string | null) => ReadResult): Command {
  return {
    name: "digest",
    description: "What is new: briefings since a date or since the last digest, with their meetings and pledges",
    options: [
      {
        name: "since",
        description: "Briefings published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)",
        type: "date",
      },
      {
        name: "channel",
        description: "Measure from this channel's last digest (its id); needed when digests go to several",
        type: "string",
        maxLength: 20,
      },
    ],
    run(library, options, context): Answer {
      if (typeof options.since === "string") {
        const since = options.since;
        const list = library.briefings
          .filter((b) => b.meta.published !== null && b.meta.published >= since)
          .sort(newestFirst);
        return digestAnswer(buildDigest(library, list, `published since ${since}`), { channel: null });
      }
      const read = readState(context.stateDir);
      if (!read.ok)
        throw new UserError(
          `The digest state file ${read.problem}. Give --since DATE instead (the bot sets a bad file aside when it starts).`,
        );
      const channels = Object.keys(read.state.channels);
      if (channels.length === 0) {
        throw new UserError(
          "No digest has been set up yet, so there is no last digest to measure from: give --since DATE, e.g. --since 2024-06-01.",
        );
      }
      const wanted =
        typeof options.channel === "string" ? options.channel : channels.length === 1 ? channels[0] : undefined;
      if (wanted === undefined)
        throw new UserError(
          `Digests go to ${channels.length} channels (${channels.join(", ")}): choose one with --channel ID.`,
        );
      const ch = read.state.channels[wanted];
      if (!ch) throw new UserError(`No digest goes to channel ${wanted}. Digest channels: ${channels.join(", ")}.`);
      const waiting = read.state.pending.filter((p) => p.channel === wanted).flatMap((p) => p.briefings);
      const { since } = sinceWords(ch, "UTC");
      const answer = digestAnswer(buildDigest(library, unsentBriefings(library, ch.sent, waiting), since), {
        channel: wanted,
        waiting,
      });
      return waiting.length
        ? {
            ...answer,
            note: [answer.note, `${waiting.length} more in a digest waiting to be posted.`].filter(Boolean).join(" "),
          }
        : answer;
    },
  };
}

/** The state the bot keeps, in the settings' STATE_DIR (the front end passes it in the command context). */
export const digest = digestCommand((stateDir) =>
  stateDir === null
    ? { ok: false, problem: "is not known here (no settings were read)" }
    : readStateFile(path.join(stateDir, STATE_FILE)),
);
