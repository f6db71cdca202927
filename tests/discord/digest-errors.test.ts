import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/discord/digest-poster.ts";

/** A digest post Discord refuses is explained in words: which permission or setting to fix. */
const refused = (status: number, code: number, message: string) =>
  classify(new DiscordAPIError({ code, message }, code, status, "POST", "/channels/1/messages", {}));

describe("refused digest posts", () => {
  it("explains 50006 as missing Embed Links (Discord strips a digest's embeds without it)", () => {
    const c = refused(400, 50006, "Cannot send an empty message");
    expect(c.permanent).toBe(true);
    expect(c.error).toMatch(/^400 Cannot send an empty message \(code 50006\): .*lacks Embed Links in that channel/);
  });

  it("explains 50013 as a missing permission, naming the ones the bot needs", () => {
    const c = refused(403, 50013, "Missing Permissions");
    expect(c.error).toMatch(
      /\(code 50013\): the bot lacks a permission .*View Channel, Send Messages, Embed Links and Read Message History/,
    );
  });

  it("keeps 50001 and unknown channels as before", () => {
    expect(refused(403, 50001, "Missing Access").error).toMatch(/give the bot View Channel/);
    expect(refused(404, 10003, "Unknown Channel").error).toMatch(/fix DIGEST_SCHEDULES/);
  });
});
