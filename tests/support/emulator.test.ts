// Proves the Discord emulator (tests/emulator) speaks well enough for a real, unmodified discord.js Client and REST.
import { setTimeout as sleep } from "node:timers/promises";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type Interaction,
  type Message,
  type TextChannel,
} from "discord.js";
import type { APIApplicationCommand, RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DiscordEmulator, startEmulator } from "./emulator/index.ts";
import { readyClient } from "./emulator-client.ts";

const COMMANDS: RESTPutAPIApplicationCommandsJSONBody = [
  {
    name: "ask",
    description: "Ask the briefings a question",
    options: [
      { type: 3, name: "query", description: "What to look for", required: true, autocomplete: true },
      { type: 4, name: "limit", description: "How many passages", min_value: 1, max_value: 10 },
    ],
  },
  {
    name: "brief",
    description: "Briefings",
    options: [
      { type: 1, name: "today", description: "Today's briefing" },
      {
        type: 1,
        name: "search",
        description: "Search",
        options: [{ type: 3, name: "query", description: "Terms", required: true }],
      },
    ],
  },
  { type: 3, name: "Cite message" },
];

/** Expects `promise` to reject with a DiscordAPIError carrying `code`; returns the error. */
async function apiError(promise: Promise<unknown>, code: number): Promise<DiscordAPIError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DiscordAPIError);
  expect((err as DiscordAPIError).code).toBe(code);
  return err as DiscordAPIError;
}

