import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIMessage } from "discord-api-types/v10";
import { startHarness } from "../../tests/support/bot-harness.ts";
import { buildDigest, unsentBriefings } from "../../src/digest/build.ts";
import { digestMessages } from "../../src/discord/digest-messages.ts";
import { sinceWords } from "../../src/digest/time.ts";
import { page } from "./discord-html.ts";

/**
 * `npm run screenshots`: the real bot against the Discord emulator, the main answers (search and its next page,
 * meetings, pledges, person, source, help, an empty search with its next step, about, digest) rendered as Discord
 * shows them — HTML in docs/screenshots/, and PNGs at phone width (390 px) and desktop width (900 px) where headless
 * Chromium is installed (Debian's `chromium`). A tool for people looking at the bot's answers, not a CI step.
 */

const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const WIDTHS = { phone: 390, desktop: 900 } as const;

function chromium(): string | null {
  for (const name of [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"]) {
    if (!name) continue;
    try {
      execFileSync("which", [name], { stdio: "ignore" });
      return name;
    } catch {
      // not this one
    }
  }
  return null;
}

async function answers() {
  const h = await startHarness();
  const { emu } = h;
  try {
    const shots: Record<string, Array<{ asked: string; message: Partial<APIMessage> }>> = {};
    const slash = async (name: string, options: Record<string, string | number | boolean>) =>
      (await emu.slashCommand({ name, options }).response()).message!;
    const say = (options: Record<string, string | number | boolean>) =>
      Object.entries(options)
        .map(([k, v]) => `${k}:${v}`)
        .join(" ");
    for (const [file, name, options] of [
      ["search", "search", { query: "cybercrime" }],
      ["meetings", "meetings", {}],
      ["pledges", "pledges", { who: "Vietnam" }],
      ["person", "person", { name: "Sar Kheng" }],
      ["source", "source", { id: "002_12f7e6579d666584", paragraph: 3 }],
      ["help", "help", {}],
      ["empty", "search", { query: "cybercrime", from: "2031-01-01" }],
      ["about", "about", {}],
    ] as const) {
      shots[file] = [{ asked: `/${name} ${say(options)}`, message: await slash(name, options) }];
    }
    const first = shots.search[0].message as APIMessage;
    const next = (first.components?.[0] as { components: Array<{ label: string; custom_id: string }> }).components.find(
      (b) => b.label === "Next",
    )!;
    const turned = await emu.clickButton({ customId: next.custom_id, messageId: first.id }).response();
    shots.paging = [{ asked: "Next, on /search query:cybercrime", message: turned.message! }];
    const library = h.bot.context.library();
    // As a morning digest says it: new since yesterday's, at 08:00 Phnom Penh time.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const last = { lastDigestAt: `${yesterday}T01:00:00.000Z`, baselineAt: `${yesterday}T01:00:00.000Z` };
    const { since, moment } = sinceWords(last, "Asia/Phnom_Penh");
    const digest = buildDigest(library, unsentBriefings(library, {}).slice(0, 3), since, moment);
    shots.digest = digestMessages(digest, "0000000000000000").map((m) => ({
      asked: "The morning digest (scheduled)",
      message: m as unknown as Partial<APIMessage>,
    }));
    return shots;
  } finally {
    await h.stop();
  }
}

const HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"];

/** The page's height at `width`, as Chromium lays it out (a script puts it in the title; --dump-dom prints it). */
function heightAt(browser: string, file: string, width: number): number {
  const probe = `${file}.probe.html`;
  const html = readFileSync(file, "utf8").replace(
    "</body>",
    // --dump-dom lays the page out at its own default width: set the width measured at on the page itself.
    `<script>document.documentElement.style.width = "${width}px";` +
      // The body's own height: the document's is at least the window's, however short the answer.
      "document.title = 'height:' + Math.ceil(document.body.getBoundingClientRect().height)</script></body>",
  );
  writeFileSync(probe, html);
  try {
    const dom = execFileSync(browser, [...HEADLESS, `--window-size=${width},600`, "--dump-dom", `file://${probe}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return Number(/height:(\d+)/.exec(dom)?.[1] ?? 2200);
  } finally {
    rmSync(probe, { force: true });
  }
}

const shots = await answers();
mkdirSync(OUT, { recursive: true });
const browser = chromium();
for (const [name, messages] of Object.entries(shots)) {
  const file = path.join(OUT, `${name}.html`);
  writeFileSync(file, page(name, messages));
  if (!browser) continue;
  for (const [size, width] of Object.entries(WIDTHS)) {
    // Cut to the answer's own height, so a phone screenshot has no empty screen below it.
    const height = Math.min(Math.max(heightAt(browser, file, width), 120), 6000);
    execFileSync(
      browser,
      [
        ...HEADLESS,
        `--window-size=${width},${height}`,
        `--screenshot=${path.join(OUT, `${name}-${size}.png`)}`,
        `file://${file}`,
      ],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
  }
}
console.log(
  browser
    ? `Wrote ${Object.keys(shots).length} answers to ${OUT} as HTML and PNG (390 px and 900 px wide).`
    : `Wrote ${Object.keys(shots).length} answers to ${OUT} as HTML. Chromium is not installed (apt-get install chromium), so no PNGs were made.`,
);
