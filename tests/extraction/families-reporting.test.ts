/**
 * Phrasing families seen in real reporting from many outlets (issue 12), one invented
 * sentence per family with its negative twin: people, places and bodies are made up, no
 * sentence is taken from an article.
 */
import { describe, expect, it } from "vitest";
import { dateLabel } from "../../src/library/views/events-query.ts";
import { extractEvents } from "../../src/extraction/extract.ts";
import { toMeetingJSON } from "../../src/library/views/events-json.ts";
import { briefingOf, lastParagraph, meetingNames } from "../support/extract-paragraphs.ts";

const TALKS = "Foreign Minister Tomas Belo and his Ruritanian counterpart Ana Vasquez held talks on Monday.";

describe("pledge, agreement and request families from real reporting", () => {
  const cases: Array<[string, string[], string, RegExp, string]> = [
    [
      "they decided to (after a meeting)",
      [TALKS, "They also decided to send liaison officers to the border."],
      "belo",
      /send liaison/,
      "agreement",
    ],
    [
      "the two sides concurred to",
      [TALKS, "The two sides also concurred to keep working closely."],
      "vasquez",
      /keep working/,
      "agreement",
    ],
    [
      "the two (a bare number) reached an agreement",
      [TALKS, "The two reached an agreement on joint river patrols."],
      "belo",
      /joint river patrols/,
      "agreement",
    ],
    [
      "reached a series of consensuses",
      ["The ministers of Arland and Borduria reached a series of consensuses on fraud."],
      "borduria",
      /consensuses/,
      "agreement",
    ],
    [
      "agreed on a day to",
      [TALKS, "The two sides agreed on Monday to open a hotline."],
      "belo",
      /open a hotline/,
      "agreement",
    ],
    [
      "suggested that + subjunctive",
      ["Minister Tomas Belo suggested that the two ministries set up a hotline."],
      "belo",
      /set up a hotline/,
      "request",
    ],
    [
      "proposed that a body continue",
      ["The Lao side proposed that Ruritania continue training its officers."],
      "lao side",
      /continue training/,
      "request",
    ],
    [
      "adopted the proposal to",
      ["The regional police council adopted the proposal to set up a liaison desk."],
      "police",
      /liaison desk/,
      "agreement",
    ],
    [
      "adopted a plan of action",
      ["The chiefs of police of the region adopted a plan of action on disasters."],
      "chiefs",
      /plan of action/,
      "agreement",
    ],
    [
      "reported: will make every effort",
      [TALKS, "Belo said the government will make every effort to curb fraud."],
      "government",
      /every effort/,
      "pledge",
    ],
    [
      "reported: would exert all efforts",
      ["Police chief Omar Zed said the police would exert all efforts to find the fugitive."],
      "police",
      /find the fugitive/,
      "pledge",
    ],
    [
      "will identify ways, he said",
      [TALKS, "Both sides will identify ways to build trust, he said."],
      "belo",
      /identify ways/,
      "pledge",
    ],
    [
      "expressed a firm stance to continue",
      [
        "Ambassador Maria Lopez spoke on Monday.",
        "She also expressed firm stance of the EU to continue to cooperate closely with Ruritania.",
      ],
      "lopez",
      /continue to cooperate/,
      "pledge",
    ],
    [
      "has proposed cooperation",
      ["Ruritania has proposed cooperation on exchanges of intelligence with Arland."],
      "ruritania",
      /exchanges of intelligence/,
      "request",
    ],
    [
      "the acronym resolved to",
      ["As a plan of action on drugs, the ASEANAPOL resolved to endeavor concerted efforts against trafficking."],
      "aseanapol",
      /concerted efforts/,
      "pledge",
    ],
    [
      "signed a minutes",
      [
        "Minister Omar Zed met Minister Dara Vong.",
        "On the occasion, the two officials signed a minutes on cooperation between their agencies.",
      ],
      "zed",
      /minutes on cooperation/,
      "agreement",
    ],
    [
      "called on a thing (called for it)",
      ["Minister Omar Zed spoke.", "He also called on broader public awareness of the dangers of drugs."],
      "zed",
      /public awareness/,
      "request",
    ],
    [
      "a joint statement was approved",
      [TALKS, "In the meeting, progress on the memorandum was reviewed and a joint statement was approved."],
      "belo",
      /joint statement was approved/,
      "agreement",
    ],
    [
      "a declaration signed by two",
      [
        "The Hanoi Declaration adopted today was signed in the presence of all heads of delegation by Lt. Gen. Ko Ko, the chair, and Mr. John Sand, a UN director.",
      ],
      "john sand",
      /Hanoi Declaration/,
      "agreement",
    ],
  ];
  it.each(cases)("%s", (_, paragraphs, actor, commitment, kind) => {
    const { pledges } = lastParagraph(paragraphs);
    const hit = pledges.find((p) => commitment.test(p.commitment) || commitment.test(p.quote));
    expect(hit, JSON.stringify(pledges)).toBeDefined();
    expect(hit!.actor.toLowerCase()).toContain(actor);
    expect(hit!.kind).toBe(kind);
  });

  const none: Array<[string, string[]]> = [
    ["one court decided", ["The court decided to adjourn the hearing until March."]],
    ["a suggestion about what happened", ["Police suggested that the victim had drowned."]],
    ["an analyst's could", ["Analysts suggested that the deal could collapse."]],
    ["a thing will create", ["Minister Tomas Belo said the new rail line will create many jobs."]],
    ["the proposed law", ["The proposed law drew criticism from rights groups."]],
    ["a press statement was issued", [TALKS, "The statement was issued late on Monday."]],
    ["called on a person to act is no call for a thing", ["Minister Omar Zed called on more than ten villagers."]],
    ["a proposed law", ["Rights groups criticised the proposed cybersecurity law."]],
    ["a scam's lure", ["Criminal gangs are luring victims abroad, promising high-paying jobs."]],
    ["offenders sought", ["Many criminals sought refuge across the border."]],
    [
      "a career move",
      ["In about six months, Mr Mark Lane, a Special Agent, will also complete his posting in Bangkok."],
    ],
    ["taking over a role", ["Next month, Mr Dan Kee will take over the role of regional director."]],
    [
      "a denied commitment",
      ["“Their officers might not be capable enough or committed to fighting drugs,” Mr Omar Zed said."],
    ],
    ["a visit with a hyphenated length", ["Rapporteur Vitit Mun will pay an 11-day visit to the country."]],
    [
      "a courtesy call to discuss",
      ["Minister Meng Jun also called on President Sam Nathan to discuss bilateral ties."],
    ],
  ];
  it.each(none)("no pledge: %s", (_, paragraphs) => {
    expect(lastParagraph(paragraphs).pledges).toEqual([]);
  });
});

