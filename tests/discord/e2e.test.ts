import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Routes, type APIEmbed, type APIMessage } from "discord-api-types/v10";
import { ButtonStates } from "../../src/discord/button-state.ts";
import type { RunningBot } from "../../src/discord/start.ts";
import type { DiscordEmulator } from "../support/emulator/index.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";
import { longBriefing } from "../support/long-briefing.ts";
import path from "node:path";
import { execute } from "../../commands/index.ts";
import { ROLE_ONLY_HINT } from "../../src/discord/conversation.ts";
import {
  buttonsOf,
  footerRange,
  messageText,
  numbersShown,
  quotes,
  readingProblems,
  TERMINAL_SYNTAX,
  unescape,
  unwindowed,
} from "../support/discord-text.ts";

/**
 * The real bot, on a real discord.js client, against the Discord emulator: every command,
 * autocomplete, paging and share buttons, a mention, the context menu, deploy-commands,
 * user errors and an unexpected error. Assertions are on what the bot sent to Discord.
 */
let h: BotHarness;
let emu: DiscordEmulator;
let bot: RunningBot;
const logs = () => h.logs();

const EPHEMERAL = 1 << 6;
const embedOf = (m: APIMessage | undefined): APIEmbed => {
  expect(m?.embeds?.length).toBe(1);
  return m!.embeds[0];
};
/** A message's embeds as one text: descriptions, titles, authors and footers. */
const textOf = (m: APIMessage | undefined) => messageText(m ?? {});
const buttons = (m: APIMessage | undefined) => buttonsOf(m ?? {});

beforeAll(async () => {
  // An empty file is skipped at start (one warning, counted in "briefings loaded").
  h = await startHarness({ "900_zebra.txt": longBriefing(), "901_empty.txt": "" });
  ({ emu, bot } = h);
});

afterAll(async () => {
  await h?.stop();
});

