/**
 * The long tail of a news vocabulary: common nouns, adjectives and past-tense verbs, drawn
 * with a skew so that a few are everywhere and most are rare, as in real reporting. Without
 * it the corpus is a few templates and every common word is in a sixth of all paragraphs,
 * which makes every search far heavier than on a real archive.
 */
const list = (s: string) => s.trim().split(/\s+/);

export const TAIL_NOUNS = list(`
  agreement allocation ambulance analysis appeal arbitration arrest assembly audit authority ballot bank barrier battalion
  beneficiary bid bill border bridge brigade budget bureau cabinet campaign canal candidate capital cargo cashew cassava
  cattle cement census charity checkpoint citizen clinic coalition coast commune compensation complaint concession
  conference construction consulate contract convoy corridor council court credit crop currency customs dam debt decree
  delegation deposit deputy detention diesel diplomat disease district dividend doctor donation drainage drought
  embassy employer engineer enterprise equipment estate evidence exchange expansion expert export factory farmer fee
  ferry fertiliser festival fine fishermen flight forecast forest fraud freight fuel fund garment grant gravel guideline
  harbour harvest headquarters highway hospital household housing import incentive income inflation inspection
  inspector insurance interest inventory irrigation journalist judge jury kindergarten labourer lake landmine lawyer
  lease legislation levy licence loan lorry machinery magistrate manufacturer market mayor memorandum merchant
  migration militia monsoon mortgage motorway municipality negotiation nurse ordinance outbreak overpass paddy parliament
  passenger patent patrol payroll pension permit pharmacy pipeline plantation plaintiff plot pollution portfolio poverty
  premium procurement prosecutor province quarry quota railway ransom rebate recruit referendum refinery regulation
  remittance reservoir resettlement revenue rice riverbank roadblock rubber salary sanction sanitation savings scholarship
  seaport sediment seminar settlement sewage shareholder shipment shortage shrimp smuggler subsidy substation sugar
  summit supplier surplus survey suspect tariff taxpayer teacher telecom tenant tender terminal textile timber toll tourist
  tractor trader tribunal truck tuition turbine typhoon union university vaccine vendor verdict veteran village volunteer
  voter wage warehouse wastewater watershed welfare wetland wholesale workshop yield`);

export const TAIL_ADJECTIVES = list(`
  annual arbitrary bankrupt cautious chronic coastal commercial competitive controversial criminal crucial cumulative
  damaged decentralised delayed domestic drastic dry efficient elderly electoral eligible emerging environmental
  expensive experimental external fiscal foreign formal fraudulent habitual hazardous illegal imported inadequate
  industrial informal initial interim judicial landlocked lengthy local lucrative maritime medical mobile monthly
  mountainous municipal mutual nationwide nominal northern offshore overdue overseas pending preliminary private
  provincial public rural seasonal secondary southern specialised strategic structural subsidised suspended temporary
  tentative unpaid unregistered upstream urban vulnerable weekly wholesale`);

export const TAIL_VERBS = list(`
  allocated approved arrested audited awarded banned boosted cancelled charged cleared collapsed completed confiscated
  criticised cut delayed demolished deployed detained disbursed dismissed distributed drafted evacuated expanded exported
  extended fined flooded granted halted hired imposed imported inaugurated inspected installed investigated launched
  leased lifted negotiated opened postponed prosecuted raided ratified rebuilt recalled reclaimed recovered recruited
  registered rejected relocated renewed repaired repatriated resumed revoked seized settled signed suspended terminated
  upgraded vacated withdrew`);
