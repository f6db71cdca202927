import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REST, Routes } from "discord.js";
import type { APIMessage } from "discord-api-types/v10";
import { commandDefinitions, FIND_IN_BRIEFINGS } from "../../src/discord/definitions.ts";
import { deployCommands } from "../../src/discord/deploy-commands.ts";
import type { DiscordEmulator } from "../support/emulator/index.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";
import { buttonsOf } from "../support/discord-text.ts";

/**
 * Who may use the bot: with DISCORD_GUILD_IDS set, only the newsroom's servers; never a direct message. Anyone who
 * has the bot's id could otherwise add it to a server of their own and read the newsroom's briefings there. End to end
 * through the emulator with the real discord.js client.
 */
const EPHEMERAL = 1 << 6;
const NEWSROOM = "100000000000000001";
/** A server the bot is in but should not be, that it cannot leave (the leave is made to fail). */
const STUCK = "100000000000000002";
/** A server the bot is in at start and should leave. */
const ELSEWHERE = "100000000000000003";

interface LogLine {
  level: number;
  msg: string;
  guild?: string | null;
  user?: string;
}
const logLines = (h: BotHarness): LogLine[] =>
  h
    .logs()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
const linesMatching = (h: BotHarness, re: RegExp) => logLines(h).filter((l) => re.test(l.msg));

/** Register the commands the way this bot did before they were made guild-only: global, usable anywhere. */
async function legacyGlobalRegistration(emu: DiscordEmulator): Promise<void> {
  const body = commandDefinitions().map(({ contexts: _c, integration_types: _i, ...definition }) => definition);
  await new REST({ api: emu.apiUrl }).setToken(emu.token).put(Routes.applicationCommands(emu.appId), { body });
}

/** A copy of one of the bot's answers, with its buttons, as if the bot had posted it earlier in `channelId`. */
function earlierAnswer(emu: DiscordEmulator, answer: APIMessage, channelId: string): { id: string; customId: string } {
  const copy = { ...structuredClone(answer), id: emu.state.snowflake(), channel_id: channelId };
  emu.state.channelMessages(channelId).push(copy);
  return { id: copy.id, customId: buttonsOf(copy).find((b) => b.label === "Next")!.custom_id! };
}

/** The refusal every user outside the newsroom gets: one private line. */
function expectRefusal(message: APIMessage | undefined, text: RegExp): void {
  expect(message?.flags ?? 0).toBe(EPHEMERAL);
  expect(message?.content).toMatch(text);
  expect(message?.embeds ?? []).toEqual([]);
}
const ELSEWHERE_LINE = /^This bot answers only in its newsroom.s own server\.$/;
const DM_LINE = /^This bot answers only in its newsroom.s server, not in direct messages\.$/;