describe("the bot in Discord (emulated)", () => {
  it("connects with only the Guilds and GuildMessages intents", () => {
    expect(emu.intents()).toBe((1 << 0) | (1 << 9));
  });

  it("deploy-commands registers every command to the guild and prints what it registered", () => {
    const names = emu
      .commands(emu.guildId)
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(
      expect.arrayContaining(["about", "ask", "help", "search", "source", "sources", "Find in briefings"]),
    );
    expect(h.registered[0]).toMatch(new RegExp(`^Registered ${names.length} commands to server ${emu.guildId}`));
    expect(h.registered.some((l) => l.startsWith("  /search — "))).toBe(true);
    const put = emu.callsTo("PUT", "/applications/:app/guilds/:guild/commands");
    expect(put).toHaveLength(1);
    expect(put[0].status).toBe(200);
  });

  it("/search answers with block-quoted passages, bold matches, numbered linked citations and a page footer", async () => {
    const res = await emu.slashCommand({ name: "search", options: { query: "UK cybercrime support" } }).response();
    expect(res.kind).toBe("reply");
    const [first] = res.message!.embeds;
    expect(res.message!.content).toBe("**Search: UK cybercrime support**");
    expect(first.title).toBe("Sar Kheng requests additional support from UK in fight against cybercrime");
    expect(first.url).toBe(
      "https://phnompenhpost.com/national/sar-kheng-requests-additional-support-uk-fight-against-cybercrime",
    );
    expect(first.author?.name).toBe("The Phnom Penh Post · 19\u00a0Aug\u00a02022");
    expect(first.description).toMatch(/^\*\*\[1\]\*\* ¶\d+\n> .*\*\*cybercrime\*\*/);
    expect(res.message!.embeds.at(-1)!.footer?.text).toMatch(/^Showing 1–5 of \d+ · \+\d+ more$/);
    // Every passage of a briefing under its one headline: no headline twice.
    const titles = res.message!.embeds.map((e) => e.title).filter(Boolean);
    expect(new Set(titles).size).toBe(titles.length);
    expect(buttons(res.message).map((b) => b.label)).toEqual(["Previous", "Next"]);
    expect((res.call.body as { data: { allowed_mentions: unknown } }).data.allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it("pages with Next and Previous, and the buttons still work after a restart", async () => {
    const first = await emu.slashCommand({ name: "search", options: { query: "crime" } }).response();
    const next = buttons(first.message).find((b) => b.label === "Next")!;
    const second = await emu.clickButton({ customId: next.custom_id, messageId: first.message!.id }).response();
    expect(second.kind).toBe("update");
    expect(second.message!.embeds.at(-1)!.footer?.text).toMatch(/^Showing 6–10 of \d+/);
    expect(numbersShown(second.message!).sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10]);
    // A restart forgets everything in memory: a fresh button store must still decode the id.
    bot.context.buttons = new ButtonStates(path.join(h.cacheDir, "buttons.json"));
    const prev = buttons(second.message).find((b) => b.label === "Previous")!;
    const back = await emu.clickButton({ customId: prev.custom_id, messageId: second.message!.id }).response();
    expect(back.message!.embeds.at(-1)!.footer?.text).toMatch(/^Showing 1–5 of \d+/);
  });

  it("paging is the asker's: Next pressed by someone else gives them a private copy, the public answer stays", async () => {
    const asked = await emu.slashCommand({ name: "search", options: { query: "crime" } }).response();
    const before = structuredClone(asked.message!);
    const next = buttons(asked.message).find((b) => b.label === "Next")!;
    const colleague = emu.addUser("colleague");
    const theirs = await emu
      .clickButton({ customId: next.custom_id, messageId: asked.message!.id, user: colleague })
      .response();
    expect(theirs.kind).toBe("reply");
    expect(theirs.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(footerRange(theirs.message!)?.first).toBe(6);
    const publicNow = emu.message(asked.message!.id);
    expect(publicNow?.embeds).toEqual(before.embeds);
    // The asker's own press still turns the public page.
    const own = await emu.clickButton({ customId: next.custom_id, messageId: asked.message!.id }).response();
    expect(own.kind).toBe("update");
    expect(footerRange(own.message!)?.first).toBe(6);
  });

  it("answers a stale or foreign button politely, privately", async () => {
    // A message left by an earlier run whose button state is gone.
    const old = (await bot.client.rest.post(Routes.channelMessages(emu.channelIds[0]), {
      body: {
        content: "an old answer",
        allowed_mentions: { parse: [] },
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 2, label: "Next", custom_id: "b1|page|search|2|@forgottenkey1234" }],
          },
        ],
      },
    })) as APIMessage;
    const res = await emu.clickButton({ customId: "b1|page|search|2|@forgottenkey1234", messageId: old.id }).response();
    expect(res.kind).toBe("reply");
    expect(res.message?.content).toMatch(/no longer works/);
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("hide makes the answer ephemeral with a Share button that posts it to the channel", async () => {
    const hidden = await emu.slashCommand({ name: "search", options: { query: "grey list", hide: true } }).response();
    expect(hidden.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const share = buttons(hidden.message).find((b) => b.label === "Share to channel")!;
    const shared = await emu.clickButton({ customId: share.custom_id, messageId: hidden.message!.id }).response();
    expect(shared.kind).toBe("reply");
    expect((shared.message!.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shared.message!.content).toMatch(new RegExp(`^Shared by <@${emu.userId}>\n\\*\\*Search: grey list\\*\\*`));
    expect(textOf(shared.message)).toContain("**grey** **list**");
    expect(buttons(shared.message).some((b) => b.label === "Share to channel")).toBe(false);
  });

  it("autocompletes sources by id prefix or headline words, at most 25", async () => {
    const byId = await emu
      .autocomplete({ name: "search", options: { query: "x", source: "002" }, focused: "source" })
      .response();
    expect(byId.choices).toEqual([
      {
        name: "2024-01-03 · Commissioner Creates Working Group to Increase Police Tech Capabilities",
        value: "002_12f7e6579d666584",
      },
    ]);
    const byWord = await emu.autocomplete({ name: "source", options: { id: "vietnam" }, focused: "id" }).response();
    expect(byWord.choices?.map((c) => c.value)).toEqual(["004_47f2573022b012a6"]);
    const all = await emu.autocomplete({ name: "source", options: { id: "" }, focused: "id" }).response();
    expect(all.choices!.length).toBe(6);
  });

  it("/source, /sources, /about and /help answer", async () => {
    const src = await emu
      .slashCommand({ name: "source", options: { id: "002_12f7e6579d666584", paragraph: 3, context: 0 } })
      .response();
    // The headline is the embed's title: the content line does not say it again.
    expect(src.message!.content).toMatch(/^¶3 of \d+, with 0 neighbours either side$/);
    expect(embedOf(src.message).description).toMatch(
      /^\*\*\[1\]\*\* ¶3 · the paragraph asked for\n> General Sar Thet made the remarks/,
    );
    const list = await emu.slashCommand({ name: "sources" }).response();
    expect(embedOf(list.message).description).toMatch(
      /^• \[Zebra crossings: a very long report @everyone\]\(https:\/\/example\.org\/zebra\) — Test Gazette · 1\u00a0Jun\u00a02025 · 30 paragraphs · `900_zebra`$/m,
    );
    const about = await emu.slashCommand({ name: "about" }).response();
    expect(embedOf(about.message).description).toContain("6 briefings");
    expect(embedOf(about.message).description).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const help = await emu.slashCommand({ name: "help" }).response();
    const helpText = embedOf(help.message).description!;
    expect(helpText).toMatch(
      /^• \*\*\/search\*\* `query` — Find passages in the briefings, quoted with citations · options: source, from, to, limit, hide$/m,
    );
    expect(helpText).toMatch(/^• \*\*\/digest\*\* preview · now · status — /m);
    expect(helpText).not.toMatch(TERMINAL_SYNTAX);
  });

  it("/about says when the index was built as a Discord time each reader sees in their own zone", async () => {
    const about = await emu.slashCommand({ name: "about" }).response();
    const text = embedOf(about.message).description!;
    const at = Math.floor(Date.parse(bot.context.library().build.builtAt) / 1000);
    expect(text).toMatch(new RegExp(`^• Index built <t:${at}:f> \\(<t:${at}:R>\\)`, "m"));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC/);
  });

  it("an empty search says what was searched and offers the search without the filters as a button", async () => {
    const none = await emu
      .slashCommand({ name: "search", options: { query: "cybercrime", from: "2031-01-01" } })
      .response();
    expect(textOf(none.message)).toMatch(/^No passages match "cybercrime" with those filters\.$/m);
    const step = buttons(none.message).find((b) => b.label === "Search without the filters")!;
    expect(step).toBeDefined();
    expect(buttons(none.message).some((b) => b.label === "Next")).toBe(false);
    const found = await emu.clickButton({ customId: step.custom_id, messageId: none.message!.id }).response();
    expect(found.kind).toBe("update");
    expect(found.message!.content).toBe("**Search: cybercrime**");
    expect(footerRange(found.message!)).toMatchObject({ first: 1, last: 5 });
    expect(textOf(found.message)).toContain("**cybercrime**");
  });

  it("an empty event answer offers a search of the passages for the name, as a button", async () => {
    const none = await emu.slashCommand({ name: "meetings", options: { who: "Redshaw", from: "2031" } }).response();
    expect(textOf(none.message)).toMatch(/^No meetings with Redshaw\./m);
    const step = buttons(none.message).find((b) => b.label === "Search passages for “Redshaw”")!;
    const found = await emu.clickButton({ customId: step.custom_id, messageId: none.message!.id }).response();
    expect(found.message!.content).toBe("**Search: Redshaw**");
    expect(textOf(found.message)).toContain("**Redshaw**");
  });

  it("a mention that finds nothing says what to type next, in slash syntax", async () => {
    const reply = await emu.mentionBot("zzyzx qwertyuiop").reply();
    expect(messageText(reply)).toMatch(/No passages match .*Next: `\/(search query:|sources)/s);
    expect(messageText(reply)).not.toMatch(TERMINAL_SYNTAX);
  });

  it("a user's mistake gets a short private explanation", async () => {
    const unknown = await emu.slashCommand({ name: "source", options: { id: "nope" } }).response();
    expect(unknown.message?.content).toMatch(/There is no briefing "nope"/);
    expect(unknown.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const badDate = await emu
      .slashCommand({ name: "search", options: { query: "crime", from: "2024-13-45" } })
      .response();
    expect(badDate.message?.content).toMatch(/"2024-13-45" is not a date for from/);
    const stopWords = await emu.slashCommand({ name: "search", options: { query: "the of and" } }).response();
    expect(stopWords.message?.content).toMatch(/no words to search for/);
  });

  it("an unexpected error is logged with context and answered with a private apology; the bot keeps going", async () => {
    const real = bot.context.library;
    bot.context.library = () => {
      throw new Error("disk on fire");
    };
    try {
      const res = await emu.slashCommand({ name: "about" }).response();
      expect(res.message?.content).toMatch(/^Sorry — something went wrong/);
      expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    } finally {
      bot.context.library = real;
    }
    expect(logs()).toContain("disk on fire");
    expect(logs()).toMatch(/"msg":"interaction failed"/);
    const after = await emu.slashCommand({ name: "about" }).response();
    expect(after.message!.content).toBe("**About the briefings**");
  });

  it("answers a mention with a reply, routing the question", async () => {
    const reply = await emu.mentionBot("who met Tina Redshaw?").reply();
    expect(reply.message_reference?.message_id).toBeDefined();
    expect(reply.content).toMatch(/^\*\*Meetings with Tina Redshaw\*\*\n1 meeting found for Tina Redshaw/);
    expect(reply.embeds[0].description).toMatch(/^\*\*18\u00a0Aug\u00a02022 · Sar Kheng met Tina Redshaw\*\*/);
  });

  it("answers a mention of only its role, whose text Discord withholds, with how to mention the bot, and logs it", async () => {
    // Without the Message Content intent Discord passes the text of messages that mention the bot user, not its role.
    const role = emu.state.firstGuild().botRoleId;
    const sent = emu.sendUserMessage({ content: `<@&${role}> who met Tina Redshaw?` });
    const reply = await sent.reply();
    expect(reply.message_reference?.message_id).toBe(sent.message.id);
    expect(reply.content).toBe(ROLE_ONLY_HINT);
    expect(reply.embeds).toEqual([]);
    const line = logs()
      .split("\n")
      .find((l) => l.includes(sent.message.id));
    expect(line).toContain("a mention of the bot's role came without its text");
  });

  it("answers the question of a role mention whose text it can read (a reply to the bot with ping on)", async () => {
    const first = await emu.mentionBot("who met Tina Redshaw?").reply();
    const role = emu.state.firstGuild().botRoleId;
    const sent = emu.sendUserMessage({ content: `<@&${role}> who met Sar Kheng?`, replyTo: first.id, pingReply: true });
    const reply = await sent.reply();
    expect(reply.message_reference?.message_id).toBe(sent.message.id);
    expect(reply.content).toMatch(/^\*\*Meetings with Sar Kheng\*\*\n/);
  });

  it("answers a reply to the bot with ping on only when it asks something", async () => {
    const first = await emu.mentionBot("who met Tina Redshaw?").reply();
    const thanks = emu.sendUserMessage({ content: "thanks, great", replyTo: first.id, pingReply: true });
    const question = emu.sendUserMessage({ content: "and who met Sar Kheng?", replyTo: first.id, pingReply: true });
    const reply = await question.reply();
    expect(reply.message_reference?.message_id).toBe(question.message.id);
    const toThanks = emu.calls.filter(
      (c) => c.method === "POST" && c.resultMessage?.message_reference?.message_id === thanks.message.id,
    );
    expect(toThanks).toEqual([]);
  });

  it("/meetings, /pledges, /people and /person answer with events, quotes and citations", async () => {
    const met = await emu.slashCommand({ name: "meetings", options: { who: "Redshaw" } }).response();
    const meetings = embedOf(met.message).description!;
    expect(meetings).toContain("Tina Redshaw");
    expect(meetings).toContain(
      "> The request came on August 18 when Sar Kheng met with outgoing British ambassador to Cambodia Tina Redshaw.",
    );
    expect(meetings).toContain("The Phnom Penh Post · 19\u00a0Aug\u00a02022 · ¶2");
    expect(met.message!.content).toBe("**Meetings with Redshaw**\n1 meeting, newest first");
    const pledged = await emu.slashCommand({ name: "pledges", options: { who: "Vietnam", kind: "pledge" } }).response();
    expect(embedOf(pledged.message).description).toContain("committed to robust collaboration");
    const people = await emu.slashCommand({ name: "people" }).response();
    expect(embedOf(people.message).description).toContain("Sar Kheng");
    // One bullet a line, no "(link)" for link text.
    expect(embedOf(people.message).description).toMatch(/^• .+\n• /);
    expect(embedOf(people.message).description).not.toMatch(/\n\n|\(link\)/);
    const person = await emu.slashCommand({ name: "person", options: { name: "Redshaw" } }).response();
    expect(textOf(person.message)).toContain("outgoing British ambassador to Cambodia");
    expect(textOf(person.message)).toMatch(/^• \[Latest mention: /m);
    const none = await emu.slashCommand({ name: "pledges", options: { who: "Atlantis" } }).response();
    expect(none.message!.content).toBe("**Pledges by Atlantis**");
    expect(textOf(none.message)).toMatch(/^No pledges by Atlantis\./m);
    expect(buttons(none.message).map((b) => b.label)).toEqual(["Search passages for “Atlantis”"]);
  });

  it("/person shows every item it built, across messages when it must, and says how many are left", async () => {
    const outcome = execute(bot.context.library(), "person", { name: "Sar Kheng" });
    if (!outcome.ok) throw new Error(outcome.message);
    const headings = outcome.answer.items.map((i) => (i.kind === "event" ? i.heading : i.text));
    expect(headings.length).toBeGreaterThan(5);
    let page = (await emu.slashCommand({ name: "person", options: { name: "Sar Kheng" } }).response()).message!;
    const seen: string[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const text = unescape(messageText(page)).replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
      seen.push(...headings.filter((h) => text.includes(h) && !seen.includes(h)));
      const range = footerRange(page);
      if (seen.length < headings.length) expect(range?.last).toBe(seen.length);
      const next = buttons(page).find((b) => b.label === "Next" && !b.disabled);
      if (!next) break;
      page = (await emu.clickButton({ customId: next.custom_id, messageId: page.id }).response()).message!;
    }
    expect(seen).toEqual(headings);
  });

  it("autocompletes who by surname, alias or country, at most 25", async () => {
    const bySurname = await emu
      .autocomplete({ name: "meetings", options: { who: "redsh" }, focused: "who" })
      .response();
    expect(bySurname.choices?.map((c) => c.value)).toEqual(["Tina Redshaw"]);
    const byCountry = await emu.autocomplete({ name: "pledges", options: { who: "viet" }, focused: "who" }).response();
    expect(byCountry.choices?.map((c) => c.value)).toContain("Vietnam");
    const all = await emu.autocomplete({ name: "meetings", options: { who: "" }, focused: "who" }).response();
    expect(all.choices!.length).toBeGreaterThan(3);
    expect(all.choices!.length).toBeLessThanOrEqual(25);
  });

  it("'Find in briefings' searches with the target message's text, privately", async () => {
    const res = await emu
      .messageCommand({
        name: "Find in briefings",
        targetContent: "Anything new on the FATF grey list? <@223456789012345678> Need it for the 5pm piece",
      })
      .response();
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const text = JSON.stringify(res.message);
    expect(embedOf(res.message).description).toContain("**grey** **list**");
    expect(text).toContain("Searched for: FATF grey list");
    expect(text).not.toMatch(/\*\*(need|new|piece)\*\*/i);
  });

  it("stays within Discord's limits with 25 results of paragraphs thousands of characters long", async () => {
    const res = await emu
      .slashCommand({ name: "search", options: { query: "zebra crossing report", limit: 25 } })
      .response();
    expect(res.call.status).toBe(204);
    const shown = numbersShown(res.message!);
    const range = footerRange(res.message!)!;
    expect(shown).toEqual(Array.from({ length: range.last }, (_, i) => i + 1));
    // What the budget could not fit is one Next away, never dropped.
    let next = buttons(res.message).find((b) => b.label === "Next")!;
    let page = res.message!;
    const seen = [...shown];
    while (seen.length < 25) {
      page = (await emu.clickButton({ customId: next.custom_id, messageId: page.id }).response()).message!;
      seen.push(...numbersShown(page));
      next = buttons(page).find((b) => b.label === "Next")!;
    }
    expect(seen.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("every answer it sent reads as Discord: quotes verbatim, no raw ids or terminal syntax, within limits", () => {
    const library = bot.context.library();
    const paragraphs = library.briefings.flatMap((b) => b.paragraphs.map((p) => p.text));
    const ids = library.briefings.map((b) => b.id);
    const sent = emu.messageCalls().map((c) => c.message!.body as unknown as APIMessage);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.flatMap((m) => quotes(m)).length).toBeGreaterThan(30);
    for (const m of sent) {
      const text = messageText(m);
      for (const q of quotes(m)) expect(paragraphs.some((p) => p.includes(unwindowed(q)))).toBe(true);
      expect(text).not.toMatch(TERMINAL_SYNTAX);
      // A briefing id appears only where a user needs it to type a command (/sources lists them, small).
      // (Read as shown: Discord shows "004\_47f…" as "004_47f…".)
      if (!text.includes("900_zebra`")) for (const id of ids) expect(unescape(text)).not.toContain(id);
      const chars = (m.embeds ?? []).reduce((n, e) => n + messageText({ embeds: [e] }).length, 0);
      expect(chars).toBeLessThanOrEqual(6000);
    }
  });

  it("every answer it sent reads plainly: human dates, right plurals, no gaps, each briefing cited once", () => {
    const sent = emu.messageCalls().map((c) => c.message!.body as unknown as APIMessage);
    const withEmbeds = sent.filter((m) => (m.embeds ?? []).length > 0);
    expect(withEmbeds.length).toBeGreaterThan(20);
    const problems = withEmbeds
      .map((m) => ({ text: messageText(m).slice(0, 200), problems: readingProblems(m) }))
      .filter((x) => x.problems.length > 0);
    expect(problems).toEqual([]);
  });

  it("never pings: quoted @everyone and role mentions, and a query with a user mention", async () => {
    await emu.slashCommand({ name: "search", options: { query: "zebra @everyone" } }).response();
    await emu.slashCommand({ name: "search", options: { query: "<@223456789012345678> zebra" } }).response();
    await emu.mentionBot("zebra <@&123456789012345678> @everyone").reply();
    const bodies = emu.messageCalls();
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.some((c) => JSON.stringify(c.body).includes("@everyone"))).toBe(true);
    emu.assertNoPings();
  });

  it("logs how many briefings it loaded and how many it skipped, after a line for each skipped file", () => {
    const lines = logs()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const loaded = lines.findIndex((l) => l.msg === "briefings loaded");
    expect(lines[loaded]).toMatchObject({ briefings: 6, skipped: 1 });
    const skipped = lines.findIndex((l) => String(l.msg).startsWith("skipped 901_empty.txt"));
    expect(skipped).toBeGreaterThanOrEqual(0);
    expect(skipped).toBeLessThan(loaded);
  });

  it("never logs the token", () => {
    expect(logs().length).toBeGreaterThan(0);
    expect(logs()).not.toContain(emu.token);
  });
});
