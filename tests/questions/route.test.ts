import { describe, expect, it } from "vitest";
import { routeQuestion } from "../../src/questions/route.ts";

describe("routing a question in plain words", () => {
  it.each([
    ["who met Tina Redshaw?", { route: "meetings", options: { who: "Tina Redshaw" } }],
    ["what did Vietnam pledge?", { route: "pledges", options: { who: "Vietnam", kind: "pledge" } }],
    [
      "who did Hun Manet meet in January 2024?",
      { route: "meetings", options: { who: "Hun Manet", from: "2024-01-01", to: "2024-01-31" } },
    ],
    [
      "Did Okonkwo Bello meet Ana Silva on 3 March 2025?",
      { route: "meetings", options: { who: "Okonkwo Bello", with: "Ana Silva", from: "2025-03-03", to: "2025-03-03" } },
    ],
    [
      "what has the Ministry of Justice promised since 2023?",
      { route: "pledges", options: { who: "Ministry of Justice", kind: "pledge", from: "2023-01-01" } },
    ],
    ["what did Thailand ask Laos for?", { route: "pledges", options: { who: "Thailand", kind: "request" } }],
    [
      "which agreements did Cambodia sign before June 2024?",
      { route: "pledges", options: { who: "Cambodia", kind: "agreement", to: "2024-06-30" } },
    ],
    ["money laundering grey list", { route: "search", options: { query: "money laundering grey list" } }],
    ["meeting the targets for 2024", { route: "search", options: { query: "meeting the targets for 2024" } }],
  ])("%s", (question, expected) => {
    expect(routeQuestion(question)).toEqual(expected);
  });
});
