import { describe, expect, it } from "vitest";
import { queryFromChat } from "../../src/questions/words.ts";
import { readDates } from "../../src/questions/dates.ts";

describe("a chat message as a query", () => {
  it.each([
    ["Anything new on the FATF grey list? Need it for the 5pm piece", "FATF grey list"],
    ["hey can you find anything on New Zealand police? thanks!", "New Zealand police"],
    ["any updates on the harbour bridge tender, pls — filing by 6pm", "harbour bridge tender"],
    ["what was said about the lithium research centre", "lithium research centre"],
  ])("%s → %s", (message, query) => {
    expect(queryFromChat(message)).toBe(query);
  });

  it("keeps words that are names or the subject, even where they look like chat", () => {
    expect(queryFromChat("New Delhi talks on the UN report")).toBe("New Delhi talks UN report");
    expect(queryFromChat("money laundering grey list")).toBe("money laundering grey list");
  });

  it("leaves a message that is nothing but chat as it is rather than empty", () => {
    expect(queryFromChat("thanks!")).toBe("thanks!");
  });
});

describe("dates in a question", () => {
  it.each([
    ["in November 2022", { from: "2022-11-01", to: "2022-11-30" }],
    ["on 3 March 2025", { from: "2025-03-03", to: "2025-03-03" }],
    ["on March 3, 2025", { from: "2025-03-03", to: "2025-03-03" }],
    ["since 2023", { from: "2023-01-01" }],
    ["after 2022", { from: "2023-01-01" }],
    ["before June 2024", { to: "2024-05-31" }],
    ["from 2021 to 2022", { from: "2021-01-01", to: "2022-12-31" }],
    ["in October", { month: 10 }],
  ])("%s", (text, expected) => {
    const { rest: _rest, ...dates } = readDates(`who did they meet ${text}?`);
    expect(dates).toEqual(expected);
  });

  it("does not read ordinary words or ranges as dates", () => {
    for (const text of ["what may happen next", "the 2023-2028 plan", "march on the capital", "targets for 2024"]) {
      const { rest: _rest, ...dates } = readDates(text);
      expect(dates).toEqual({});
    }
  });
});
