/**
 * Derived words the Porter stemmer leaves apart: the doer and the deed ("smuggler" and
 * "smuggling", "scammer" and "scam", "fraudster" and "fraud", "terrorist" and "terrorism").
 * For a query's stemmed word, the stems it may stand for; the index decides which exist.
 */
const AGENT = /^(.{3,}?)(ster|er|or|ist)$/;

/** Doer stems whose "deed" is another word: "former" is not "form", "border" not "bord". */
const FALSE_FRIENDS = new Set(
  `former number order border sector member center centr paper water power partner quarter matter letter winter summer
  under after other offer officer minister monster master sister mister poster roster register computer chapter
  charter character corner dinner finger hunter hammer ladder manner cancer lawyer player prayer flower tower
  chair motor mirror doctor error horror honor honour favor favour vigor labor labour rumor tumor terror mayor
  senior junior major minor prior interior exterior superior inferior anterior tenor editor
  list mist twist exist assist insist resist consist persist wrist`.split(/\s+/),
);

const undouble = (s: string) => (/([b-df-hjkmnp-rtv-z])\1$/.test(s) ? s.slice(0, -1) : s);

export function derivedStems(term: string): string[] {
  if (!/^[a-z]+$/.test(term)) return [];
  const out = new Set<string>();
  const doer = AGENT.exec(term);
  if (doer && !FALSE_FRIENDS.has(term)) {
    out.add(doer[1]);
    out.add(undouble(doer[1]));
  } else if (term.length >= 4) {
    // The stemmer already took "-er" off some doers ("kidnapper" → "kidnapp").
    out.add(undouble(term));
    for (const ending of ["er", "ster", "ist"]) if (!FALSE_FRIENDS.has(term + ending)) out.add(term + ending);
    if (/[^aeiou][aeiou][b-df-hj-np-tv-z]$/.test(term)) out.add(`${term}${term.at(-1)}er`);
  }
  out.delete(term);
  return [...out].filter((s) => s.length >= 4);
}
