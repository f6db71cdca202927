/**
 * The words of a question that are not what it is about: question and function words, and
 * the chat a reporter wraps a request in ("anything new on …? need it for the 5pm piece").
 * What is left is what to look for.
 */

const list = (s: string) => new Set(s.trim().split(/\s+/));

/** Question and function words. */
export const FUNCTION_WORDS = list(`
who whom whose what when where which why how did does do doing done has have having had was were is are be been being
will would could should can may might must shall the a an and or but nor with without in on at of to for from about
into onto upon over under between among against across through during since before after until till by as than then
that this these those there here it its it's they them their theirs he him his she her hers we us our you your i me my
mine any anything anyone anybody some something someone ever all each every both either neither not no yes so such
very just also only even still yet again other another more most much many few less least own same too up down out off
if whether while also whatever whoever else
`);

/** Words that ask rather than name: "what was said about", "what has been reported", "the latest on". */
export const ASKING_WORDS = list(`
said say says saying reported told tell happened happen happens happening going latest recent recently newest lately
currently mentioned talked written wrote
`);

/** Words that ask only where they lead ("list meetings", "show me") or frame ("any news on", "details about"). */
const FRAMING_WORDS = list(
  `list show find give search look tell news update updates info information details detail word`,
);
const FRAMED_BY = list(`on about of regarding re concerning around for`);
const ASKED_BY = list(`you to me us can could would please pls i we`);

/** Newsroom chat around a request: deadlines, pieces, greetings, thanks. */
export const CHAT_WORDS = list(`
hi hey hello hiya morning afternoon evening folks guys team all thanks thank thx ty cheers ta appreciate appreciated
need needs needed looking look lookup check checking quick quickly asap urgent urgently soon today
tonight tomorrow yesterday now later deadline deadlines piece pieces story stories article articles copy draft drafts
filing file files desk editor editors wire pitch column segment package bulletin broadcast splash lead leads pls plz
anyone anybody someone somebody got get getting have has something anything stuff thing things
bit little bot mate please can could would will you me us we i my our it that this for the a an on of to any
`);

/** A time of day or a clock time: "5pm", "10:30", "noon". */
const CLOCK = /^(\d{1,2}([:.]\d{2})?\s*(am|pm|h)?|noon|midnight|eod|cob|tonight|today)$/i;

/** A word without the punctuation around it. */
export const bare = (word: string) => word.replace(/^['’"“”([]+|['’"“”).,;:!?\]]+$/g, "").replace(/['’]s$/, "");

/** Is the word at `i` chat, asking or function words rather than what the message is about? */
function isChat(words: readonly string[], i: number, chat: boolean): boolean {
  const b = bare(words[i]);
  const w = b.toLowerCase();
  if (w === "" || CLOCK.test(w)) return true;
  // A capital mid-sentence ("New Zealand", "the Need Foundation") is a name, whatever the word.
  const capital = /^\p{Lu}/u.test(b);
  if (capital && i > 0 && !FUNCTION_WORDS.has(w)) return false;
  // …and so is a capital first word with a capital after it ("New Delhi talks").
  const next = bare(words[i + 1] ?? "");
  if (capital && i === 0 && /^\p{Lu}/u.test(next) && !FUNCTION_WORDS.has(next.toLowerCase())) return false;
  if (FUNCTION_WORDS.has(w) || ASKING_WORDS.has(w) || (chat && CHAT_WORDS.has(w))) return true;
  // "anything new on …", "what's new with …" — but "a new body", "new rules" are the subject.
  if (w === "new") return /^(anything|something|what's|whats|what’s|nothing|any)$/i.test(bare(words[i - 1] ?? ""));
  if (!FRAMING_WORDS.has(w)) return false;
  return i === 0 || FRAMED_BY.has(next.toLowerCase()) || ASKED_BY.has(bare(words[i - 1]).toLowerCase());
}

/** The words of `text` worth looking for, as written, in order (chat words too when `chat`). */
export function contentWords(text: string, chat = false): string[] {
  const kept: string[] = [];
  for (const sentence of text.split(/(?<=[.?!;])\s+|\s+[-–—]\s+|\s*\|\s*|\n+/)) {
    const words = sentence.split(/\s+/).filter(Boolean);
    words.forEach((word, i) => {
      if (!isChat(words, i, chat)) kept.push(bare(word));
    });
  }
  return kept.filter(Boolean);
}

/**
 * A conversational message as a search query: chat, question and function words dropped,
 * the rest kept in order and as written. "Anything new on the FATF grey list? Need it for
 * the 5pm piece" → "FATF grey list". Returns the text unchanged when nothing would be left.
 */
export function queryFromChat(message: string): string {
  const query = contentWords(message, true).join(" ");
  return query === "" ? message.trim() : query;
}
