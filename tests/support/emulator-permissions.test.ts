// The emulator's permission model: computed as Discord does, enforced on the channel routes, and in agreement with
// what a real discord.js Client computes from the payloads it is sent.
import {
  DiscordAPIError,
  Events,
  PermissionFlagsBits as P,
  type Client,
  REST,
  Routes,
  type Interaction,
  type TextChannel,
} from "discord.js";
import type { APIMessage } from "discord-api-types/v10";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  BOT_PERMISSIONS,
  DM_BITS,
  permissionsIn,
  startEmulator,
  type DiscordEmulator,
  type OverwriteInput,
} from "./emulator/index.ts";
import { readyClient } from "./emulator-client.ts";

const GUILD = "100";
const base = {
  guildId: GUILD,
  ownerId: "1",
  rolePermissions: new Map([
    [GUILD, P.ViewChannel | P.SendMessages | P.EmbedLinks],
    ["10", P.ReadMessageHistory],
    ["11", P.Administrator],
  ]),
};
const over = (id: string, type: 0 | 1, allow: bigint, deny: bigint) => ({
  id,
  type,
  allow: allow.toString(),
  deny: deny.toString(),
});

describe("permission model (Discord's computation)", () => {
  it("starts from @everyone and the member's roles; the owner and an Administrator have everything", () => {
    expect(permissionsIn({ ...base, overwrites: [] }, "5", ["10"])).toBe(
      P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ReadMessageHistory,
    );
    const denyAll = [over(GUILD, 0, 0n, ALL_PERMISSIONS)];
    expect(permissionsIn({ ...base, overwrites: denyAll }, "1", [])).toBe(ALL_PERMISSIONS);
    expect(permissionsIn({ ...base, overwrites: denyAll }, "5", ["11"])).toBe(ALL_PERMISSIONS);
  });

  it("applies the @everyone overwrite, then the roles' together, then the member's, each deny before allow", () => {
    const overwrites = [
      over(GUILD, 0, 0n, P.ViewChannel | P.SendMessages),
      over("10", 0, P.ViewChannel, 0n),
      over("12", 0, P.SendMessages, P.EmbedLinks),
      over("5", 1, 0n, P.ViewChannel),
    ];
    // A role's allow wins over @everyone's deny; two roles' overwrites are merged (allow wins).
    expect(permissionsIn({ ...base, overwrites }, "6", ["10", "12"])).toBe(
      P.ViewChannel | P.SendMessages | P.ReadMessageHistory,
    );
    // The member's own overwrite comes last.
    expect(permissionsIn({ ...base, overwrites }, "5", ["10", "12"])).toBe(P.SendMessages | P.ReadMessageHistory);
    // No role overwrite applies: @everyone's deny stands.
    expect(permissionsIn({ ...base, overwrites }, "7", [])).toBe(P.EmbedLinks);
  });
});

/** Expects `promise` to reject with a DiscordAPIError of that status and code. */
async function refused(promise: Promise<unknown>, status: number, code: number): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DiscordAPIError);
  expect([(err as DiscordAPIError).status, (err as DiscordAPIError).code]).toEqual([status, code]);
}

