/** Word lists the synthetic briefings are made from: the vocabulary of regional security and diplomacy news. */

const words = (s: string) => s.trim().split(/\s*\|\s*/);

export const COUNTRIES =
  words(`Cambodia | Vietnam | Thailand | Laos | Myanmar | Malaysia | Singapore | Indonesia | the Philippines | Japan |
  China | South Korea | India | Australia | New Zealand | the United Kingdom | the United States | France | Germany | Canada |
  Kenya | Uganda | Tanzania | Brazil | Chile | Mexico | Turkey | Qatar | the United Arab Emirates | Bangladesh | Sri Lanka |
  Nepal | Mongolia | Brunei | Timor-Leste | Switzerland | Sweden | Norway | Italy | Spain | Valdoria | Kestria`);

export const DEMONYMS: Record<string, string> = {
  Cambodia: "Cambodian",
  Vietnam: "Vietnamese",
  Thailand: "Thai",
  Laos: "Lao",
  Japan: "Japanese",
  China: "Chinese",
  "the United Kingdom": "British",
  "the United States": "US",
  France: "French",
  Australia: "Australian",
  India: "Indian",
  Indonesia: "Indonesian",
  Malaysia: "Malaysian",
  Singapore: "Singaporean",
  "South Korea": "South Korean",
  Kenya: "Kenyan",
};

export const CITIES =
  words(`Phnom Penh | Siem Reap | Battambang | Sihanoukville | Kampot | Mondulkiri | Ratanakkiri | Hanoi |
  Ho Chi Minh City | Bangkok | Vientiane | Kuala Lumpur | Jakarta | Manila | Tokyo | Seoul | Beijing | Canberra | London |
  Washington | Paris | Geneva | Nairobi | Kampala | New Delhi | Dhaka | Yangon | Naypyidaw | Chiang Mai | Da Nang | Sarn`);

export const VENUES = words(`Peace Palace | Ministry of Interior | Council of Ministers | National Assembly | Senate |
  Government Palace | Marble Palace | Sokha Hotel | Chaktomuk Conference Hall | National Police headquarters |
  provincial hall | embassy | Royal Palace | Foreign Ministry`);

export const MINISTRIES =
  words(`Interior | Foreign Affairs and International Cooperation | Economy and Finance | Public Security |
  Justice | Health | Education, Youth and Sport | Commerce | Labour and Vocational Training | Agriculture, Forestry and Fisheries |
  Mines and Energy | Tourism | Environment | Information | Defence | Public Works and Transport | Posts and Telecommunications |
  Women's Affairs | Land Management | Industry, Science, Technology and Innovation`);

export const PERSON_TITLES =
  words(`Minister of Interior | Prime Minister | Deputy Prime Minister | Minister of Foreign Affairs |
  Minister of Justice | Minister of Health | Minister of Commerce | Minister of Economy and Finance | Secretary of State |
  National Police Commissioner General | Deputy Commissioner | Lt. Gen. | Governor | Senate President | ambassador |
  outgoing ambassador | Deputy Governor | spokesperson | Director-General | Chief of Staff | Police Chief | provincial governor`);

export const ROLES = words(`executive director of the NGO {org} | spokesperson for the Ministry of {ministry} |
  permanent vice-chair of the {org} | president of the {org} | secretary of state at the Ministry of {ministry} |
  operations director at rights group {org} | deputy director of the {org} | a senior researcher at the {org} |
  head of the {org} | chairman of the {org}`);

export const ORG_HEADS =
  words(`National Committee for | Affiliated Network for | Institute for | Centre for | Council for |
  Alliance for | Association for | Commission on | Coalition for | Foundation for`);

export const ORG_TAILS =
  words(`Counter Trafficking | Social Accountability | Human Rights | Cooperation and Peace | Press Freedom |
  Financial Intelligence | Anti-Corruption | Legal Aid | Disaster Management | Digital Security | Labour Rights |
  Land Reform | Clean Water | Road Safety | Drug Control | Mine Action | Youth Development | Migrant Workers | Fair Elections`);

export const TOPICS =
  words(`cybercrime | human trafficking | money laundering | drug trafficking | transnational crime | online scams |
  border security | counter-terrorism | illegal logging | wildlife trafficking | cross-border crime | narcotics |
  trade | investment | energy | electricity trading | climate change | public health | vaccine supply | education |
  infrastructure | railway construction | port development | fisheries | rice exports | the garment industry | tourism |
  land disputes | labour rights | press freedom | judicial reform | corruption | the digital economy | cybersecurity |
  flood relief | mine clearance | water management | food security | migrant workers | road safety | refugee returns |
  maritime security | customs fraud | tax evasion | election monitoring | vocational training | rural electrification |
  hydropower | solar energy | financial technology | anti-drug operations | police training | peacekeeping`);

export const ACTIONS = words(`strengthen cooperation on | combat | crack down on | invest in | expand | fund | support |
  step up efforts against | tackle | cooperate on | share information on | improve | boost | curb | prevent |
  deepen ties in | promote | modernise | address | fight`);

export const GERUNDS = words(`combating | strengthening cooperation on | fighting | expanding | funding | supporting |
  tackling | improving | promoting | preventing | addressing | modernising`);

export const ADJECTIVES =
  words(`limited | complex | urgent | significant | effective | strong | serious | growing | regional |
  bilateral | comprehensive | sustainable | national | international | transparent | difficult | notable | positive |
  recent | further | additional | broader | fragile | steady | considerable | persistent | unprecedented | modest`);

export const NOUNS =
  words(`capacity | resources | cooperation | efforts | progress | relations | partnership | security | trust |
  mechanisms | experience | assistance | training | challenges | measures | reforms | strategy | investigation | prosecution |
  enforcement | framework | agreement | commitment | support | development | stability | prosperity | growth | threats |
  networks | officials | authorities | victims | communities | residents | officers | investors | exports | budget |
  programmes | indicators | complaints | incidents | operations | consultations | negotiations | infrastructure | policy`);

export const ADVERBS = words(
  `rapidly | steadily | significantly | considerably | gradually | sharply | markedly | slowly`,
);

export const GROUPS =
  words(`members of the law enforcement community | provincial authorities | ASEAN member countries |
  development partners | civil society groups | private sector investors | border police | local residents |
  neighbouring countries | the international community | ministry officials | donor countries`);

export const OUTLETS =
  words(`The Phnom Penh Post | EAC News | Khmer Times | Northern Courier | Mekong Herald | Asia Wire |
  Regional Dispatch | The Capital Observer | Southeast Asia Monitor | Coastal Gazette`);

export const MONTHS = words(
  `January | February | March | April | May | June | July | August | September | October | November | December`,
);

export const WEEKDAYS = words(`Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday`);
