/**
 * Generic vocabularies the extractor reads names and events through: titles and ranks,
 * portfolios, words that make a capitalised run an organisation or a place, countries and
 * their demonyms, months and weekdays. Nothing here names a person or quotes a briefing.
 * All entries are lower case; look them up with `lower(word)`.
 */

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, on purpose
const NON_ASCII = /[^\x00-\x7f]/;
/** Lower case for lookups: NFKC, curly apostrophes straight (plain ASCII takes the short way). */
export const lower = (s: string) =>
  NON_ASCII.test(s) ? s.normalize("NFKC").replace(/[’‘ʼ]/g, "'").toLowerCase() : s.toLowerCase();

const set = (words: string) =>
  new Set(
    words
      .trim()
      .split(/\s*\n\s*|\s*,\s*/)
      .filter(Boolean),
  );

/** Heads of a person's title or role: "minister", "ambassador", "director"… */
export const TITLES = set(`
minister, ambassador, envoy, president, vice-president, premier, secretary, general, commissioner,
commissioner-general, director, director-general, secretary-general, chairman, chairwoman, chair, chairperson,
spokesman, spokeswoman, spokesperson, governor, mayor, senator, deputy, chief, commander, commander-in-chief,
officer, king, queen, prince, princess, chancellor, counterpart, counterparts, lawmaker, mp, leader, undersecretary,
under-secretary, consul, consul-general, representative, coordinator, adviser, advisor, official, inspector,
lieutenant, colonel, major, captain, sergeant, admiral, marshal, brigadier, judge, prosecutor, professor,
dr, dr., mr, mr., mrs, mrs., ms, ms., sir, dame, lord, lady, sheikh, excellency, h.e., madam, madame,
pol., gen., lt., col., maj., capt., sgt., adm., brig., cmdr., cdr., sen., rep., gov., pres., prof., rev., hon., amb., supt.,
founder, co-founder, ceo, cfo, coo, activist, researcher, analyst, lawyer, attorney, economist, expert, journalist,
monk, bishop, cardinal, imam, pope, delegate, councillor, councilor, speaker, head, deputy-director, head of state,
vice-chair, vice-chairman, vice-governor, vice-minister, vice-premier, superintendent, attaché, attache, diplomat, emissary,
chargé, charge, registrar, auditor, ombudsman, president-elect, prime, vice, senior, executive, manager, member,
secretary of state, attorney-general, solicitor-general, general-secretary, police chief, army chief, commissioner general,
rapporteur, negotiator, delegate, worker, farmer, resident, villager, victim, defendant, suspect, student, teacher,
doctor, nurse, owner, businessman, businesswoman, tycoon, candidate, opposition, warden, sheriff, marshal,
pol, gen, lt, col, maj, capt, sgt, brig, adm, cmdr, lieut, supt, insp, cpl, maj-gen, lt-gen, brig-gen, lt-col,
commandant, administrator, president-designate, minister-designate, governor-general, vice-governor, deputy-governor, mp,
permanent secretary, undersecretary-general, assistant secretary, executive secretary, country director, chief executive,
datuk, dato, datin, seri, cabinet secretary
`);

/** Abbreviated ranks and honorifics written with a full stop. */
export const ABBREVIATIONS = set(`
lt, gen, dr, mr, mrs, ms, st, jr, sr, col, maj, capt, sgt, adm, brig, cmdr, cdr, pol, prof, sen, rep, gov, pres,
rev, hon, amb, supt, no, vol, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec, inc, ltd, co, corp,
vs, mt, ft, fig, dept, govt, est, approx, cpl, pte, insp, lieut, comdr, sec, asst, assoc, bros, messrs, ma, md, mohd, muhd
`);

/** Honorifics that say nothing about the role and are dropped from it. */
export const HONORIFICS = set(
  `mr, mr., mrs, mrs., ms, ms., madam, madame, sir, dame, dr, dr., h.e., excellency, his excellency, datuk, dato, datin, seri,
  samdech, samdach, kralahom, krolahom, kralahorm, krolahorm, pichey, techo, akka, padei, paduka, pehin, h.e`,
);

/** Given names written abbreviated with a full stop, part of the name ("Ma. Cristina", "Md. Rahman", "Mohd. Hafiz"). */
export const ABBREVIATED_GIVEN = set(`ma, md, mohd, muhd, mohamad, wm, jos, thos, chas, geo`);

export const FEMALE_HONORIFICS = set(
  `mrs, mrs., ms, ms., madam, madame, dame, lady, queen, princess, chairwoman, spokeswoman, businesswoman`,
);
export const MALE_HONORIFICS = set(`mr, mr., sir, lord, king, prince, chairman, spokesman, businessman`);