describe("with DISCORD_GUILD_IDS: the newsroom's servers only", () => {
  let h: BotHarness;
  let emu: DiscordEmulator;
  let stuckChannel: string;
  let answer: APIMessage;

  beforeAll(async () => {
    h = await startHarness({}, (e) => ({ DISCORD_GUILD_IDS: [e.guildId] }), {
      emulator: {
        guilds: [
          { id: NEWSROOM, name: "Newsroom" },
          { id: STUCK, name: "Stuck" },
          { id: ELSEWHERE, name: "Someone else's" },
        ],
      },
      beforeStart: (e) =>
        void e.failNext({
          method: "DELETE",
          path: `/users/@me/guilds/${STUCK}`,
          status: 403,
          body: { message: "Missing Access", code: 50001 },
        }),
    });
    emu = h.emu;
    stuckChannel = emu.info.guilds[1]!.channels.general!;
    const res = await emu.slashCommand({ name: "search", options: { query: "cybercrime" } }).response();
    answer = res.message!;
    // An earlier deploy, from when the stuck server was still listed, left the commands registered there.
    await deployCommands({ ...h.env, DISCORD_GUILD_IDS: [STUCK] }, () => undefined);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("registers every command to the listed server only, usable in servers only and by server install only", () => {
    const commands = emu.commands(NEWSROOM);
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) {
      expect(c.contexts, c.name).toEqual([0]);
      expect(c.integration_types, c.name).toEqual([0]);
    }
    expect(h.registered[0]).toBe(`Registered ${commands.length} commands to server ${NEWSROOM}:`);
    expect(emu.callsTo("PUT", "/applications/:app/commands")).toEqual([]);
    expect(emu.commands()).toEqual([]);
    expect(emu.commands(ELSEWHERE)).toEqual([]);
  });

  it("answers in the newsroom's server as before", () => {
    expect(answer.flags ?? 0).toBe(0);
    expect(answer.embeds.length).toBeGreaterThan(0);
  });

  it("leaves a server it was in at start that is not listed, saying which", async () => {
    const left = await emu.waitFor((c) => c.method === "DELETE" && c.path === `/users/@me/guilds/${ELSEWHERE}`);
    expect(left.status).toBe(204);
    expect(emu.inGuild(ELSEWHERE)).toBe(false);
    await vi.waitFor(() => expect(h.bot.client.guilds.cache.has(ELSEWHERE)).toBe(false));
    expect(linesMatching(h, /^leaving server/).map((l) => [l.level, l.msg])).toContainEqual([
      40,
      `leaving server "Someone else's" (${ELSEWHERE}), which it was in at start: it is not in DISCORD_GUILD_IDS`,
    ]);
    expect(emu.inGuild(NEWSROOM)).toBe(true);
    expect(emu.callsTo("DELETE", `/users/@me/guilds/${NEWSROOM}`)).toEqual([]);
  });

  it("says so when it cannot leave a server, so that someone removes it by hand", async () => {
    await vi.waitFor(() =>
      expect(linesMatching(h, /^could not leave/).map((l) => l.msg)).toEqual([
        `could not leave server ${STUCK}: remove the bot there by hand`,
      ]),
    );
  });

  it("leaves a server it is added to later", async () => {
    const added = emu.addGuild({ name: "Guest server" });
    const left = await emu.waitFor((c) => c.method === "DELETE" && c.path === `/users/@me/guilds/${added.id}`);
    expect(left.status).toBe(204);
    expect(emu.inGuild(added.id)).toBe(false);
    expect(linesMatching(h, /^leaving server "Guest server"/).map((l) => l.msg)).toEqual([
      `leaving server "Guest server" (${added.id}), which it was just added to: it is not in DISCORD_GUILD_IDS`,
    ]);
  });

  it("refuses a slash command from another server with one private line, and logs it naming the server", async () => {
    const res = await emu
      .slashCommand({ name: "search", channelId: stuckChannel, options: { query: "crime" } })
      .response();
    expect(res.kind).toBe("reply");
    expectRefusal(res.message, ELSEWHERE_LINE);
    const logged = linesMatching(h, /^refused \/search from server/);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 40,
        guild: STUCK,
        user: emu.userId,
        msg: `refused /search from server ${STUCK}: it is not in DISCORD_GUILD_IDS`,
      }),
    ]);
    expect(h.logs()).not.toContain(emu.token);
  });

  it("gives autocomplete from another server no choices", async () => {
    const res = await emu
      .autocomplete({ name: "search", channelId: stuckChannel, options: { source: "sar" }, focused: "source" })
      .response();
    expect(res.kind).toBe("autocomplete");
    expect(res.choices).toEqual([]);
    expect(linesMatching(h, /^refused autocomplete for \/search from server/)).toHaveLength(1);
  });

  it("refuses a button on an answer it posted there earlier", async () => {
    const earlier = earlierAnswer(emu, answer, stuckChannel);
    const res = await emu.clickButton({ customId: earlier.customId, messageId: earlier.id }).response();
    expect(res.kind).toBe("reply");
    expectRefusal(res.message, ELSEWHERE_LINE);
    expect(linesMatching(h, /^refused a button from server/)).toHaveLength(1);
  });

  it("refuses Find in briefings from another server", async () => {
    const res = await emu
      .messageCommand({ name: FIND_IN_BRIEFINGS, channelId: stuckChannel, targetContent: "who met the envoy?" })
      .response();
    expectRefusal(res.message, ELSEWHERE_LINE);
    expect(linesMatching(h, /^refused "Find in briefings" from server/)).toHaveLength(1);
  });

  it("ignores a mention in another server, and logs it", async () => {
    const before = emu.calls.length;
    emu.mentionBot("who met the envoy?", { channelId: stuckChannel });
    // The same question in the newsroom is answered; by then the other server's has been decided on.
    await emu.mentionBot("who met the envoy?").reply();
    expect(emu.calls.slice(before).filter((c) => c.path === `/channels/${stuckChannel}/messages`)).toEqual([]);
    expect(linesMatching(h, /^refused a mention from server/)).toEqual([
      expect.objectContaining({ level: 40, guild: STUCK, user: emu.userId }),
    ]);
  });

  it("reports a listed server it is not in, registers the others, and keeps the global commands until all are done", async () => {
    await legacyGlobalRegistration(emu);
    const printed: string[] = [];
    const missing = "100000000000000099";
    await expect(
      deployCommands({ ...h.env, DISCORD_GUILD_IDS: [NEWSROOM, missing] }, (l) => printed.push(l)),
    ).rejects.toThrow(`not registered to server ${missing}: the bot is not in that server (invite it first`);
    expect(printed[0]).toMatch(new RegExp(`^Registered \\d+ commands to server ${NEWSROOM}:$`));
    expect(emu.commands().length).toBeGreaterThan(0);
  });

  describe("direct messages (through commands an older version registered globally, usable anywhere)", () => {
    let dm: string;
    beforeAll(async () => {
      await legacyGlobalRegistration(emu);
      dm = emu.dmChannel();
    });

    it("refuses a slash command in a DM with one private line, and logs it", async () => {
      const handle = emu.slashCommand({ name: "search", channelId: dm, options: { query: "crime" } });
      expect(handle.payload.guild_id).toBeUndefined();
      const res = await handle.response();
      expectRefusal(res.message, DM_LINE);
      expect(linesMatching(h, /^refused \/search in a direct message/)).toEqual([
        expect.objectContaining({ level: 40, guild: null, user: emu.userId }),
      ]);
    });

    it("gives autocomplete in a DM no choices", async () => {
      const res = await emu
        .autocomplete({ name: "search", channelId: dm, options: { source: "sar" }, focused: "source" })
        .response();
      expect(res.choices).toEqual([]);
    });

    it("refuses Find in briefings and buttons in a DM", async () => {
      const find = await emu
        .messageCommand({ name: FIND_IN_BRIEFINGS, channelId: dm, targetContent: "who met the envoy?" })
        .response();
      expectRefusal(find.message, DM_LINE);
      const earlier = earlierAnswer(emu, answer, dm);
      const click = await emu.clickButton({ customId: earlier.customId, messageId: earlier.id }).response();
      expectRefusal(click.message, DM_LINE);
    });

    it("deploy-commands removes the stale global commands, after which Discord sends nothing from a DM", async () => {
      const stale = emu.commands().length;
      const printed: string[] = [];
      await deployCommands(h.env, (l) => printed.push(l));
      expect(printed.at(-1)).toMatch(
        new RegExp(`^Removed ${stale} global commands left from an earlier global registration \\(.*search.*\\)`),
      );
      expect(emu.commands()).toEqual([]);
      expect(() => emu.slashCommand({ name: "search", channelId: dm, options: { query: "crime" } })).toThrow(
        /not registered in a DM/,
      );
    });
  });
});

