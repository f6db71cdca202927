import { briefingFile } from "./folders.ts";

/**
 * A briefing built to break naive bots: paragraphs thousands of characters long, and text
 * that would ping @everyone, a role and a user if a bot let Discord parse mentions.
 */
export function longBriefing(paragraphs = 30): string {
  const body = Array.from({ length: paragraphs }, (_, i) =>
    Array.from(
      { length: 25 },
      (_, j) =>
        `Zebra crossing report ${i}-${j} says @everyone should read this, <@&123456789012345678> too, and <@223456789012345678>.`,
    ).join(" "),
  ).join("\n\n");
  return briefingFile(
    {
      title: "Zebra crossings: a very long report @everyone",
      outlet: "Test Gazette",
      published: "2025-06-01",
      url: "https://example.org/zebra",
    },
    body,
  );
}