describe("the permission model against a discord.js Client", () => {
  let emu: DiscordEmulator;
  let client: Client;
  let rest: REST;
  let botRole: string;
  let channelId: string;

  const channel = () => client.channels.cache.get(channelId) as TextChannel;
  const clientPerms = () => channel().permissionsFor(client.user!)!.bitfield;
  /** Change the overwrites and wait until the client has the CHANNEL_UPDATE. */
  const setOverwrites = async (overwrites: OverwriteInput[]) => {
    const updated = new Promise((resolve) => client.once(Events.ChannelUpdate, resolve));
    emu.setChannelOverwrites(channelId, overwrites);
    await updated;
  };
  /** Change a role's permissions and wait until the client has the GUILD_ROLE_UPDATE. */
  const setRole = async (roleId: string, permissions: bigint) => {
    const updated = new Promise((resolve) => client.once(Events.GuildRoleUpdate, resolve));
    emu.setRolePermissions(roleId, permissions);
    await updated;
  };
  const postBody = {
    content: "Morning briefing",
    embeds: [{ title: "Flood update" }],
    allowed_mentions: { parse: [] },
  };
  const post = (body: Record<string, unknown> = postBody) =>
    rest.post(Routes.channelMessages(channelId), { body }) as Promise<APIMessage>;

  beforeAll(async () => {
    emu = await startEmulator();
    [, channelId] = emu.channelIds as [string, string];
    botRole = emu.state.firstGuild().botRoleId;
    rest = new REST({ api: emu.apiUrl, globalRequestsPerSecond: 10_000, retries: 0 }).setToken(emu.token);
    client = await readyClient(emu);
  });
  afterEach(async () => {
    if (channel().permissionOverwrites.cache.size) await setOverwrites([]);
  });
  afterAll(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  it("GUILD_CREATE gives the client the roles and overwrites it needs: permissionsFor agrees with the model", () => {
    expect(clientPerms()).toBe(BigInt(BOT_PERMISSIONS));
    expect(emu.botPermissions(channelId)).toBe(BigInt(BOT_PERMISSIONS));
  });

  it("an overwrite set while connected reaches the client (CHANNEL_UPDATE) and the interaction's app_permissions", async () => {
    await setOverwrites([
      { id: emu.guildId, type: "role", deny: P.ViewChannel | P.EmbedLinks },
      { id: botRole, type: "role", allow: P.ViewChannel },
      { id: emu.botUserId, type: "member", deny: P.ReadMessageHistory },
    ]);
    const model = emu.botPermissions(channelId);
    expect(model & (P.ViewChannel | P.EmbedLinks | P.ReadMessageHistory)).toBe(P.ViewChannel);
    expect(clientPerms()).toBe(model);
    const seen = new Promise<Interaction>((resolve) => client.once(Events.InteractionCreate, resolve));
    emu.slashCommand({ name: "anything", channelId });
    expect((await seen).appPermissions?.bitfield).toBe(model);
  });

  it("a DM interaction's app_permissions are what a DM grants: no guild permissions", async () => {
    const seen = new Promise<Interaction>((resolve) => client.once(Events.InteractionCreate, resolve));
    const h = emu.slashCommand({ name: "anything", channelId: emu.dmChannel() });
    expect(h.payload.app_permissions).toBe(DM_BITS.toString());
    const perms = (await seen).appPermissions!;
    expect(perms.has(P.SendMessages | P.EmbedLinks | P.ReadMessageHistory)).toBe(true);
    expect(perms.any(P.ManageMessages | P.CreatePublicThreads | P.ChangeNickname | P.Connect)).toBe(false);
  });

  it("a guild added later has its roles and overwrites: permissionsFor and app_permissions agree with the model", async () => {
    const created = new Promise((resolve) => client.once(Events.GuildCreate, resolve));
    const added = emu.addGuild({ name: "Added later", channels: ["desk"] });
    await created;
    const desk = added.channels.desk!;
    const deskPerms = () => (client.channels.cache.get(desk) as TextChannel).permissionsFor(client.user!)!.bitfield;
    expect(emu.botPermissions(desk)).toBe(BigInt(BOT_PERMISSIONS));
    expect(deskPerms()).toBe(BigInt(BOT_PERMISSIONS));
    const addedBotRole = emu.state.guilds.get(added.id)!.botRoleId;
    const roleUpdated = new Promise((resolve) => client.once(Events.GuildRoleUpdate, resolve));
    emu.setRolePermissions(addedBotRole, BigInt(BOT_PERMISSIONS) & ~P.SendMessages, added.id);
    await roleUpdated;
    const channelUpdated = new Promise((resolve) => client.once(Events.ChannelUpdate, resolve));
    emu.setChannelOverwrites(desk, [{ id: added.id, type: "role", deny: P.SendMessages }]);
    await channelUpdated;
    expect(emu.botPermissions(desk) & P.SendMessages).toBe(0n);
    expect(deskPerms()).toBe(emu.botPermissions(desk));
    const h = emu.slashCommand({ name: "anything", channelId: desk });
    expect(h.payload.app_permissions).toBe(emu.botPermissions(desk).toString());
    await refused(rest.post(Routes.channelMessages(desk), { body: postBody }), 403, 50013);
  });

  it("role permissions changed while connected reach the client (GUILD_ROLE_UPDATE)", async () => {
    const saved = new Map(emu.state.firstGuild().rolePermissions);
    try {
      await setRole(emu.guildId, saved.get(emu.guildId)! & ~P.SendMessages);
      expect(clientPerms() & P.SendMessages).toBe(P.SendMessages); // the bot's own role still gives it
      await setRole(botRole, saved.get(botRole)! & ~P.SendMessages);
      expect(emu.botPermissions(channelId) & P.SendMessages).toBe(0n);
      expect(clientPerms()).toBe(emu.botPermissions(channelId));
    } finally {
      for (const [id, perms] of saved) await setRole(id, perms);
    }
  });

  it("without View Channel: 403 50001 on posting and reading, and no MESSAGE_CREATE from the channel", async () => {
    await setOverwrites([{ id: botRole, type: "role", deny: P.ViewChannel }]);
    await refused(post(), 403, 50001);
    await refused(rest.get(Routes.channelMessages(channelId)), 403, 50001);
    let heard = false;
    const listener = () => (heard = true);
    client.on(Events.MessageCreate, listener);
    emu.mentionBot("who met the minister?", { channelId });
    await setOverwrites([]); // one gateway round trip later
    client.off(Events.MessageCreate, listener);
    expect(heard).toBe(false);
  });

  it("without Send Messages: 403 50013; a reply without Read Message History: 403 50013", async () => {
    await setOverwrites([{ id: emu.botUserId, type: "member", deny: P.SendMessages }]);
    await refused(post(), 403, 50013);
    await setOverwrites([]);
    const target = await post({ content: "a message to reply to" });
    await setOverwrites([{ id: emu.botUserId, type: "member", deny: P.ReadMessageHistory }]);
    await refused(post({ content: "a reply", message_reference: { message_id: target.id } }), 403, 50013);
  });

  it("without Embed Links the embeds are dropped; a message that was only embeds is 400 50006", async () => {
    await setOverwrites([{ id: botRole, type: "role", deny: P.EmbedLinks }]);
    const kept = await post();
    expect([kept.content, kept.embeds]).toEqual(["Morning briefing", []]);
    await refused(post({ embeds: [{ title: "Flood update" }], allowed_mentions: { parse: [] } }), 400, 50006);
  });

  it("without Read Message History the history is 200 and empty, as on Discord", async () => {
    await post({ content: "something to read back" });
    expect(((await rest.get(Routes.channelMessages(channelId))) as APIMessage[]).length).toBeGreaterThan(0);
    await setOverwrites([{ id: emu.guildId, type: "role", deny: P.ReadMessageHistory }]);
    expect(await rest.get(Routes.channelMessages(channelId))).toEqual([]);
  });

  it("an Administrator role overrides every overwrite", async () => {
    const before = emu.state.firstGuild().rolePermissions.get(botRole)!;
    await setRole(botRole, before | P.Administrator);
    try {
      await setOverwrites([{ id: emu.botUserId, type: "member", deny: ALL_PERMISSIONS }]);
      expect(emu.botPermissions(channelId)).toBe(ALL_PERMISSIONS);
      expect(clientPerms()).toBe(ALL_PERMISSIONS);
      await post();
    } finally {
      await setRole(botRole, before);
    }
  });
});