/** Words that qualify a role and are kept with it, not with the name: "outgoing", "then-". */
export const ROLE_MODIFIERS = set(`
outgoing, incoming, former, then, then-, ex, ex-, new, newly, acting, interim, visiting, appointed, incumbent, current,
retired, late, senior, junior, permanent, chief, top, foreign, deputy, vice, assistant, associate, special, first, second,
national, regional, provincial, local, general, executive, operations, programme, program, legal, military, defence, defense,
security, police, army, navy, rights, trade, finance, health, justice, interior, economy, economic, environment, energy,
education, labour, labor, land, opposition, ruling, party, ministry, government, state, public, royal, cabinet, parliamentary,
coast, guard, his, her, their, its, the, a, an, fellow, longtime, long-time, veteran, prominent, influential, elected
`);

/** Portfolio and domain words: "Minister of [Public Security]", "[Internal Affairs] Minister". */
export const PORTFOLIO = set(`
interior, public, security, foreign, affairs, home, state, defence, defense, finance, economy, economic, economics, trade,
commerce, industry, industries, mining, mines, energy, environment, water, resources, agriculture, forestry, fisheries,
health, education, youth, sport, sports, justice, labour, labor, vocational, training, tourism, transport, transportation,
information, culture, fine, arts, planning, land, management, urban, construction, rural, development, women, women's,
social, welfare, veterans, religion, religions, cults, posts, post, telecommunications, science, technology, innovation,
international, cooperation, national, internal, cabinet, council, ministers, relations, inspection, civil, service,
works, housing, climate, change, digital, immigration, police, border, borders, customs, taxation, revenue, budget,
infrastructure, communications, communication, media, human, rights, children, family, population, employment, investment,
industry, enterprise, enterprises, small, medium, rehabilitation, disaster, emergency, food, natural, lands, oceans,
maritime, aviation, railways, roads, highways, petroleum, oil, gas, mineral, minerals, power, electricity, utilities,
statistics, research, higher, primary, secondary, general, legal, parliamentary, legislative, judicial, administrative,
reform, reforms, privatisation, privatization, coordination, intelligence, counter-terrorism, counterterrorism,
anti-corruption, corruption, narcotics, drugs, drug, crime, crimes, monetary, financial, fiscal, treasury, exchequer,
office, presidency, administration, government, governance, special, affairs, operations, staff, armed, forces,
commonwealth, overseas, development, unification, integration, solidarity, equality, gender, family, seniors,
heritage, environment, ecology, conservation, wildlife, tourism, culture, labour, manpower, interior, invalids, migrant, migrants,
workers, relief, resettlement, livestock, prevention, mitigation
`);

/** Heads that make a capitalised run an organisation or body rather than a person. */
export const ORG_WORDS = set(`
ministry, ministries, police, commission, committee, council, department, agency, bank, embassy, embassies, government,
union, association, organisation, organization, network, office, group, forum, university, court, parliament, assembly,
army, forces, force, senate, party, fund, institute, centre, center, foundation, authority, authorities, bureau, service,
services, secretariat, cabinet, coalition, corporation, company, ltd, inc, academy, navy, gendarmerie, guard, programme,
program, summit, conference, alliance, federation, board, chamber, club, society, trust, task, unit, division, directorate,
court, tribunal, congress, house, league, mission, delegation, post, times, news, daily, herald, journal, gazette, press,
tribune, review, courier, wire, agency, radio, television, tv, network, channel, exchange, market, fund, facebook, twitter,
telegram, whatsapp, youtube, tiktok, x, nations, games, cup, championship, olympics, festival, school, college, hospital,
clinic, prison, airport, port, station, group, holdings, bank, partners, capital, consortium, initiative, project, plan,
framework, strategy, process, dialogue, agreement, treaty, convention, accord, protocol, declaration, charter, act, law, code,
report, index, list, year, day, week, month, gazette, committee's, ministry's, nato, asean, un, eu, who, imf, wto, apec
`);

/** Heads that make a capitalised run a place. */
export const PLACE_WORDS = set(`
river, sea, ocean, lake, gulf, bay, strait, island, islands, mountain, mountains, hill, hills, valley, province, provinces,
district, districts, city, town, village, commune, county, state, region, street, road, avenue, boulevard, square, bridge,
palace, hall, building, tower, hotel, base, camp, border, crossing, checkpoint, park, peninsula, coast, delta, plateau,
basin, canal, highway, port, harbour, harbor, capital, kingdom, republic, empire, peace, north, south, east, west, central,
northern, southern, eastern, western, upper, lower, greater, new
`);

