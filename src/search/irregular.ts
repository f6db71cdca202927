/**
 * Irregular English forms the Porter stemmer cannot join to their base word ("met" → "meet",
 * "fled" → "flee", "children" → "child"), applied before stemming, to paragraphs and queries
 * alike. Forms that are also common words of another meaning in news ("left", "saw", "fed",
 * "won", "lay", "bound", "ground", "bit", "leaves", "bases", "media", "data") are deliberately absent.
 */
const VERBS = `
arise arose arisen|awake awoke awoken|be was were been|bear bore borne|beat beaten|become became|begin began begun|
bend bent|bet|bid|bite bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|
build built|burn burnt|burst|buy bought|catch caught|choose chose chosen|cling clung|come came|cost|creep crept|
cut|deal dealt|dig dug|do did done|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|
fall fell fallen|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|
grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|kneel knelt|know knew known|
lead led|lend lent|let|light lit|lose lost|make made|mean meant|meet met|mislead misled|mistake mistook mistaken|
overcome overcame|oversee oversaw overseen|overtake overtook overtaken|pay paid|prove proven|put|quit|read|
ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see seen|seek sought|sell sold|send sent|set|
shake shook shaken|shoot shot|show shown|shut|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|
speak spoke spoken|spend spent|spread|stand stood|steal stole stolen|stick stuck|sting stung|strike struck|
swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|tear tore torn|tell told|
think thought|throw threw thrown|understand understood|undertake undertook undertaken|uphold upheld|
wake woke woken|wear wore worn|weep wept|win|withdraw withdrew withdrawn|withhold withheld|write wrote written`;

const NOUNS = `child children|man men|woman women|person people persons|policeman policemen|policewoman policewomen|
chairman chairmen|chairwoman chairwomen|spokesman spokesmen|spokeswoman spokeswomen|businessman businessmen|
businesswoman businesswomen|congressman congressmen|fisherman fishermen|gunman gunmen|foot feet|tooth teeth|
mouse mice|criterion criteria|phenomenon phenomena|analysis analyses|crisis crises|
thesis theses|diagnosis diagnoses|life lives|wife wives|knife knives|thief thieves|
half halves|shelf shelves|wolf wolves`;

function table(lines: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of lines.split("|")) {
    const [base, ...forms] = entry.trim().split(/\s+/);
    for (const form of forms) if (form !== base && !map.has(form)) map.set(form, base);
  }
  return map;
}

export const IRREGULAR: ReadonlyMap<string, string> = new Map([...table(VERBS), ...table(NOUNS)]);

/** The base word of an irregular form ("fled" → "flee"), or the word itself. */
export const baseForm = (word: string): string => IRREGULAR.get(word) ?? word;
