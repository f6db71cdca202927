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
    [
      "what did Thailand ask Laos for?",
      { route: "pledges", options: { who: "Thailand", with: "Laos", kind: "request" } },
    ],
    [
      "which agreements did Cambodia sign before June 2024?",
      { route: "pledges", options: { who: "Cambodia", kind: "agreement", to: "2024-05-31" } },
    ],
    ["money laundering grey list", { route: "search", options: { query: "money laundering grey list" } }],
  ])("%s", (question, expected) => {
    expect(routeQuestion(question)).toMatchObject(expected);
  });

  it("sends 'who is X' to the person, not to a search", () => {
    expect(routeQuestion("who is Okonkwo Bello?")).toMatchObject({
      route: "person",
      options: { name: "Okonkwo Bello" },
    });
    expect(routeQuestion("Who's Redshaw")).toMatchObject({ route: "person", options: { name: "Redshaw" } });
    // A question about someone's doings is not a profile.
    expect(routeQuestion("who is meeting Ana Silva?").route).toBe("meetings");
  });

  it("reads a month without a year as a month filter, never as a person", () => {
    const r = routeQuestion("who did Ana Silva meet in March?");
    expect(r.options).toEqual({ who: "Ana Silva", month: "3" });
    expect(routeQuestion("Who did Ana Silva meet in May?").options).toEqual({ who: "Ana Silva", month: "5" });
  });

  it("reads a year as a date filter, but not a year inside a range or a number", () => {
    expect(routeQuestion("what happened in 2023?")).toMatchObject({
      route: "events",
      options: { from: "2023-01-01", to: "2023-12-31" },
    });
    const plan = routeQuestion("what is in the 2023-2028 customs plan?");
    expect(plan.route).toBe("search");
    expect(plan.options.from).toBeUndefined();
    expect(plan.options.query).toContain("2023-2028");
    // "for 2024" is what the words are about, not when.
    expect(routeQuestion("meeting the targets for 2024").options).toEqual({ query: "meeting targets 2024" });
  });

  it("takes 'in <Place>' as a place filter, not as a party", () => {
    expect(routeQuestion("who did Ana Silva meet in Lusaka?").options).toEqual({ who: "Ana Silva", place: "Lusaka" });
    expect(routeQuestion("who did Ana Silva meet in the Philippines in June 2021?").options).toEqual({
      who: "Ana Silva",
      place: "Philippines",
      from: "2021-06-01",
      to: "2021-06-30",
    });
  });

  it("reads both parties of 'did A agree anything with B'", () => {
    expect(routeQuestion("did Norway agree anything with Chile?")).toMatchObject({
      route: "pledges",
      options: { who: "Norway", with: "Chile", kind: "agreement" },
    });
  });

  it("drops titles and a country that only qualifies a name, keeps one that stands for a party", () => {
    expect(routeQuestion("Who did the Kenyan envoy Okonkwo Bello meet?").options).toEqual({ who: "Okonkwo Bello" });
    expect(routeQuestion("who met Prime Minister Ana Silva?").options).toEqual({ who: "Ana Silva" });
    expect(routeQuestion("What did Peru's trade minister urge Chile to do?").options).toMatchObject({
      who: "Peru",
      with: "Chile",
    });
    expect(routeQuestion("Who did To Lam meet?").options).toEqual({ who: "To Lam" });
  });

  it("splits two parties joined by 'and', but not a country or body whose name has one", () => {
    expect(routeQuestion("What did Ghana and Togo agree on rail links?").options).toMatchObject({
      who: "Ghana",
      with: "Togo",
      kind: "agreement",
    });
    expect(routeQuestion("What did Trinidad and Tobago pledge?").options.who).toBe("Trinidad and Tobago");
    expect(routeQuestion("what has the Ministry of Justice and Human Rights promised?").options.who).toBe(
      "Ministry of Justice and Human Rights",
    );
  });

  it("reads a capital as its country when it stands for a party, and as a place after 'in'", () => {
    expect(routeQuestion("What did Hanoi's defence minister offer Vientiane?").options).toMatchObject({
      who: "Vietnam",
      with: "Laos",
    });
    expect(routeQuestion("who did Ana Silva meet in Hanoi?").options).toEqual({ who: "Ana Silva", place: "Hanoi" });
  });

  it.each([
    ["Who did Ana Silva sit down with?", "meetings"],
    ["Did Ana Silva hold talks with Okonkwo Bello?", "meetings"],
    ["What did Ghana and Togo discuss?", "meetings"],
    ["Did Ghana ink a pact with Togo?", "pledges"],
    ["What did Ghana seek from Togo?", "pledges"],
    ["What did Ghana offer Togo?", "pledges"],
  ])("routes '%s' to %s", (question, route) => {
    expect(routeQuestion(question).route).toBe(route);
  });

  it("keeps the question's other words as the topic that ranks events", () => {
    const r = routeQuestion("what did Ghana promise Togo about rail links?");
    expect(r.options).toMatchObject({ who: "Ghana", with: "Togo" });
    expect(r.topic).toEqual(["rail", "links"]);
  });

  it("asks for the newest first on 'latest' and 'recent', searching only the words that matter", () => {
    expect(routeQuestion("latest on port smuggling")).toMatchObject({
      route: "search",
      newest: true,
      options: { query: "port smuggling" },
    });
    expect(routeQuestion("who did Ana Silva meet recently?")).toMatchObject({ route: "meetings", newest: true });
    expect(routeQuestion("what was said about scam compounds").newest).toBe(false);
  });
});