/** Capitalised words that start sentences or clauses and are never part of a name. */
export const STOP_CAPS = set(`
the, a, an, in, on, at, during, following, according, after, before, he, she, it, they, we, i, you, his, her, their, our, its,
this, that, these, those, but, and, or, despite, while, when, if, as, for, with, by, from, of, notably, however, meanwhile,
also, later, earlier, last, next, since, until, under, over, about, between, among, amid, through, to, there, here, what, who,
whom, which, where, why, how, both, all, some, many, most, such, each, every, other, another, no, not, yes, so, thus, then,
still, yet, now, today, yesterday, tomorrow, tonight, speaking, asked, addressing, responding, citing, separately, apart,
additionally, furthermore, moreover, nevertheless, nonetheless, instead, indeed, although, though, because, once, unless,
whether, my, me, us, them, him, one, two, three, several, more, less, few, update, breaking, exclusive, analysis, opinion,
editorial, photo, video, watch, read, related, more, top, latest, home, mr, mrs, ms, dr, sir, madam, plus, via, per
`);

/** Lower-case particles that may stand inside a name: "Sanne de Vries", "Ahmad bin Ali". */
export const NAME_PARTICLES = set(
  `de, ng, van, von, der, den, da, di, du, la, le, bin, binti, ibn, al, el, dos, das, del, ter, ten, zu, af`,
);

export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Country names (lower case, as written) → the name to show. Multi-word names included. */
const COUNTRY_LIST = `
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahamas, Bahrain,
Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia and Herzegovina, Botswana, Brazil, Brunei,
Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Cape Verde, Central African Republic, Chad, Chile, China,
Colombia, Comoros, Congo, Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominica,
Dominican Republic, East Timor, Timor-Leste, Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini,
Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau,
Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Ivory Coast, Jamaica, Japan,
Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos, Lao PDR, Latvia, Lebanon, Lesotho, Liberia, Libya,
Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania,
Mauritius, Mexico, Micronesia, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru,
Nepal, Netherlands, New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Norway, Oman, Pakistan, Palau,
Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda,
Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia,
Solomon Islands, Somalia, South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland,
Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago, Tunisia, Turkey, Türkiye, Turkmenistan,
Tuvalu, Uganda, Ukraine, United Arab Emirates, UAE, United Kingdom, UK, U.K., Britain, Great Britain, United States,
United States of America, US, U.S., USA, America, Uruguay, Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Viet Nam,
Yemen, Zambia, Zimbabwe, Korea, Hong Kong, Macau, Scotland, England, Wales, European Union, EU,
Democratic Republic of Congo, Democratic Republic of the Congo, DR Congo, DRC, Republic of Congo, Republic of the Congo
`;

export const COUNTRIES = new Map<string, string>(
  COUNTRY_LIST.split(",")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .map((name) => [lower(name), name]),
);

