/**
 * Phrasing families the extractor must read, one invented sentence per family (people,
 * places and figures made up; none is taken from a fixture). Each case gives the paragraphs
 * of a small briefing and what the last paragraph must (or must not) yield.
 */
import { describe, expect, it } from "vitest";
import { findDates } from "../../src/extraction/dates.ts";
import { lastParagraph, meetingNames } from "../support/extract-paragraphs.ts";

const INTRO = "Minister Dewi Sasmita said on Monday.";

describe("meeting families", () => {
  const cases: Array<[string, string[], string[]]> = [
    [
      "passive reception",
      ["Foreign Minister Prak Vanna was received by Thai Prime Minister Anan Sorasak at Government House on Monday."],
      ["Vanna", "Sorasak"],
    ],
    [
      "passive with an adverb",
      [
        "Thai Foreign Minister Maris Chaiyo said.",
        "The Thai minister was later hosted at a dinner by Lao Prime Minister Bounmy Sayavong.",
      ],
      ["Maris", "Bounmy"],
    ],
    [
      "courtesy call on",
      [
        "Visiting Lao Deputy Prime Minister Khamla Phomvihane paid a courtesy call on Prime Minister Hun Sokha at the Peace Palace on Tuesday.",
      ],
      ["Khamla", "Sokha"],
    ],
    [
      "called on a person (a visit)",
      ["US Ambassador Peter Gale called on Prime Minister Hun Sokha at the Peace Palace on Tuesday."],
      ["Gale", "Sokha"],
    ],
    [
      "visited a person",
      [
        "Police chief Sok Reaksa said.",
        "Interpol's executive director Amara Diallo visited Reaksa at the ministry on Wednesday.",
      ],
      ["Diallo", "Reaksa"],
    ],
    [
      "on the sidelines",
      [
        "On the sidelines of the ASEAN summit in Vientiane, Japanese Prime Minister Kenta Mori met with Philippine President Luis Santos on Thursday.",
      ],
      ["Mori", "Santos"],
    ],
    [
      "a delegation led by someone",
      [
        "Interior Minister Sar Vuthy met with a delegation from the International Organization for Migration led by chief of mission Mina Park on Wednesday.",
      ],
      ["Vuthy", "Mina Park"],
    ],
    [
      "sat down with",
      [
        "Health Minister Mam Sokun sat down with USAID mission director Clara Voss on Friday to discuss maternal health.",
      ],
      ["Sokun", "Voss"],
    ],
    [
      "a working lunch",
      ["Defence Minister Tea Dara had a working lunch with US Ambassador Paul Grant on Thursday."],
      ["Dara", "Grant"],
    ],
    [
      "spoke by phone",
      ["Prime Minister Hun Sokha spoke by phone with Vietnamese Prime Minister Pham Van Long on Monday."],
      ["Sokha", "Long"],
    ],
    [
      "video conference",
      [
        "Prime Minister Hun Sokha and Vietnamese Prime Minister Pham Van Long held a video conference on Tuesday to review border trade.",
      ],
      ["Sokha", "Long"],
    ],
    [
      "the object after a place and a date",
      ["Interior Minister Sar Vuthy held talks in Vientiane on Monday with Lao Interior Minister Vilay Keo."],
      ["Vuthy", "Vilay"],
    ],
    [
      "an unnamed counterpart",
      ["Interior Minister Sar Vuthy met his Thai counterpart in Bangkok on Monday."],
      ["Vuthy", "counterpart"],
    ],
    [
      "the envoy for an ambassador",
      [
        "Outgoing Japanese Ambassador Aiko Tanaka said on Monday.",
        "Later that day, the envoy paid a courtesy call on Minister of Labour Ouk Rith at the ministry.",
      ],
      ["Tanaka", "Rith"],
    ],
    [
      "a person behind a body's name",
      [
        "Health Secretary Rosa de la Cruz on Monday sat down with World Health Organization (WHO) Representative Dr. Kofi Mensah.",
      ],
      ["de la Cruz", "Mensah"],
    ],
    [
      "a subordinate clause with its own subject",
      [
        "Indonesia and Malaysia have agreed to a joint position, after Trade Minister Rina Wulandari held a bilateral meeting with Malaysian Plantation and Commodities Minister Hafiz bin Osman in Jakarta last Tuesday.",
      ],
      ["Wulandari", "Hafiz"],
    ],
    [
      "the three after a list",
      [
        "The declaration was signed by Indonesian Minister of Forestry Budi Santoso, Brazilian Minister of Environment Ana Lima dos Reis and Congolese Minister of Environment Jean Mbala, after the three held talks on a forest fund.",
      ],
      ["Santoso", "Lima", "Mbala"],
    ],
    [
      "after meeting, in a trailing attribution",
      [
        "Malaysia and Thailand have agreed to build a road, Prime Minister Amir Hassan said after meeting his Thai counterpart Chai Wongsa on Thursday.",
      ],
      ["Hassan", "Wongsa"],
    ],
    [
      "a relative clause before the verb",
      [
        "Kazakh Deputy Foreign Minister Ivan Petrov, who is on a three-day visit to Cambodia, met Senior Minister Sun Vibol on Wednesday.",
      ],
      ["Petrov", "Vibol"],
    ],
    [
      "a meeting opening the sentence",
      [
        "Minister Ngam Phet said.",
        "Ambassador Ken Kato said.",
        "At a separate meeting on Thursday, Ngam Phet and Ken Kato reviewed progress on the road upgrade.",
      ],
      ["Phet", "Kato"],
    ],
    [
      "two people discussed",
      [
        "Minister Ngam Phet said.",
        "Ambassador Ken Kato said.",
        "On the sidelines of the forum in Dili, Ngam Phet and Ken Kato discussed a joint fisheries fund.",
      ],
      ["Phet", "Kato"],
    ],
    [
      "agreed after bilateral talks",
      [
        "Fiji's Trade Minister Ratu Josefa Vula and Tongan Trade Minister Sione Lavaka agreed on Friday to cut tariffs on kava, after bilateral talks in Suva.",
      ],
      ["Vula", "Lavaka"],
    ],
    [
      "a call on a weekday between",
      [
        "The trip followed a phone call on Tuesday between Samoan Prime Minister Tala Fuimaono and Fijian Prime Minister Dato' Seri Amir Rashid.",
      ],
      ["Fuimaono", "Amir Rashid"],
    ],
    [
      "two people spoke by telephone",
      [
        "Minister Ana Ruiz said on Monday.",
        "Minister Lino Costa said.",
        "Ruiz and Costa previously spoke by telephone in March.",
      ],
      ["Ruiz", "Costa"],
    ],
    [
      "after paying a courtesy call",
      [
        "Peruvian Ambassador to Ghana J. Quispe said on Monday that Lima would send seeds.",
        "The ambassador made the announcement after paying a courtesy call on Agriculture Minister Kofi Asante at the ministry.",
      ],
      ["Quispe", "Asante"],
    ],
    [
      "an abbreviated given name",
      ["Trade Secretary Ma. Lourdes Bautista-Cruz met Korean Trade Minister Kim Do-hyun in Seoul on Monday."],
      ["Bautista-Cruz", "Kim Do-hyun"],
    ],
    [
      "a middle initial after a long title",
      ["Secretary of Migrant Workers Ana T. Villareal was received by Labour Minister Omar Haddad on Monday."],
      ["Villareal", "Haddad"],
    ],
    [
      "a name in brackets inside a phrase",
      [
        "Minister Tep Sothy met with representatives of the International Organization for Migration (IOM) and the Asian Development Bank (ADB) on Monday.",
      ],
      ["Sothy", "Organization for Migration", "ADB"],
    ],
  ];
  it.each(cases)("%s", (_, paragraphs, names) => {
    const { count, all } = meetingNames(paragraphs);
    expect(count, all).toBeGreaterThan(0);
    for (const n of names) expect(all).toContain(n.toLowerCase());
  });

  const none: Array<[string, string[]]> = [
    ["will meet", ["Prime Minister Hun Sokha will meet Chinese President Li Wei in Beijing next week."]],
    ["scheduled to meet", ["Interior Minister Sar Vuthy is scheduled to meet his Lao counterpart on Friday."]],
    [
      "set to travel for talks",
      [INTRO, "Dewi is set to travel to Brussels in September for talks with EU trade officials."],
    ],
    [
      "due to hold talks",
      ["Prime Minister Hun Sokha is due to hold talks with Thai Prime Minister Anan Sorasak in Bangkok on Friday."],
    ],
    ["meeting targets", ["The ministry said it was meeting its targets for vaccine delivery."]],
    ["declined to meet", ["Interior Minister Sar Vuthy declined to meet the protesters on Monday."]],
    ["refused a meeting", [INTRO, "Dewi refused a meeting with the opposition."]],
    ["did not meet", ["Interior Minister Sar Vuthy did not meet the opposition leader Kem Vanna during the visit."]],
    [
      "observers' should",
      ["Observers said Prime Minister Hun Sokha and Thai Prime Minister Anan Sorasak should meet more often."],
    ],
    ["hoped to meet", ["Ambassador Jane Doe said she hoped to meet the new minister soon."]],
    [
      "welcomed a commitment",
      [
        "Norway's ambassador to Indonesia, Lars Berg, welcomed the three countries' commitment to cutting deforestation.",
      ],
    ],
    [
      "expected to pay a call",
      ["Ambassador Jane Doe is expected to pay a courtesy call on Prime Minister Hun Sokha next week."],
    ],
    ["a future round of talks", [INTRO, "The next round of talks with the EU will be held in Brussels."]],
  ];
  it.each(none)("no meeting: %s", (_, paragraphs) => {
    expect(lastParagraph(paragraphs).meetings).toEqual([]);
  });
});