describe("without DISCORD_GUILD_IDS: any server it is added to, never a DM", () => {
  let h: BotHarness;
  let emu: DiscordEmulator;

  beforeAll(async () => {
    h = await startHarness({}, () => ({ DISCORD_GUILD_IDS: undefined }), {
      emulator: { guilds: [{ id: NEWSROOM }, { id: ELSEWHERE }] },
    });
    emu = h.emu;
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("registers globally, every command for servers only and server installs only", () => {
    const commands = emu.commands();
    expect(h.registered[0]).toBe(`Registered ${commands.length} commands globally (may take up to an hour to appear):`);
    for (const c of commands) {
      expect(c.contexts, c.name).toEqual([0]);
      expect(c.integration_types, c.name).toEqual([0]);
    }
    expect(() => emu.slashCommand({ name: "search", channelId: emu.dmChannel(), options: { query: "x" } })).toThrow(
      /contexts \[0\]: not usable in a DM/,
    );
  });

  it("answers in every server it is in, and leaves none", async () => {
    const other = emu.info.guilds[1]!.channels.general!;
    const res = await emu
      .slashCommand({ name: "search", channelId: other, options: { query: "cybercrime" } })
      .response();
    expect(res.message!.flags ?? 0).toBe(0);
    expect(res.message!.embeds.length).toBeGreaterThan(0);
    expect(emu.callsTo("DELETE", "/users/@me/guilds/:guild")).toEqual([]);
  });

  it("still refuses a DM, should Discord send one (an older global registration)", async () => {
    await legacyGlobalRegistration(emu);
    const res = await emu
      .slashCommand({ name: "search", channelId: emu.dmChannel(), options: { query: "crime" } })
      .response();
    expectRefusal(res.message, DM_LINE);
  });
});

describe("with DISCORD_GUILD_IDS naming none of the servers the bot is in (a typo)", () => {
  let h: BotHarness;

  beforeAll(async () => {
    // deploy-commands would fail for the mistyped server; the bot is started all the same.
    h = await startHarness({}, () => ({ DISCORD_GUILD_IDS: ["100000000000000009"] }), {
      emulator: { guilds: [{ id: NEWSROOM }] },
      deploy: false,
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("says so and stays in the newsroom's server, answering nothing there", async () => {
    expect(linesMatching(h, /^the bot is in none of the servers/)).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "the bot is in none of the servers in DISCORD_GUILD_IDS (100000000000000009): check the ids; not leaving the 1 it is in, but answering nothing there",
      }),
    ]);
    // The commands an earlier deploy, with the right id, left in the newsroom's server.
    await deployCommands({ ...h.env, DISCORD_GUILD_IDS: [NEWSROOM] }, () => undefined);
    const res = await h.emu.slashCommand({ name: "search", options: { query: "crime" } }).response();
    expectRefusal(res.message, ELSEWHERE_LINE);
    expect(h.emu.callsTo("DELETE", "/users/@me/guilds/:guild")).toEqual([]);
    expect(h.emu.inGuild(NEWSROOM)).toBe(true);
  });
});