/** Demonyms (lower case) → country. */
export const DEMONYMS = new Map<string, string>(
  Object.entries({
    afghan: "Afghanistan",
    albanian: "Albania",
    algerian: "Algeria",
    american: "United States",
    angolan: "Angola",
    argentine: "Argentina",
    argentinian: "Argentina",
    armenian: "Armenia",
    australian: "Australia",
    austrian: "Austria",
    azerbaijani: "Azerbaijan",
    bangladeshi: "Bangladesh",
    belarusian: "Belarus",
    belgian: "Belgium",
    bhutanese: "Bhutan",
    bolivian: "Bolivia",
    brazilian: "Brazil",
    british: "United Kingdom",
    bruneian: "Brunei",
    bulgarian: "Bulgaria",
    burmese: "Myanmar",
    cambodian: "Cambodia",
    khmer: "Cambodia",
    cameroonian: "Cameroon",
    canadian: "Canada",
    chilean: "Chile",
    chinese: "China",
    colombian: "Colombia",
    croatian: "Croatia",
    cuban: "Cuba",
    cypriot: "Cyprus",
    czech: "Czech Republic",
    danish: "Denmark",
    dutch: "Netherlands",
    ecuadorian: "Ecuador",
    egyptian: "Egypt",
    emirati: "United Arab Emirates",
    english: "England",
    estonian: "Estonia",
    ethiopian: "Ethiopia",
    fijian: "Fiji",
    filipino: "Philippines",
    philippine: "Philippines",
    finnish: "Finland",
    french: "France",
    georgian: "Georgia",
    german: "Germany",
    ghanaian: "Ghana",
    greek: "Greece",
    guatemalan: "Guatemala",
    hungarian: "Hungary",
    icelandic: "Iceland",
    indian: "India",
    indonesian: "Indonesia",
    iranian: "Iran",
    iraqi: "Iraq",
    irish: "Ireland",
    israeli: "Israel",
    italian: "Italy",
    jamaican: "Jamaica",
    japanese: "Japan",
    jordanian: "Jordan",
    kazakh: "Kazakhstan",
    kazakhstani: "Kazakhstan",
    kenyan: "Kenya",
    korean: "Korea",
    "south korean": "South Korea",
    "north korean": "North Korea",
    kuwaiti: "Kuwait",
    kyrgyz: "Kyrgyzstan",
    lao: "Laos",
    laotian: "Laos",
    latvian: "Latvia",
    lebanese: "Lebanon",
    liberian: "Liberia",
    libyan: "Libya",
    lithuanian: "Lithuania",
    malagasy: "Madagascar",
    malawian: "Malawi",
    malaysian: "Malaysia",
    maldivian: "Maldives",
    malian: "Mali",
    maltese: "Malta",
    mexican: "Mexico",
    moldovan: "Moldova",
    mongolian: "Mongolia",
    moroccan: "Morocco",
    mozambican: "Mozambique",
    myanmar: "Myanmar",
    namibian: "Namibia",
    nepalese: "Nepal",
    nepali: "Nepal",
    "new zealand": "New Zealand",
    nicaraguan: "Nicaragua",
    nigerian: "Nigeria",
    nigerien: "Niger",
    norwegian: "Norway",
    omani: "Oman",
    pakistani: "Pakistan",
    palestinian: "Palestine",
    panamanian: "Panama",
    paraguayan: "Paraguay",
    peruvian: "Peru",
    polish: "Poland",
    portuguese: "Portugal",
    qatari: "Qatar",
    romanian: "Romania",
    russian: "Russia",
    rwandan: "Rwanda",
    samoan: "Samoa",
    saudi: "Saudi Arabia",
    scottish: "Scotland",
    senegalese: "Senegal",
    serbian: "Serbia",
    singaporean: "Singapore",
    slovak: "Slovakia",
    slovenian: "Slovenia",
    somali: "Somalia",
    "south african": "South Africa",
    spanish: "Spain",
    "sri lankan": "Sri Lanka",
    sudanese: "Sudan",
    swedish: "Sweden",
    swiss: "Switzerland",
    syrian: "Syria",
    taiwanese: "Taiwan",
    tajik: "Tajikistan",
    tanzanian: "Tanzania",
    thai: "Thailand",
    timorese: "Timor-Leste",
    tongan: "Tonga",
    tunisian: "Tunisia",
    turkish: "Turkey",
    turkmen: "Turkmenistan",
    ugandan: "Uganda",
    ukrainian: "Ukraine",
    uruguayan: "Uruguay",
    uzbek: "Uzbekistan",
    venezuelan: "Venezuela",
    vietnamese: "Vietnam",
    congolese: "Congo",
    welsh: "Wales",
    yemeni: "Yemen",
    zambian: "Zambia",
    zimbabwean: "Zimbabwe",
    european: "European Union",
  }),
);

/** Longest country name in words, for multi-word lookups. */
export const MAX_COUNTRY_WORDS = 5;

/** The first word of every country name (as `lower` gives it): a word that is none starts no country's name. */
export const COUNTRY_FIRST_WORDS: ReadonlySet<string> = new Set([...COUNTRIES.keys()].map((k) => k.split(" ")[0]));

/** "-ology", "-ture", "-ment"…: capitalised words of this shape are portfolios, not names. */
export const PORTFOLIO_SHAPE =
  /(?:ology|ologies|ture|tures|ment|ments|tion|tions|sion|sions|ance|ances|ence|ences|ity|ities|ism|ics|ship|ness|ries|[a-z]{3}ing)$/i;

/** Verbs after which a capitalised run is a person: "Sar Kheng said", "Redshaw told". */
export const PERSON_VERBS = set(`
said, says, told, tells, added, adds, noted, notes, wrote, writes, stated, states, stressed, stresses, emphasised, emphasized,
explained, explains, announced, announces, urged, urges, asked, asks, called, calls, appealed, appeals, requested, requests,
pledged, pledges, vowed, vows, promised, promises, committed, commits, reiterated, reiterates, reaffirmed, affirmed,
assured, assures, met, meets, received, receives, hosted, hosts, visited, visits, thanked, thanks, welcomed, welcomes,
praised, praises, commended, commends, expressed, expresses, acknowledged, acknowledges, warned, warns, insisted, insists,
argued, argues, claimed, claims, denied, denies, confirmed, confirms, agreed, agrees, signed, signs, spoke, speaks,
continued, continues, believes, believed, hoped, hopes, suggested, suggests, recalled, recalls, admitted, admits,
presided, chaired, led, leads, accepted, declined, refused, invited, invites, discussed, discusses, held, holds,
highlighted, highlights, underlined, underscored, pointed, remarked, replied, responded, questioned, criticised,
criticized, complimented, congratulated, paid, outlined, described, revealed, reported, observed, concluded,
undertook, undertakes, sat, spoke, talked, conferred, telephoned, phoned, briefed, toured, accompanied, joined, greeted,
offered, guaranteed, sought, took, made, gave, arrived, travelled, traveled, attended, addressed, inked, proposed,
presented, handed, donated, pressed, demanded
`);