describe("pledge families", () => {
  const cases: Array<[string, string[], string, RegExp]> = [
    [
      "promised that a country would",
      ["Thai police chief Chai Sukri promised that Thailand would extradite the suspects."],
      "thailand",
      /extradite/,
    ],
    [
      "assured that the authorities would",
      [
        "Police chief Lt. Gen. Sok Reaksa assured the Korean delegation that Cambodian authorities would repatriate all victims within 72 hours.",
      ],
      "cambodian authorities",
      /72 hours/,
    ],
    [
      "announced, with an aside, that",
      [
        "Commissioner Eva Lind said on Monday.",
        "She announced, however, that the EU would allocate €15 million over three years.",
      ],
      "eu",
      /15 million/,
    ],
    [
      "announced it would",
      ["The Indonesian government announced it would allocate US$5 million to a peatland research centre."],
      "indonesian government",
      /US\$5 million/,
    ],
    [
      "a first-person vow not to",
      ["Minister Khamla Phomvihane said.", "“We will not approve any new concession in a protected forest,” he said."],
      "khamla",
      /not approve any new concession/,
    ],
    [
      "the WHO will provide",
      ["“The WHO will provide 20,000 test kits within two weeks,” Dr. Kofi Mensah said."],
      "who",
      /20,000 test kits/,
    ],
    [
      "both sides agreeing",
      [
        "Minister Tran Vinh held talks with Lao Minister Bounmy Keo in Hanoi on Monday, with both sides agreeing to accelerate feasibility studies.",
      ],
      "bounmy",
      /accelerate feasibility/,
    ],
    [
      "a list of countries",
      [
        "Indonesia, Brazil and the Democratic Republic of Congo on Thursday signed a joint declaration on forest finance.",
      ],
      "congo",
      /joint declaration/,
    ],
    [
      "two people with honorifics",
      ["Ms. Priya Rao and Ms. Keo Sophal signed a memorandum of understanding on heritage conservation."],
      "keo sophal",
      /memorandum/,
    ],
    [
      "is determined to",
      ["Vietnam is determined to eliminate malaria by 2028, Deputy Minister Tran Hoa said."],
      "vietnam",
      /eliminate malaria/,
    ],
    [
      "gave assurances",
      ["Interior Minister Sar Vuthy gave assurances that the elections would be free and fair."],
      "vuthy",
      /free and fair/,
    ],
    [
      "a parenthetical attribution",
      [
        "Minister Hafiz bin Osman said on Monday.",
        "Malaysia, he added, would contribute RM10 million to the joint fund.",
      ],
      "malaysia",
      /RM10 million/,
    ],
    [
      "exchanged notes",
      ["The governments of Japan and Laos on Thursday exchanged notes on a grant of 1.5 billion yen."],
      "japan",
      /notes on a grant/,
    ],
    [
      "a relative clause's subject",
      [
        "Minister Ana Ruiz spoke by telephone with Chilean Minister Pedro Soto, who committed to sending a team of engineers.",
      ],
      "pedro soto",
      /team of engineers/,
    ],
    [
      "a relative clause's request",
      ["Minister Ana Ruiz received Ambassador Lin Hao, who asked Peruvian police to share evidence on the gangs."],
      "lin hao",
      /share evidence/,
    ],
    [
      "the ministers agreed",
      [
        "Minister Ana Ruiz held talks with Minister Lino Costa on Monday.",
        "The ministers agreed to launch a joint training centre by 2026.",
      ],
      "ruiz",
      /training centre/,
    ],
    [
      "the two agreed, a new clause",
      [
        "Minister Ana Ruiz spoke by telephone with Minister Lino Costa on Monday, and the two agreed to share flood data daily.",
      ],
      "costa",
      /share flood data/,
    ],
    [
      "they agreed after a meeting",
      [
        "Minister Ana Ruiz held talks with Minister Lino Costa on Monday.",
        "In May, they agreed to open a border post.",
      ],
      "ruiz",
      /border post/,
    ],
    [
      "guaranteed that others would",
      ["Minister Ana Ruiz said on Monday.", "She also guaranteed that employers would pay the full minimum wage."],
      "ruiz",
      /full minimum wage/,
    ],
    [
      "the premier for a prime minister",
      [
        "Kenyan Prime Minister Tala Fuimaono spoke by phone with Fijian Prime Minister Amir Rashid on Monday.",
        "During the call, the Kenyan premier urged Fiji to speed up the cable project.",
      ],
      "fuimaono",
      /speed up the cable/,
    ],
    [
      "the delegation and its leader",
      [
        "Minister Ana Ruiz hosted a delegation led by Deputy Minister Omar Haddad on Monday.",
        "The delegation promised shaded rest areas along the route.",
      ],
      "haddad",
      /shaded rest areas/,
    ],
    [
      "the agency its speaker's title names",
      ["JICA country director Sato Ken said the agency would donate 300 water pumps to flood-hit villages."],
      "jica",
      /300 water pumps/,
    ],
    [
      "bodies owned by two countries",
      ["Chile's Ministry of Agriculture and Peru's Ministry of Production signed an agreement on fish quarantine."],
      "peru",
      /fish quarantine/,
    ],
  ];
  it.each(cases)("%s", (_, paragraphs, actor, commitment) => {
    const { pledges } = lastParagraph(paragraphs);
    const hit = pledges.find((p) => commitment.test(p.commitment));
    expect(hit, JSON.stringify(pledges)).toBeDefined();
    expect(hit!.actor.toLowerCase()).toContain(actor);
  });

  const none: Array<[string, string[]]> = [
    ["praise of another's commitment", ["Interior Minister Sar Vuthy praised Japan's commitment to demining."]],
    [
      "praise of another's pledge",
      ["Interior Minister Sar Vuthy welcomed Japan's pledge to provide more demining equipment."],
    ],
    ["did not pledge", ["The ministry did not pledge new funds for the project."]],
    ["declined to commit", ["Prime Minister Hun Sokha declined to commit to a date for the election."]],
    ["stopped short of agreeing", ["The two sides stopped short of agreeing on a date to reopen the crossing."]],
    ["stopped short of signing", ["The two sides stopped short of signing a free trade agreement."]],
    ["failed to conclude", ["The two sides failed to conclude a bilateral investment treaty."]],
    ["made no commitment", ["The ministry made no commitment to extend the programme."]],
    [
      "an observer's must, before signing",
      [
        "Researcher Noy Vong said the government must enforce impact assessments before signing new agreements with investors.",
      ],
    ],
    ["an observer's should", ["Critics say Cambodia should sign the convention."]],
    ["a hope", ["Labour Minister Heng Sam expressed hope that Japan would continue its support."]],
    ["plural hope", ["Villagers hope the company will compensate them."]],
    ["a thing will", ["Interior Minister Sar Vuthy said the railway would cut the cost of moving potash."]],
    ["expected to pledge", ["Donors are expected to pledge more than $1 billion at the conference."]],
    ["whether", ["It remains unclear whether Japan will provide additional funding."]],
    ["a question", [INTRO, "Dewi has yet to announce when the command centre will open."]],
    ["a travel plan", [INTRO, "Dewi is set to travel to Brussels in September for talks with EU trade officials."]],
    ["a visit to come", [INTRO, "Dewi will pay a reciprocal visit to Wellington next year, the ministry said."]],
    ["a headline left in the text", [INTRO, "Singapore Pledges S$10 Million to Regional Haze Fund"]],
  ];
  it.each(none)("no pledge: %s", (_, paragraphs) => {
    expect(lastParagraph(paragraphs).pledges).toEqual([]);
  });
});

describe("relative dates", () => {
  it.each([
    ["Earlier in the day, they met", "2024-08-05"],
    ["Two days later, they met", "2024-08-07"],
    ["The day after, she left", "2024-08-06"],
    ["The previous evening, they dined", "2024-08-04"],
  ])("%s", (text, date) => {
    expect(findDates(text, "2024-08-09", "2024-08-05")[0]?.date).toBe(date);
  });
});