describe("meeting families from real reporting", () => {
  const cases: Array<[string, string[], string[]]> = [
    [
      "while receiving",
      [
        "Minister Omar Zed made the statement while receiving Ruritanian Interior Minister Dara Vong in Hanoi on January 9.",
      ],
      ["Zed", "Vong"],
    ],
    [
      "contacted (by phone)",
      ["Foreign Minister Omar Zed today contacted Ruritanian Foreign Minister Dara Vong about the detained workers."],
      ["Zed", "Vong"],
    ],
    [
      "paid separate courtesy calls on",
      ["Colonel Li Wen also paid separate courtesy calls on General Tep Som, Minister of Defence."],
      ["Li Wen", "Tep Som"],
    ],
    [
      "a ceremony held between",
      [
        "The signing ceremony of the accord, titled “Police Training”, was held between Ek Sothy, president of the academy, and Kim Dae-ho, his counterpart, on October 17.",
      ],
      ["Sothy", "Kim Dae-ho"],
    ],
    [
      "a named meeting yesterday between",
      [
        "AT THE 5th Bilateral Meeting yesterday between the Arland Police Force and the Borduria Police Force, both sides discussed drugs.",
      ],
      ["Arland Police", "Borduria Police"],
    ],
    [
      "officials of a body met",
      ["Top officials of the Ruritanian National Police (RNP) met on Thursday and discussed kidnapping cases."],
      ["Ruritanian National Police"],
    ],
    [
      "someone's meeting with",
      [
        "Assistant Minister Liu Wei visited Bangkok.",
        "Following Liu's meeting with Home Affairs Minister Tun Aye on Friday, he informed the Thai side.",
      ],
      ["Liu Wei", "Tun Aye"],
    ],
    [
      "a page dated before the stated year",
      [
        "Foreign Minister Omar Zed and Foreign Minister Dara Vong held a bilateral meeting in Phnom Penh today, August 4, 2025.",
      ],
      ["Zed", "Vong"],
    ],
    [
      "sentences run together",
      [
        "Minister Omar Zed thanked the guests.Zed made the remarks while receiving Interior Minister Dara Vong in Hanoi.",
      ],
      ["Zed", "Vong"],
    ],
    [
      "a named dialogue was held",
      ["On February 6, the 7th Japan-Cambodia Politico-Military Dialogue was held at the foreign ministry."],
      ["Japan", "Cambodia"],
    ],
    [
      "speaking at a named meeting",
      [
        "Speaking at the 7th Regional Ministerial Meeting on Drugs via video link this morning, Minister Ke Sovan said drugs remain a threat.",
      ],
      ["Ke Sovan", "Ministerial Meeting on Drugs"],
    ],
    [
      "attended the meeting",
      ["Police chief Omar Zed attended the meeting, accompanied by two senior officers, in Bangkok on Tuesday."],
      ["Omar Zed"],
    ],
    [
      "four ministers attended",
      [
        "Minister Ali Baba, Deputy Prime Minister Kowit Wat, Minister Douang Phi and Minister Ko Ko attended the meeting.",
      ],
      ["Ali Baba", "Kowit Wat", "Ko Ko"],
    ],
    [
      "the meeting was co-chaired by",
      [
        "The meeting was co-chaired by Justice Minister Gen Paibul Kom and the Chairman of the Drug Commission, Mr. Kou Sina.",
      ],
      ["Paibul Kom", "Kou Sina"],
    ],
    [
      "held, and two acted as co-chairs",
      [
        "The 9th AMMTC + China consultation was held in the morning and Maj-Gen Zin Htet and Minister Wang Hong acted as co-chairs.",
      ],
      ["Zin Htet", "Wang Hong", "China"],
    ],
    [
      "a named conference held in a city",
      [
        "A joint communiqué ratified by delegates to the 34th ASEANAPOL conference held in Manila this week adopted the proposals.",
      ],
      ["ASEANAPOL conference"],
    ],
    [
      "a speaker's own words: delighted to meet",
      [
        "Minister Rajan Singh said on Monday.",
        "“Delighted to meet the US Secretary of Defence, Mr Lloyd Austin in Siem Reap,” he wrote.",
      ],
      ["Rajan Singh", "Lloyd Austin"],
    ],
    [
      "a speaker's own words: an interaction with",
      [
        "Minister Rajan Singh said on Monday.",
        "“Had a wonderful interaction with the Defence Minister of Ruritania, Mr. Pita Hone,” Singh wrote.",
      ],
      ["Rajan Singh", "Pita Hone"],
    ],
    [
      "the request made during their meeting",
      [
        "General Tep Sovan spoke on Friday.",
        "He made the request to Admiral Jean Dumas, French Defence Attaché, during their meeting at the office on Feb. 10.",
      ],
      ["Tep Sovan", "Jean Dumas"],
    ],
    [
      "called on a president to discuss",
      ["Minister Meng Jun also called on President Sam Nathan and Deputy Prime Minister Wang Kan to discuss ties."],
      ["Meng Jun", "Sam Nathan"],
    ],
    [
      "a tweet in two-apostrophe quotes",
      [
        "Minister Rajan Singh met the press on Monday.",
        "In another tweet, Singh said: ''Had a wonderful interaction with the Defence Minister of Ruritania, Mr. Pita Hone.''",
      ],
      ["Rajan Singh", "Pita Hone"],
    ],
    [
      "a tweet naming a handle",
      [
        "Minister Rajan Singh met the press on Monday.",
        "''Insightful deliberations with Arland's Deputy Prime Minister, Mr. @RichMarMP on ties in Siem Reap today,'' Singh said in a tweet.",
      ],
      ["Rajan Singh", "@RichMarMP"],
    ],
    [
      "two signed a memorandum",
      [
        "Visiting State Councilor Meng Jun and Home Affairs Minister K. Sanmu signed a memorandum of understanding on Friday.",
      ],
      ["Meng Jun", "K. Sanmu"],
    ],
    [
      "an agreement signed by two",
      [
        "The agreement was signed by Christopher Wren, Director of the FBI, and Gen. Neth Savin, National Police Commander, in Washington DC on April 5 2019.",
      ],
      ["Wren", "Savin"],
    ],
    [
      "an agreement reached at a named council",
      [
        "The agreement was reached at the 2nd Australia-Indonesia Ministerial Council on Law and Security meeting in Sydney on Wednesday.",
      ],
      ["Australia", "Indonesia"],
    ],
    [
      "came at the conclusion of a named meeting",
      [
        "The agreement came at the conclusion of the Ministerial Meeting of the Signatory Countries to the 1993 Memorandum.",
      ],
      ["Ministerial Meeting of the Signatory Countries"],
    ],
    [
      "a consultation held, one acted as chairman",
      [
        "After that, a consultation with the 12th AMMTC + 3 was held and Deputy Prime Minister Samdech Kralahom Dara Vong acted as chairman.",
      ],
      ["Dara Vong", "AMMTC + 3"],
    ],
    [
      "co-chairs, each with a role after the name",
      [
        "The meeting was co-chaired by Somkeo Vong, Minister of Public Security of Arland and Dara Sok, Deputy Prime Minister of Borduria.",
      ],
      ["Somkeo Vong", "Dara Sok"],
    ],
    [
      "bodies with acronyms in brackets",
      [
        "At the 12th Bilateral Meeting yesterday between the Royal Arland Police Force (RAPF) and Borduria Police Force (BPF), both sides discussed issues.",
      ],
      ["(RAPF)", "(BPF)"],
    ],
    [
      "departments from three countries held a meeting",
      [
        "Relevant departments from China, Myanmar and Thailand recently held a ministerial coordination meeting here on fraud.",
      ],
      ["China", "Myanmar", "Thailand"],
    ],
    [
      "two titles joined by 'and', then a portfolio",
      [
        "Foreign Minister Hayashi Yoshi and Deputy Prime Minister and Foreign Minister Prak Sokha held a bilateral meeting in Phnom Penh.",
      ],
      ["Hayashi Yoshi", "Prak Sokha"],
    ],
    [
      "a meeting between a comma role and an address",
      [
        "The praise was made in a meeting between Deputy Prime Minister and Minister of Interior, Samdech Kralahom Dara Vong and U.S. Ambassador H.E. W. Peter Gale.",
      ],
      ["Dara Vong", "Peter Gale"],
    ],
    [
      "a list of people closed by 'as well as'",
      [
        "Envoy Rhona Smit said she met with Senate president Say Chum, Parliament Vice President Nguon Nel, Deputy Prime Minister and Interior Minister Sar Keng as well as ministers of land management.",
      ],
      ["Say Chum", "Nguon Nel", "Sar Keng"],
    ],
    [
      "a country's official named after a comma",
      [
        "Assistant Minister Liu Wei visited Bangkok.",
        "Following Liu's meeting with Myanmar’s junta Home Affairs Minister, Tun Aye, on Friday, he informed the Thai side.",
      ],
      ["Liu Wei", "Tun Aye"],
    ],
    [
      "a passive agent during a meeting",
      [
        "The request was made by General Vong Sen, Commander-in-Chief of the armed forces, during a meeting with Colonel Sheng Li in Phnom Penh.",
      ],
      ["Vong Sen", "Sheng Li"],
    ],
    [
      "a fronted participle's subject",
      [
        "Deputy Minister Luong Quang paid a courtesy call on Minister Vilay Lak.",
        "Informing the host about the outcomes of talks with his Lao counterpart Gen. Kong Phong, he pledged support.",
      ],
      ["Luong Quang", "Kong Phong"],
    ],
    [
      "speaking during a farewell call",
      [
        "Prime Minister Hun Sokha and outgoing EU ambassador Maria Lopez pledged to deepen ties, speaking during a farewell call on Monday morning.",
      ],
      ["Hun Sokha", "Maria Lopez"],
    ],
  ];
  it.each(cases)("%s", (_, paragraphs, names) => {
    const { count, all } = meetingNames(paragraphs);
    expect(count, all).toBeGreaterThan(0);
    for (const n of names) expect(all).toContain(n.toLowerCase());
  });

  const none: Array<[string, string[]]> = [
    ["police contacted a family", ["Police contacted the victim's family on Monday."]],
    ["officials met a deadline", ["The officials met the deadline for the report."]],
    ["a price met expectations", ["The price met expectations."]],
    ["a meeting to be held between", ["A meeting will be held between the two ministers next week."]],
    ["an unnamed conference held", ["The conference was held in 2019."]],
    ["one body signed a contract", ["The ministry signed a contract with a builder on Monday."]],
    ["one person signed a book", ["Minister Omar Zed signed the condolence book on Monday."]],
    ["a summit to be held", ["The summit will be held in Hanoi next year."]],
    ["will attend the meeting", ["Police chief Omar Zed will attend the meeting in Bangkok next week."]],
    [
      "a speaker looking forward to meeting",
      ["Minister Rajan Singh said on Monday.", "“I look forward to meeting my counterpart soon,” he said."],
    ],
  ];
  it.each(none)("no meeting: %s", (_, paragraphs) => {
    expect(lastParagraph(paragraphs).meetings).toEqual([]);
  });
});

