import type { Briefing } from "../../briefings/briefing.ts";

/** A link as compared for duplicates: no fragment, no tracking parameters, no trailing slash, host in lower case. */
export function comparableUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    u.hash = "";
    for (const key of [...u.searchParams.keys()])
      if (/^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i.test(key)) u.searchParams.delete(key);
    return `${u.protocol === "http:" ? "https:" : u.protocol}//${u.host.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return null;
  }
}

const comparableText = (b: Pick<Briefing, "paragraphs">) =>
  b.paragraphs
    .map((p) => p.text)
    .join(" ")
    .replace(/[\s\u00a0]+/g, " ")
    .toLowerCase();

export interface Duplicate {
  briefing: Briefing;
  why: "link" | "text";
}

/** The briefing already holding this article: the same link (any of `urls`), or the same text. */
export function findDuplicate(
  briefings: readonly Briefing[],
  candidate: Pick<Briefing, "paragraphs">,
  urls: ReadonlyArray<string | null>,
): Duplicate | null {
  const wanted = new Set(urls.map(comparableUrl).filter((u): u is string => u !== null));
  if (wanted.size) {
    const same = briefings.find((b) => wanted.has(comparableUrl(b.meta.url) ?? ""));
    if (same) return { briefing: same, why: "link" };
  }
  const text = comparableText(candidate);
  const same = briefings.find((b) => b.paragraphs.length === candidate.paragraphs.length && comparableText(b) === text);
  return same ? { briefing: same, why: "text" } : null;
}
