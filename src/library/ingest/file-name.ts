import { createHash } from "node:crypto";
import type { ArticleFields } from "./article.ts";

/** Longest headline part of a file name, in characters. */
const MAX_SLUG = 60;

/** "Ministers agree on a new border crossing" → "ministers-agree-on-a-new-border-crossing": ASCII, safe anywhere. */
export function slugOf(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= MAX_SLUG) return ascii;
  const cut = ascii.slice(0, MAX_SLUG + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 20)).replace(/-+$/, "");
}

/**
 * A briefing's file name without extension, from its date and headline: `2024-03-05_ministers-agree-on-…`. A
 * headline with no Latin letters (or none at all) gives a short hash of the text instead.
 */
export function baseName(fields: ArticleFields, body: string): string {
  const slug = slugOf(fields.title ?? "") || createHash("sha256").update(body).digest("hex").slice(0, 12);
  return `${fields.published ?? "undated"}_${slug}`;
}

/** The first of `base`, `base-2`, `base-3`… that no briefing (by id, any extension) already has. */
export function uniqueName(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