describe("dates the text gives but cannot resolve", () => {
  it("keeps a day and month without a year when nothing gives the year", () => {
    const [m] = lastParagraph(["Minister Omar Zed met Minister Dara Vong in Hanoi on 14 May."], null).meetings;
    expect(m.date).toBeNull();
    expect(m.dateText).toBe("14 May (year not stated)");
    expect(dateLabel(m)).toBe("14 May (year not stated)");
  });
  it("says a weekday has no published date to count from", () => {
    const [m] = lastParagraph(["Minister Omar Zed met Minister Dara Vong in Hanoi on Monday."], null).meetings;
    expect(m.date).toBeNull();
    expect(m.dateText).toMatch(/Monday \(no published date/);
  });
  it("resolves against the published date and then gives no text", () => {
    const [m] = lastParagraph(["Minister Omar Zed met Minister Dara Vong in Hanoi on 14 May."]).meetings;
    expect(m.date).toBe("2024-05-14");
    expect(m.dateText).toBeNull();
  });
});

describe("datelines in any outlet's style are never parties", () => {
  it.each([
    [
      "place and agency, hyphen",
      "Jakarta (Antara Bali) - Arland and Borduria have agreed to step up cooperation in intelligence.",
      "arland",
      "jakarta",
    ],
    [
      "agencies only, dash",
      "(KPL/Xinhua) — China, Laos, Myanmar and Thailand have agreed to take joint action against crime.",
      "china",
      "kpl",
    ],
    [
      "capitals and a country, no spaces",
      "MANILA, Philippines—The Philippine National Police has pledged to protect Korean tourists.",
      "police",
      "manila",
    ],
    [
      "agency with a date",
      "Metro Manila (CNN Philippines, January 31) — The Philippine government has committed to fast-track the deportation of four suspects.",
      "government",
      "metro",
    ],
    [
      "agency then a date",
      "Phnom Penh (FN), Aug. 28 – Prime minister Hun Sokha and ambassador Maria Lopez pledged to further enhance cooperation.",
      "hun sokha",
      "phnom",
    ],
  ])("%s", (_, text, actor, notActor) => {
    const [p] = lastParagraph([text]).pledges;
    expect(p?.actor.toLowerCase()).toContain(actor);
    expect(p.actor.toLowerCase()).not.toContain(notActor);
  });
  it("a name set off by dashes is no dateline", () => {
    const [p] = lastParagraph(["Hun Sokha – the prime minister – pledged to build roads."]).pledges;
    expect(p?.actor).toBe("Hun Sokha");
  });
});

describe("one event per real-world meeting", () => {
  it("a signing at a meeting already reported joins it as evidence", () => {
    const e = extractEvents(
      briefingOf([
        "The agreement came at the conclusion of the Ministerial Meeting of the Signatory Countries on Monday.",
        "The declaration was signed by Lt. Gen. Ko Ko, the chair, and Mr. John Sand, a UN director.",
      ]),
    );
    expect(e.meetings).toHaveLength(1);
    const [m] = e.meetings.map(toMeetingJSON);
    expect(m.participants.join("|")).toMatch(/Ko Ko.*John Sand|John Sand.*Ko Ko/);
    expect(m.evidence.map((x) => x.paragraph)).toEqual([2]);
    expect(m.quote).toMatch(/^The agreement came/);
  });
  it("the same two people on the same day, told twice, is one meeting", () => {
    const e = extractEvents(
      briefingOf([
        "Minister Omar Zed and Minister Dara Vong held talks on Monday.",
        "Minister Omar Zed and Minister Dara Vong held talks on drug trafficking.",
      ]),
    );
    expect(e.meetings).toHaveLength(1);
    expect(e.meetings[0].topic).toBe("drug trafficking");
    expect(toMeetingJSON(e.meetings[0]).evidence).toHaveLength(1);
  });
  it("a signing with nothing before it is a meeting of its own", () => {
    const e = extractEvents(briefingOf(["Minister Meng Jun and Minister K. Sanmu signed a memorandum on Friday."]));
    expect(e.meetings).toHaveLength(1);
  });
});

describe("groups that stand for countries", () => {
  it("'both countries' after a hyphenated pair are the two countries", () => {
    const { pledges } = lastParagraph([
      "Police chief Omar Zed said the Thailand-Malaysia annual meeting serves both forces.",
      "He added that both countries will continue to uphold their commitment to combat cross-border crime.",
    ]);
    expect(pledges[0]?.actor).toMatch(/Thailand.*Malaysia|Malaysia.*Thailand/);
  });
  it("'Apart from …' opening a sentence is no party", () => {
    const { pledges } = lastParagraph([
      "Apart from the stricter joint surveillance, the Thai government has requested the Lao side to help monitor chemicals.",
    ]);
    expect(pledges[0]?.actor.toLowerCase()).toContain("thai government");
  });
});