describe("discord.js Client against the emulator", () => {
  let emu: DiscordEmulator;
  let client: Client;
  let rest: REST;

  /**
   * Runs `fn` on the next interaction the client receives; resolves with its result (errors are returned, not thrown).
   */
  function onNextInteraction<T>(fn: (i: Interaction) => Promise<T>): Promise<T | unknown> {
    return new Promise((resolve) => {
      client.once(Events.InteractionCreate, (i) => void fn(i).then(resolve, resolve));
    });
  }

  beforeAll(async () => {
    emu = await startEmulator();
    rest = new REST({ api: emu.apiUrl, globalRequestsPerSecond: 10_000 }).setToken(emu.token);
    await rest.put(Routes.applicationGuildCommands(emu.appId, emu.guildId), { body: COMMANDS });
    client = await readyClient(emu);
  });

  afterEach(() => {
    emu.configure({ ackLimitMs: 3000, tokenLifetimeMs: 15 * 60_000 });
    emu.clearFailures();
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  it("connects: READY + GUILD_CREATE populate the cache, IDENTIFY asks only for Guilds | GuildMessages", () => {
    expect(client.user?.id).toBe(emu.botUserId);
    expect(client.application?.id).toBe(emu.appId);
    const guild = client.guilds.cache.get(emu.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.everyone.id).toBe(emu.guildId);
    expect(guild?.members.me?.id).toBe(emu.botUserId);
    for (const id of emu.channelIds) expect(client.channels.cache.get(id)?.isTextBased()).toBe(true);
    expect(emu.intents()).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(emu.identifies).toHaveLength(1);
    expect(emu.callsTo("GET", "/gateway/bot")[0]?.status).toBe(200);
  });

  it("delivers a slash command with typed options and records the reply callback", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      await i.reply({ content: `Looking up: ${i.options.getString("query", true)}` });
      return {
        query: i.options.getString("query"),
        limit: i.options.getInteger("limit"),
        locale: i.locale,
        perms: i.memberPermissions?.has("SendMessages"),
      };
    });
    const h = emu.slashCommand({ name: "ask", options: { query: "who met X?", limit: 3 } });
    const cb = await h.callback();
    expect(cb.status).toBe(204);
    expect(cb.body).toMatchObject({
      type: 4,
      data: { content: "Looking up: who met X?", allowed_mentions: { parse: [] } },
    });
    expect(await seen).toEqual({ query: "who met X?", limit: 3, locale: "en-US", perms: true });
    const res = await h.response();
    expect(res.kind).toBe("reply");
    expect(res.message?.author.id).toBe(emu.botUserId);
    expect(h.original()?.content).toBe("Looking up: who met X?");
    expect(emu.lastMessageBody()).toMatchObject({ content: "Looking up: who met X?" });
  });

  it("supports subcommands, defer + editReply + followUp, and with_response", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      const sub = i.options.getSubcommand();
      const deferred = await i.deferReply({ flags: MessageFlags.Ephemeral, withResponse: true });
      await i.editReply({ content: `Results for ${i.options.getString("query", true)}` });
      const follow = await i.followUp({ content: "One more thing", flags: MessageFlags.Ephemeral });
      return { sub, loading: deferred.interaction.responseMessageLoading, follow: follow.content };
    });
    const h = emu.slashCommand({ name: "brief", subcommand: "search", options: { query: "budget" } });
    expect(await seen).toEqual({ sub: "search", loading: true, follow: "One more thing" });
    const res = await h.response();
    expect(res.kind).toBe("edit");
    expect(res.message?.content).toBe("Results for budget");
    expect(res.message!.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(h.followUps().map((m) => m.content)).toEqual(["One more thing"]);
  });

  it("refuses a second acknowledgement with 40060", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      // Two handlers racing to answer the same interaction: discord.js cannot catch this locally.
      return Promise.allSettled([i.reply({ content: "first" }), i.reply({ content: "second" })]);
    });
    const h = emu.slashCommand({ name: "ask", options: { query: "x" } });
    const [a, b] = (await seen) as PromiseSettledResult<unknown>[];
    expect(a!.status).toBe("fulfilled");
    expect(b!.status).toBe("rejected");
    const err = (b as PromiseRejectedResult).reason as DiscordAPIError;
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err.code).toBe(40060);
    expect(h.calls().map((c) => c.status)).toEqual([204, 400]);
  });

  it("answers a late first response with 10062 Unknown interaction", async () => {
    emu.configure({ ackLimitMs: 200 });
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      await sleep(300);
      return i.reply({ content: "too late" });
    });
    const h = emu.slashCommand({ name: "ask", options: { query: "slow" } });
    const err = await seen;
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(10062);
    expect((await h.callback()).status).toBe(404);
  });

  it("lets a deferred interaction be edited late, but not after the 15-minute token lifetime", async () => {
    emu.configure({ ackLimitMs: 200 });
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      await i.deferReply();
      await sleep(300);
      await i.editReply({ content: "worth the wait" });
      emu.advanceTime(15 * 60_000 + 1);
      return i.editReply({ content: "much later" }).catch((e: unknown) => e);
    });
    const h = emu.slashCommand({ name: "ask", options: { query: "slow" } });
    const err = await seen;
    expect((err as DiscordAPIError).code).toBe(50027);
    expect(h.original()?.content).toBe("worth the wait");
  });

  it("rejects an over-limit embed with 50035 and an errors tree", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      const tooLong = await i.reply({ embeds: [{ description: "x".repeat(4097) }] }).catch((e: unknown) => e);
      await i.reply({ embeds: [{ description: "fits" }] }); // a 400 does not use up the acknowledgement
      return tooLong;
    });
    const h = emu.slashCommand({ name: "ask", options: { query: "long" } });
    const err = (await seen) as DiscordAPIError;
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err.code).toBe(50035);
    expect(err.rawError).toMatchObject({
      errors: { data: { embeds: { 0: { description: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } } },
    });
    expect((await h.response()).message?.embeds[0]?.description).toBe("fits");
  });

  it("answers autocomplete and enforces the 25-choice limit", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isAutocomplete()) throw new Error("expected autocomplete");
      const focused = i.options.getFocused(true);
      const many = Array.from({ length: 26 }, (_, n) => ({ name: `choice ${n}`, value: `c${n}` }));
      const tooMany = await i.respond(many).catch((e: unknown) => e);
      await i.respond([{ name: `${focused.value}…`, value: focused.value }]);
      return { tooMany, focused: focused.name };
    });
    const h = emu.autocomplete({ name: "ask", options: { query: "bud" }, focused: "query" });
    const { tooMany, focused } = (await seen) as { tooMany: DiscordAPIError; focused: string };
    expect(focused).toBe("query");
    expect(tooMany.code).toBe(50035);
    const res = await h.response();
    expect(res.kind).toBe("autocomplete");
    expect(res.choices).toEqual([{ name: "bud…", value: "bud" }]);
  });

  it("clicks a button on the bot's message and records the update", async () => {
    const replied = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a chat input command");
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId("more:42").setLabel("More").setStyle(ButtonStyle.Secondary),
      );
      await i.reply({ content: "3 passages", components: [row] });
    });
    const cmd = emu.slashCommand({ name: "ask", options: { query: "x" } });
    await replied;
    const clicked = onNextInteraction(async (i) => {
      if (!i.isButton()) throw new Error("expected a button");
      await i.update({ content: "6 passages", components: [] });
      return { customId: i.customId, messageId: i.message.id };
    });
    const btn = emu.clickButton({ customId: "more:42" });
    expect(await clicked).toEqual({ customId: "more:42", messageId: cmd.original()!.id });
    const res = await btn.response();
    expect(res.kind).toBe("update");
    expect(res.message?.id).toBe(cmd.original()!.id);
    expect(cmd.original()?.content).toBe("6 passages");
    expect(() => emu.clickButton({ customId: "no-such-button" })).toThrow(/custom_id/);
  });

  it("delivers a message context-menu command with the target message resolved", async () => {
    const seen = onNextInteraction(async (i) => {
      if (!i.isMessageContextMenuCommand()) throw new Error("expected a message context menu command");
      await i.reply({ content: `Cited: ${i.targetMessage.content}`, flags: MessageFlags.Ephemeral });
      return i.targetId;
    });
    const h = emu.messageCommand({ name: "Cite message", targetContent: "The mayor met X on Tuesday." });
    const targetId = await seen;
    expect(h.payload.data.target_id).toBe(targetId);
    expect((await h.response()).message?.content).toBe("Cited: The mayor met X on Tuesday.");
  });

  it("delivers a message that mentions the bot with its content, and hides content otherwise", async () => {
    const got = new Promise<Message>((resolve) => {
      const listener = (m: Message) => {
        if (m.author.bot) return;
        client.off(Events.MessageCreate, listener);
        resolve(m);
        void m.reply({
          content: `You asked: ${m.content.replace(/<@\d+>\s*/, "")}`,
          allowedMentions: { parse: [], repliedUser: false },
        });
      };
      client.on(Events.MessageCreate, listener);
    });
    const h = emu.mentionBot("who met X?");
    const msg = await got;
    expect(msg.content).toBe(`<@${emu.botUserId}> who met X?`);
    expect(msg.mentions.users.has(emu.botUserId)).toBe(true);
    const reply = await h.reply();
    expect(reply.content).toBe("You asked: who met X?");
    expect(reply.message_reference?.message_id).toBe(h.message.id);
    expect(reply.mentions).toEqual([]);

    const plain = new Promise<Message>((resolve) => {
      const listener = (m: Message) => {
        if (m.author.bot) return; // Discord also sends the bot its own messages
        client.off(Events.MessageCreate, listener);
        resolve(m);
      };
      client.on(Events.MessageCreate, listener);
    });
    emu.sendUserMessage({ content: "just chatting" });
    expect((await plain).content).toBe(""); // no MessageContent intent
  });

  it("returns the existing message for a repeated nonce with enforce_nonce", async () => {
    const channel = client.channels.cache.get(emu.channelIds[1]!) as TextChannel;
    const a = await channel.send({ content: "Morning briefing", nonce: "brief-2024-06-01", enforceNonce: true });
    const b = await channel.send({ content: "Morning briefing", nonce: "brief-2024-06-01", enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(emu.messages(channel.id).filter((m) => m.nonce === "brief-2024-06-01")).toHaveLength(1);
    const c = await channel.send({ content: "Morning briefing", nonce: "brief-2024-06-01" });
    expect(c.id).not.toBe(a.id);
  });

  it("injects failures: a 500 is retried, a 429 is waited out, a denied channel gives 50001, an unknown one 10003", async () => {
    const channel = client.channels.cache.get(emu.channelIds[0]!) as TextChannel;
    const path = `/channels/${channel.id}/messages`;
    emu.failNext({
      method: "POST",
      path: "/channels/:id/messages",
      status: 500,
      body: { message: "500: Internal Server Error", code: 0 },
    });
    await channel.send({ content: "after a 500" });
    emu.rateLimitNext({ method: "POST", path }, { retryAfter: 0.05 });
    await channel.send({ content: "after a 429" });
    const statuses = emu
      .callsTo("POST", path)
      .slice(-4)
      .map((c) => [c.status, c.injected]);
    expect(statuses).toEqual([
      [500, true],
      [200, false],
      [429, true],
      [200, false],
    ]);

    emu.failChannel(emu.channelIds[1]!);
    const denied = await apiError(
      (client.channels.cache.get(emu.channelIds[1]!) as TextChannel).send({ content: "nope" }),
      50001,
    );
    expect(denied.status).toBe(403);
    await apiError(rest.get(Routes.channel("123456789012345678")), 10003);
  });

  it("keeps registered commands (ids stable across a bulk overwrite) and validates registrations", async () => {
    const first = emu.commands(emu.guildId);
    const again = (await rest.put(Routes.applicationGuildCommands(emu.appId, emu.guildId), {
      body: COMMANDS,
    })) as APIApplicationCommand[];
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(again[0]).toMatchObject({ name: "ask", application_id: emu.appId, guild_id: emu.guildId, type: 1 });
    const listed = (await rest.get(Routes.applicationGuildCommands(emu.appId, emu.guildId))) as APIApplicationCommand[];
    expect(listed.map((c) => c.name)).toEqual(["ask", "brief", "Cite message"]);

    const bad = await apiError(
      rest.put(Routes.applicationCommands(emu.appId), {
        body: [
          { name: "Ask", description: "uppercase" },
          {
            name: "find",
            description: "order",
            options: [
              { type: 3, name: "a", description: "optional" },
              { type: 3, name: "b", description: "required", required: true },
            ],
          },
        ],
      }),
      50035,
    );
    expect(bad.rawError).toMatchObject({ errors: { 0: { name: {} }, 1: { options: { 1: { required: {} } } } } });
    expect(emu.commands()).toEqual([]);
  });

  it("registers to a guild only if the bot is in it, and checks contexts and integration_types", async () => {
    await apiError(
      rest.put(Routes.applicationGuildCommands(emu.appId, "123456789012345678"), { body: COMMANDS }),
      50001,
    );
    const bad = await apiError(
      rest.put(Routes.applicationGuildCommands(emu.appId, emu.guildId), {
        body: [{ name: "ask", description: "d", contexts: [0, 7], integration_types: 0 }],
      }),
      50035,
    );
    expect(bad.rawError).toMatchObject({ errors: { 0: { contexts: { 1: {} }, integration_types: {} } } });
    expect(emu.commands(emu.guildId).map((c) => c.name)).toEqual(["ask", "brief", "Cite message"]);
  });

  it("delivers interactions from a DM (user, no guild) only for global commands usable there", async () => {
    const dm = emu.dmChannel();
    expect(() => emu.slashCommand({ name: "ask", channelId: dm, options: { query: "x" } })).toThrow(
      /not registered in a DM/,
    );
    await rest.put(Routes.applicationCommands(emu.appId), { body: [{ ...COMMANDS[0], contexts: [0] }] });
    expect(() => emu.slashCommand({ name: "ask", channelId: dm, options: { query: "x" } })).toThrow(
      /contexts \[0\]: not usable in a DM/,
    );
    await rest.put(Routes.applicationCommands(emu.appId), { body: [COMMANDS[0]] });
    const seen = onNextInteraction(async (i) => {
      if (!i.isChatInputCommand()) return null;
      await i.reply({ content: "private", flags: MessageFlags.Ephemeral });
      return { guild: i.guildId, user: i.user.id, member: i.member, context: i.context, channel: i.channelId };
    });
    const h = emu.slashCommand({ name: "ask", channelId: dm, options: { query: "x" } });
    expect(await seen).toEqual({ guild: null, user: emu.userId, member: null, context: 1, channel: dm });
    expect(h.payload.authorizing_integration_owners).toEqual({ 0: "0" });
    expect((await h.response()).message).toMatchObject({ channel_id: dm, content: "private", flags: 64 });
    await rest.put(Routes.applicationCommands(emu.appId), { body: [] });
  });

  it("adds the bot to a guild (GUILD_CREATE) and lets it leave (204, then GUILD_DELETE)", async () => {
    const created = new Promise<string>((resolve) => client.once(Events.GuildCreate, (g) => resolve(g.name)));
    const added = emu.addGuild({ name: "Added later", channels: ["lobby"] });
    expect(await created).toBe("Added later");
    expect(client.channels.cache.get(added.channels.lobby!)?.isTextBased()).toBe(true);
    const deleted = new Promise<string>((resolve) => client.once(Events.GuildDelete, (g) => resolve(g.id)));
    await client.guilds.cache.get(added.id)!.leave();
    expect(await deleted).toBe(added.id);
    expect(emu.inGuild(added.id)).toBe(false);
    expect(emu.callsTo("DELETE", `/users/@me/guilds/${added.id}`)[0]?.status).toBe(204);
    await apiError(rest.delete(Routes.userGuild(added.id)), 10004);
    expect(client.guilds.cache.has(emu.guildId)).toBe(true);
  });

  it("resumes after the gateway drops the connection", async () => {
    const resumed = emu.waitForResume();
    emu.disconnectGateway(4000);
    await resumed;
    const seen = onNextInteraction(async (i) =>
      i.isChatInputCommand() ? i.reply({ content: "still here" }) : undefined,
    );
    const h = emu.slashCommand({ name: "brief", subcommand: "today" });
    await seen;
    expect((await h.response()).message?.content).toBe("still here");
    expect(emu.identifies).toHaveLength(1);
  });

  it("saw no message body that could ping anyone", () => {
    expect(emu.messageCalls().length).toBeGreaterThan(5);
    expect(emu.messageCalls().every((c) => c.message!.hasAllowedMentions)).toBe(true);
    emu.assertNoPings();
    expect(emu.unknownRoutes).toEqual([]);
  });
});

