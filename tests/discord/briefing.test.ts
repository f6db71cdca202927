import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApplicationCommandOptionType as OT, type APIEmbed, type APIMessage } from "discord-api-types/v10";
import { EVERYONE_PERMISSIONS, type DiscordEmulator } from "../support/emulator/index.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";
import { startArticleServer, type ArticleServer } from "../support/article-server.ts";
import { BORDER_STORY } from "../support/article-pages.ts";
import { briefingFile } from "../support/folders.ts";

/**
 * /briefing add and /briefing remove end to end: the real bot against the Discord emulator, links fetched from a local
 * article server, an attachment downloaded from the emulator, a pasted article through the modal; editors only.
 */
let h: BotHarness;
let emu: DiscordEmulator;
let server: ArticleServer;
let editorRole: string;

const EPHEMERAL = 1 << 6;
const MANAGE_SERVER = (BigInt(EVERYONE_PERMISSIONS) | (1n << 5n)).toString();
const admin = { memberPermissions: MANAGE_SERVER };
/**
 * A message read as one embed: the answer's title (the bold first line of its content, or the first embed's title),
 * then the content, every embed's author, description, fields and footer, in order.
 */
const embedOf = (m: APIMessage | undefined): APIEmbed => {
  expect(m).toBeDefined();
  const embeds = m!.embeds ?? [];
  const parts = embeds.flatMap((e) => [
    e.title ? `**${e.title}**${e.url ? ` (${e.url})` : ""}` : "",
    e.author?.name ?? "",
    e.description ?? "",
    ...(e.fields ?? []).map((f) => `${f.name}\n${f.value}`),
    e.footer?.text ?? "",
  ]);
  const title = /^\*\*(.+?)\*\*/.exec(m!.content ?? "")?.[1] ?? embeds[0]?.title;
  return { title, description: [m!.content ?? "", ...parts].filter(Boolean).join("\n") };
};
const files = () => readdirSync(h.dataDir).sort();

beforeAll(async () => {
  server = await startArticleServer();
  h = await startHarness({}, (e) => ({
    FETCH_ALLOW_PRIVATE: true,
    FETCH_TIMEOUT_SECONDS: 2,
    BRIEFING_EDITOR_ROLES: [e.state.firstGuild().editorRoleId],
  }));
  emu = h.emu;
  editorRole = emu.state.firstGuild().editorRoleId;
});

afterAll(async () => {
  await h?.stop();
  await server?.stop();
});