describe("emulator REST and gateway rules without a client", () => {
  let emu: DiscordEmulator;
  let rest: REST;

  beforeAll(async () => {
    emu = await startEmulator();
    rest = new REST({ api: emu.apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken(emu.token);
  });
  afterAll(async () => {
    await emu?.stop();
  });

  const row = (n: number, extra: Record<string, unknown> = {}) => ({
    type: 1,
    components: Array.from({ length: n }, (_, k) => ({
      type: 2,
      style: 1,
      label: `b${k}`,
      custom_id: `id${k}`,
      ...extra,
    })),
  });
  const cases: [string, string, Record<string, unknown>][] = [
    ["content > 2000", "content", { content: "x".repeat(2001) }],
    ["> 10 embeds", "embeds", { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) }],
    ["title > 256", "embeds.0.title", { embeds: [{ title: "x".repeat(257) }] }],
    [
      "> 25 fields",
      "embeds.0.fields",
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] },
    ],
    ["field name > 256", "embeds.0.fields.0.name", { embeds: [{ fields: [{ name: "x".repeat(257), value: "v" }] }] }],
    [
      "field value > 1024",
      "embeds.0.fields.0.value",
      { embeds: [{ fields: [{ name: "n", value: "x".repeat(1025) }] }] },
    ],
    ["footer > 2048", "embeds.0.footer.text", { embeds: [{ footer: { text: "x".repeat(2049) } }] }],
    ["author > 256", "embeds.0.author.name", { embeds: [{ author: { name: "x".repeat(257) } }] }],
    ["6000 total", "embeds", { embeds: [{ description: "x".repeat(4000) }, { description: "x".repeat(2001) }] }],
    [
      "> 5 rows",
      "components",
      {
        components: Array.from({ length: 6 }, (_, k) => ({
          type: 1,
          components: [{ type: 2, style: 1, label: "b", custom_id: `r${k}` }],
        })),
      },
    ],
    ["> 5 buttons", "components.0.components", { components: [row(6)] }],
    [
      "custom_id > 100",
      "components.0.components.0.custom_id",
      { components: [{ type: 1, components: [{ type: 2, style: 1, label: "b", custom_id: "x".repeat(101) }] }] },
    ],
    [
      "label > 80",
      "components.0.components.0.label",
      { components: [{ type: 1, components: [{ type: 2, style: 1, label: "x".repeat(81), custom_id: "a" }] }] },
    ],
    ["duplicate custom_id", "components.0.components.1.custom_id", { components: [row(2, { custom_id: "same" })] }],
  ];

  it.each(cases)("rejects %s with 50035 at %s", async (_name, path, body) => {
    const err = await apiError(
      rest.post(Routes.channelMessages(emu.channelIds[0]!), { body: { ...body, allowed_mentions: { parse: [] } } }),
      50035,
    );
    let node: unknown = (err.rawError as { errors: unknown }).errors;
    for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
    expect((node as { _errors: unknown[] })._errors.length).toBeGreaterThan(0);
  });

  it("injects a 429 without rate-limit headers, which plain discord.js REST answers by sending again at once", async () => {
    const path = `/channels/${emu.channelIds[0]!}/messages`;
    emu.rateLimitNextWithoutHeaders({ method: "POST", path }, { retryAfter: 2 });
    const res = await fetch(`${emu.apiUrl}/v10${path}`, {
      method: "POST",
      headers: { authorization: `Bot ${emu.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "x" }),
    });
    expect(res.status).toBe(429);
    expect([...res.headers.keys()].filter((k) => k.startsWith("x-ratelimit") || k === "retry-after")).toEqual([]);
    expect(await res.json()).toEqual({ message: "You are being rate limited.", retry_after: 2 });

    // The behaviour the bot guards against (src/discord/rate-limits.ts): no wait at all between the tries.
    const before = emu.callsTo("POST", path).length;
    emu.rateLimitNextWithoutHeaders({ method: "POST", path }, { retryAfter: 2, times: 20 });
    const started = Date.now();
    await rest.post(Routes.channelMessages(emu.channelIds[0]!), { body: { content: "after 20 429s" } });
    expect(emu.callsTo("POST", path).length - before).toBe(21);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("rejects an empty message (50006), unauthenticated calls (401) and records unknown routes (404)", async () => {
    await apiError(rest.post(Routes.channelMessages(emu.channelIds[0]!), { body: { content: "  " } }), 50006);
    const anon = new REST({ api: emu.apiUrl, retries: 0 }).setToken("wrong-token");
    const err = await anon.get(Routes.user("@me")).catch((e: unknown) => e);
    expect((err as DiscordAPIError).status).toBe(401);
    await rest.get("/definitely/not/a/route").catch(() => undefined);
    expect(emu.unknownRoutes.map((c) => [c.path, c.status])).toEqual([["/definitely/not/a/route", 404]]);
  });

  it("flags message bodies that could ping", async () => {
    await rest.post(Routes.channelMessages(emu.channelIds[0]!), {
      body: { content: `hey <@${emu.userId}> and @everyone` },
    });
    await rest.post(Routes.channelMessages(emu.channelIds[0]!), {
      body: { content: `hey <@${emu.userId}>`, allowed_mentions: { parse: [] } },
    });
    const [unsafe, safe] = emu
      .callsTo("POST", `/channels/${emu.channelIds[0]}/messages`)
      .filter((c) => c.status === 200)
      .slice(-2);
    expect(unsafe!.message).toMatchObject({
      hasAllowedMentions: false,
      mentionSafe: false,
      pings: { users: [emu.userId], everyone: true },
    });
    expect(safe!.message).toMatchObject({
      hasAllowedMentions: true,
      mentionSafe: true,
      pings: { users: [], everyone: false },
    });
    expect(emu.mentionViolations().map((v) => v.call)).toContain(unsafe);
    expect(() => emu.assertNoPings()).toThrow(/could ping/);
    expect(emu.message((safe!.response as { id: string }).id)?.mentions).toEqual([]);
  });

  it("closes the gateway with 4004 on a wrong token", async () => {
    const ws = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
    const code = await new Promise<number>((resolve) => {
      ws.on("message", (data) => {
        const frame = JSON.parse(String(data)) as { op: number };
        if (frame.op === 10)
          ws.send(
            JSON.stringify({
              op: 2,
              d: { token: "wrong", intents: 513, properties: { os: "linux", browser: "t", device: "t" } },
            }),
          );
      });
      ws.on("close", (c) => resolve(c));
    });
    expect(code).toBe(4004);
  });
});

describe("privileged intents", () => {
  it("passes a message that mentions only the bot's role blank without MessageContent, whole with it", async () => {
    const emu = await startEmulator({ privilegedIntents: GatewayIntentBits.MessageContent });
    const plain = await readyClient(emu);
    const reading = await readyClient(emu, [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ]);
    const next = (client: Client) => new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve));
    try {
      const role = emu.state.firstGuild().botRoleId;
      const [seenPlain, seenReading] = [next(plain), next(reading)];
      emu.sendUserMessage({ content: `<@&${role}> who met X?` });
      const [a, b] = await Promise.all([seenPlain, seenReading]);
      // The role is not the bot user: no exception to the intent, though the role mention itself is listed.
      expect(a.content).toBe("");
      expect([...a.mentions.roles.keys()]).toEqual([role]);
      expect(a.mentions.users.size).toBe(0);
      expect(b.content).toBe(`<@&${role}> who met X?`);
    } finally {
      await plain.destroy();
      await reading.destroy();
      await emu.stop();
    }
  });

  it("closes with 4014 when the client asks for MessageContent without it being enabled", async () => {
    const emu = await startEmulator();
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: emu.apiUrl, globalRequestsPerSecond: 10_000 },
    });
    try {
      await expect(client.login(emu.token)).rejects.toThrow(/disallowed intents/i);
      expect(emu.intents()! & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
    } finally {
      await client.destroy();
      await emu.stop();
    }
  });
});