describe("/briefing in Discord (emulated)", () => {
  it("is registered for Manage Server by default, with add (url, file, fields) and remove (source)", () => {
    const def = emu.commands(emu.guildId).find((c) => c.name === "briefing")!;
    expect(def.default_member_permissions).toBe("32");
    const sub = (n: string) =>
      def.options!.find((o) => o.name === n) as { options: Array<{ name: string; type: number }> };
    expect(sub("add").options.map((o) => o.name)).toEqual(["url", "file", "title", "outlet", "published"]);
    expect(sub("add").options[1].type).toBe(OT.Attachment);
    expect(sub("remove").options.map((o) => o.name)).toEqual(["source"]);
  });

  it("/help tells editors where adding and removing are", async () => {
    const res = await emu.slashCommand({ name: "help" }).response();
    expect(embedOf(res.message).description).toContain("Editors add and remove briefings with /briefing add");
  });

  it("refuses a member without Manage Server or an editors' role, privately, and stores nothing", async () => {
    const before = files();
    const res = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { url: server.url("/news/border") } })
      .response();
    expect(res.message!.content).toBe(
      `Adding and removing briefings needs the Manage Server permission or one of these roles: <@&${editorRole}>.`,
    );
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(files()).toEqual(before);
  });

  it("adds a link: answers with headline, outlet, date, ¶1 and the events found; /search finds it at once, cited", async () => {
    const res = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { url: server.url("/news/border") }, ...admin })
      .response();
    expect(res.kind).toBe("edit");
    const embed = embedOf(res.message);
    expect(embed.title).toBe(`Added: ${BORDER_STORY.headline}`);
    expect(embed.description).toMatch(
      /The Valdor Times · 2025-06-03 · 4 paragraphs · id 2025-06-03\\_valdoria-and-kestria/,
    );
    expect(embed.description).toContain("> VALDOR CITY: The foreign ministers of Valdoria and Kestria met");
    expect(embed.description).toMatch(/Found \d+ meetings? and \d+ pledges?/);
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const started = Date.now();
    const found = await emu.slashCommand({ name: "search", options: { query: "Nordgate customs post" } }).response();
    expect(Date.now() - started).toBeLessThan(2000);
    const cited = embedOf(found.message).description;
    expect(cited).toContain(
      `**${BORDER_STORY.headline}** (${server.url("/news/border")})\nThe Valdor Times · 3\u00a0Jun\u00a02025`,
    );
    expect(cited).toMatch(/\*\*\[1\]\*\* ¶2\n> /);
  });

  it("the same link again, through redirects, is a duplicate; a PDF link is refused; the folder is unchanged", async () => {
    const before = files();
    const dup = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { url: server.url("/r/1") }, ...admin })
      .response();
    expect(dup.message!.content).toMatch(
      /^That article is already in the briefings as 2025-06-03\\?_valdoria.*the same link/,
    );
    const pdf = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { url: server.url("/report.pdf") }, ...admin })
      .response();
    expect(pdf.message!.content).toMatch(/^That link is a PDF/);
    expect(files()).toEqual(before);
  });

  it("adds an attached .md file for a member with the editors' role, downloading it from Discord's CDN", async () => {
    const file = emu.uploadAttachment({
      filename: "harbour.md",
      content: briefingFile(
        { title: "Selm ferry fares frozen for winter", outlet: "Selm Post", published: "2025-10-02" },
        "SELM: The ferry company serving the islands said on Thursday it would freeze its fares until March, after talks with the regional government.\n\nThe regional transport minister said the government would cover the company's higher fuel costs.",
      ),
    });
    const res = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { file: file.id }, memberRoles: [editorRole] })
      .response();
    expect(embedOf(res.message).title).toBe("Added: Selm ferry fares frozen for winter");
    expect(files()).toContain("2025-10-02_selm-ferry-fares-frozen-for-winter.md");
  });

  it("with neither link nor file, shows a modal; the pasted article is added with the fields typed", async () => {
    const shown = await emu
      .slashCommand({ name: "briefing", subcommand: "add", options: { outlet: "Gulf Daily" }, ...admin })
      .response();
    expect(shown.kind).toBe("modal");
    expect(shown.modal).toMatchObject({ custom_id: "briefing-paste", title: "Paste an article" });
    const res = await emu
      .submitModal({
        customId: "briefing-paste",
        fields: {
          title: "Halvik lighthouse to be restored",
          outlet: "Gulf Daily",
          published: "2025-07-14",
          url: "https://gulfdaily.example/halvik-lighthouse",
          body: "HALVIK: The town council of Halvik agreed on Monday to restore the old lighthouse on the north pier, which has been closed to visitors since a storm damaged its lantern.\n\nThe work is expected to take a year.",
        },
        ...admin,
      })
      .response();
    const embed = embedOf(res.message);
    expect(embed.title).toBe("Added: Halvik lighthouse to be restored");
    expect(embed.description).toMatch(
      /Gulf Daily · 2025-07-14 · 2 paragraphs · id 2025-07-14\\_halvik-lighthouse-to-be-restored/,
    );
    const found = await emu.slashCommand({ name: "search", options: { query: "lighthouse lantern" } }).response();
    expect(embedOf(found.message).description).toContain("(https://gulfdaily.example/halvik-lighthouse)");
  });

  it("a modal submitted by someone who is not (or no longer) an editor adds nothing", async () => {
    const before = files();
    const res = await emu
      .submitModal({
        customId: "briefing-paste",
        fields: { body: "HALVIK: Some pasted article text that would be added here." },
      })
      .response();
    expect(res.message!.content).toMatch(/needs the Manage Server permission/);
    expect(files()).toEqual(before);
  });

  it("remove (autocompleted) moves the file into removed/ beside the folder; search no longer finds it", async () => {
    const choices = await emu
      .autocomplete({
        name: "briefing",
        subcommand: "remove",
        options: { source: "halvik" },
        focused: "source",
        ...admin,
      })
      .response();
    expect(choices.choices?.map((c) => c.value)).toContain("2025-07-14_halvik-lighthouse-to-be-restored");
    const res = await emu
      .slashCommand({
        name: "briefing",
        subcommand: "remove",
        options: { source: "2025-07-14_halvik-lighthouse-to-be-restored" },
        ...admin,
      })
      .response();
    expect(embedOf(res.message).title).toBe("Removed: Halvik lighthouse to be restored");
    expect(
      existsSync(path.join(path.dirname(h.dataDir), "removed", "2025-07-14_halvik-lighthouse-to-be-restored.md")),
    ).toBe(true);
    expect(files()).not.toContain("2025-07-14_halvik-lighthouse-to-be-restored.md");
    const search = await emu.slashCommand({ name: "search", options: { query: "lighthouse lantern" } }).response();
    expect(embedOf(search.message).description).not.toContain("halvik-lighthouse");
  });
});
