/**
 * Clauses of a sentence, just enough to tell who does what: where each clause starts,
 * which clauses are reported speech (and whose), and the subject of a verb — with fronted
 * phrases skipped ("On January 23, Lam and … signed"), coordinated subjects joined
 * ("Cambodia and Vietnam are committed"), split clauses kept apart ("Manet noted …, while
 * Lam reiterated …") and shared subjects followed ("Ssempa committed … and appealed …").
 */
import { isSubjectLike, isVerbish, PREPOSITIONS } from "./coref.ts";
import { affiliatedPerson, type Mention } from "./mentions.ts";
import { COUNTRIES, DEMONYMS } from "./lexicon.ts";
import { isTitleWord } from "./names.ts";
import type { Token } from "./tokens.ts";

export const SPEECH_VERBS = new Set([
  "said",
  "says",
  "told",
  "tells",
  "added",
  "adds",
  "noted",
  "notes",
  "stated",
  "states",
  "stressed",
  "stresses",
  "emphasised",
  "emphasized",
  "explained",
  "announced",
  "insisted",
  "warned",
  "confirmed",
  "affirmed",
  "assured",
  "acknowledged",
  "reiterated",
  "declared",
  "revealed",
  "claimed",
  "argued",
  "wrote",
  "writes",
  "posted",
  "maintained",
  "underlined",
  "underscored",
  "highlighted",
  "reported",
  "informed",
  "remarked",
  "replied",
  "responded",
  "indicated",
  "pointed",
  "saying",
  "adding",
  "noting",
  "stressing",
  "stating",
  "explaining",
  "announcing",
  "insisting",
  "warning",
  "believes",
  "believed",
  "hoped",
  "hopes",
  "expects",
  "expected",
  "thinks",
  "thought",
  "felt",
  "feels",
  "considered",
  "considers",
  "hope",
  "expect",
  "think",
  "believe",
  "feel",
  "fear",
  "fears",
  "feared",
  "doubt",
  "doubts",
  "doubted",
  "predicted",
  "predicts",
  "reaffirmed",
  "reaffirms",
  "restated",
  "disclosed",
  "signalled",
  "signaled",
  "vowed",
  "promised",
  "pledged",
  "guaranteed",
]);
/** Verbs whose reported clause is a wish or opinion, not a commitment. */
export const HOPE_VERBS = new Set([
  "hoped",
  "hopes",
  "expects",
  "expected",
  "thinks",
  "thought",
  "felt",
  "feels",
  "believes",
  "believed",
  "considered",
  "considers",
  "wished",
  "wishes",
  "wants",
  "wanted",
  "suggested",
  "suggests",
  "hope",
  "expect",
  "think",
  "believe",
  "feel",
  "wish",
  "want",
  "fear",
  "fears",
  "feared",
  "doubt",
  "doubts",
  "doubted",
  "predicted",
  "predicts",
  "speculated",
  "guessed",
]);
const OBJECT_VERBS = new Set(["told", "tells", "assured", "informed", "reminded", "warned"]);
const CONTRAST = new Set(["while", "whereas", "but", "although", "though", "yet"]);
const FRONTED = new Set([
  "on",
  "in",
  "during",
  "following",
  "after",
  "before",
  "at",
  "later",
  "earlier",
  "according",
  "despite",
  "notably",
  "meanwhile",
  "separately",
  "also",
  "speaking",
  "addressing",
  "since",
  "under",
  "with",
  "amid",
  "as",
  "for",
  "by",
  "the",
  "this",
  "last",
  "that",
  "however",
  "moreover",
  "furthermore",
  "additionally",
  "today",
  "yesterday",
  "once",
  "when",
  "upon",
  "over",
  "through",
  "earlier",
  "previously",
  "recently",
  "then",
]);

/** Conjunctions that open a clause with its own subject ("after X met Y", "when she signed"). */
const SUBORDINATORS = new Set([
  "after",
  "before",
  "when",
  "because",
  "since",
  "until",
  "once",
  "as",
  "whereas",
  "although",
  "though",
  "if",
  "unless",
]);

/** Does a subject and its verb start at token i ("Minister X held", "the two sides agreed", "she said")? */
function subjectClauseAt(tokens: Token[], mentions: Mention[], i: number): boolean {
  const m = mentions.find((x) => x.first === i || (x.first === i + 1 && tokens[i].low === "the"));
  if (!m) return false;
  let k = m.last + 1;
  while (tokens[k] && /^(?:also|then|later|had|has|have|jointly|both|all|first|again)$/.test(tokens[k].low)) k++;
  return isVerbish(tokens, k);
}

export interface Boundary {
  /** First token of the clause. */
  at: number;
  /** Reported speech: the token index of the speech verb whose content starts here. */
  speechVerb: number | null;
  /** The main clause resumes after a relative clause ("X, who …, pledged"): X's mention. */
  antecedent?: Mention;
}

export interface ClauseView {
  tokens: Token[];
  mentions: Mention[];
  boundaries: Boundary[];
}

/**
 * A quotation's edges ("“We will …,” he said"), not a phrase quoted inline ("review the cases “as a matter of
 * priority”").
 */
function quotationEdge(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const opening =
    t.text === "“" || (t.text === '"' && (i === 0 || [",", ":", "(", "—", "–"].includes(prev?.text ?? "")));
  return opening
    ? i === 0 || [",", ":", "—", "–", "("].includes(prev?.text ?? "")
    : [",", ".", "!", "?", "…"].includes(prev?.text ?? "");
}

/**
 * "Roman Vassilenko, who is on a visit to Cambodia, met …": where the relative clause closes, its antecedent's
 * clause goes on. Null if it does not.
 */
function relativeClauseEnd(tokens: Token[], mentions: Mention[], i: number): Boundary | null {
  const t = tokens[i];
  const antecedent =
    tokens[i - 1]?.text === "," ? mentions.find((m) => m.last === i - 2 && m.kind !== "pronoun") : undefined;
  if (antecedent && (t.low === "who" || t.low === "which")) {
    for (let c = i + 2; c < tokens.length - 1 && c < i + 30; c++) {
      if (
        tokens[c].text === ";" ||
        tokens[c].text === "“" ||
        tokens[c].text === "”" ||
        ["who", "which"].includes(tokens[c].low)
      )
        break;
      if (tokens[c].text !== ",") continue;
      let v = c + 1;
      while (
        v < tokens.length &&
        /^(?:also|then|later|had|has|have|first|again|jointly|both|on|in)$/.test(tokens[v].low) &&
        v < c + 3
      )
        v++;
      if (isVerbish(tokens, v) && !SPEECH_VERBS.has(tokens[c - 1]?.low ?? "")) {
        return { at: c + 1, speechVerb: null, antecedent };
      }
    }
  }
  return null;
}

/** "said (that) …", "told The Post that …", "assured the delegation that …": where the reported speech starts. */
function reportedSpeechStart(
  tokens: Token[],
  i: number,
  mentionAt: (i: number) => Mention | undefined,
): Boundary | null {
  const t = tokens[i];
  let k = i + 1;
  // "announced, however, that …", "said, for his part, that …": a short aside first.
  if (tokens[k]?.text === ",") {
    const close = tokens.findIndex((x, j) => j > k && j <= k + 5 && x.text === ",");
    if (
      close > 0 &&
      tokens[close + 1]?.low === "that" &&
      tokens.slice(k + 1, close).every((x) => x.kind === "word" && !x.cap)
    )
      k = close + 1;
  }
  if (OBJECT_VERBS.has(t.low)) {
    const obj = mentionAt(k);
    if (obj) {
      k = obj.last + 1;
      // "told Chanthol during the meeting that …": a short phrase before "that".
      const that = tokens.findIndex((x, j) => j >= k && j <= k + 6 && x.low === "that");
      if (that > k && tokens.slice(k, that).every((x) => x.kind === "word") && PREPOSITIONS.has(tokens[k].low))
        k = that;
    } else if (
      tokens[k] &&
      /^(reporters|journalists|the|a|him|her|them|us|me|parliament|lawmakers|delegates|participants|officials)$/i.test(
        tokens[k].low,
      )
    ) {
      k++;
      while (
        tokens[k] &&
        tokens[k].kind === "word" &&
        !["that", "about", "on", "in", "at"].includes(tokens[k].low) &&
        k - i < 6
      )
        k++;
    }
  }
  if (tokens[k]?.low === "that") return { at: k + 1, speechVerb: i };
  // "said during his visit, he and … discussed …": a fronted phrase, then the reported clause's subject.
  if (PREPOSITIONS.has(tokens[k]?.low ?? "")) {
    const comma = tokens.findIndex((x, j) => j > k && j <= k + 8 && x.kind === "punct");
    const subject = comma > 0 && tokens[comma].text === "," ? mentionAt(comma + 1) : undefined;
    const plain = tokens.slice(k + 1, comma).every((x, j) => !isVerbish(tokens, k + 1 + j));
    if (subject && plain && ["person", "pronoun", "role"].includes(subject.kind)) return { at: k, speechVerb: i };
  }
  if (
    tokens[k] &&
    tokens[k].kind === "word" &&
    !PREPOSITIONS.has(tokens[k].low) &&
    tokens[k].low !== "that" &&
    tokens[i - 1]?.text !== "”"
  ) {
    return { at: k, speechVerb: i };
  }
  return null;
}

export function clauseBoundaries(tokens: Token[], mentions: Mention[]): Boundary[] {
  const out: Boundary[] = [{ at: 0, speechVerb: null }];
  const mentionAt = (i: number) => mentions.find((m) => m.first === i);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === ";" || t.text === ":") {
      out.push({ at: i + 1, speechVerb: null });
    } else if (t.text === "“" || t.text === "”" || t.text === '"') {
      if (quotationEdge(tokens, i)) out.push({ at: i + 1, speechVerb: null });
    } else if (SUBORDINATORS.has(t.low) && i > 0 && subjectClauseAt(tokens, mentions, i + 1)) {
      // "…, after Minister X held a meeting with …": a clause with its own subject.
      out.push({ at: i + 1, speechVerb: null });
    } else if (
      ["where", "who", "whom", "which", "whose"].includes(t.low) &&
      t.text !== "WHO" &&
      (tokens[i - 1]?.text === "," || i > 0)
    ) {
      out.push({ at: i + 1, speechVerb: null });
      const resumed = relativeClauseEnd(tokens, mentions, i);
      if (resumed) out.push(resumed);
    } else if (CONTRAST.has(t.low) && tokens[i - 1]?.text === ",") {
      out.push({ at: i + 1, speechVerb: null });
    } else if (t.low === "and" && tokens[i - 1]?.text === "," && (mentionAt(i + 1) || tokens[i + 1]?.low === "that")) {
      out.push({
        at: tokens[i + 1]?.low === "that" ? i + 2 : i + 1,
        speechVerb: tokens[i + 1]?.low === "that" ? lastSpeechVerb(out) : null,
      });
    } else if (t.low === "and" && tokens[i + 1]?.low === "that") {
      out.push({ at: i + 2, speechVerb: lastSpeechVerb(out) });
    } else if (SPEECH_VERBS.has(t.low) && !t.cap) {
      const speech = reportedSpeechStart(tokens, i, mentionAt);
      if (speech) out.push(speech);
    } else if (
      t.low === "that" &&
      tokens[i - 1] &&
      [
        "vowed",
        "pledged",
        "promised",
        "agreed",
        "requested",
        "asked",
        "urged",
        "insisted",
        "promise",
        "vow",
        "pledge",
        "ensured",
        "guaranteed",
      ].includes(tokens[i - 1].low)
    ) {
      out.push({ at: i + 1, speechVerb: null });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

function lastSpeechVerb(bs: Boundary[]): number | null {
  for (let i = bs.length - 1; i >= 0; i--) if (bs[i].speechVerb !== null) return bs[i].speechVerb;
  return null;
}

/** The clause boundary in force at token k. */
export function clauseAt(view: ClauseView, k: number): Boundary {
  let found = view.boundaries[0];
  for (const b of view.boundaries) if (b.at <= k) found = b;
  return found;
}

/** Words a fronted participle's object starts with: "Informing the host …", "Noting that …". */
const PARTICIPLE_OBJECT = new Set([
  "the",
  "a",
  "an",
  "that",
  "his",
  "her",
  "their",
  "its",
  "on",
  "about",
  "with",
  "to",
]);

/** "Informing the host about …, he pledged": a clause opening with a participle, which fronts the subject. */
function opensWithParticiple(tokens: Token[], s: number): boolean {
  const t = tokens[s];
  return (
    t !== undefined &&
    t.kind === "word" &&
    t.cap &&
    t.low.length > 5 &&
    t.low.endsWith("ing") &&
    PARTICIPLE_OBJECT.has(tokens[s + 1]?.low ?? "")
  );
}

const DETERMINERS_FRONTED = new Set(["the", "this", "that", "last"]);

/** Does a word that fronts the clause stand at s ("On …", "According to …", "Informing the host …")? */
const frontsClause = (tokens: Token[], s: number): boolean =>
  FRONTED.has(tokens[s]?.low ?? "") || opensWithParticiple(tokens, s);

/** Skip fronted phrases ending in a comma that hold no subject: "On January 23, …". */
function skipFronted(view: ClauseView, start: number, limit: number): number {
  const { tokens, mentions } = view;
  let s = start;
  for (let guard = 0; guard < 4; guard++) {
    const comma = tokens.findIndex((t, j) => j >= s && j < limit && t.text === ",");
    if (comma < 0) break;
    const first = tokens[s];
    if (!first || !frontsClause(tokens, s)) {
      // "The same day," also fronts a clause: a segment with no mention that can be a subject.
      const seg = mentions.filter((m) => m.first >= s && m.first < comma && m.kind !== "pronoun");
      if (seg.length > 0 || tokens.slice(s, comma).some((t, j) => isVerbish(tokens, s + j))) break;
    } else {
      const seg = mentions.filter(
        (m) => m.first >= s && m.last < comma && !PREPOSITIONS.has(tokens[m.first - 1]?.low ?? "") && m.first !== s,
      );
      if (seg.some((m) => m.kind === "person" && isSubjectLike(tokens, m))) break;
    }
    s = comma + 1;
  }
  return s;
}

const PARALLEL_AUX = new Set(["has", "have", "had", "will", "would", "shall", "can", "could"]);

const SUBJECT_KINDS = new Set(["person", "country", "body", "group", "role", "pronoun"]);

/**
 * "Prime Minister A and outgoing ambassador of the European Union (EU) to Cambodia B": after "and", a title whose
 * bodies and countries lead to the next person, who is coordinated with `cur`. Null if anything else stands between.
 */
function titledConjunct(view: ClauseView, cur: Mention, limit: number): Mention | null {
  const { tokens, mentions } = view;
  if (tokens[cur.last + 1]?.low !== "and") return null;
  const person = mentions.find((x) => x.first > cur.last + 2 && x.first < limit && x.kind === "person");
  if (!person || person.first - cur.last > 16) return null;
  const inside = mentions.filter((x) => x.first > cur.last && x.last < person.first);
  if (inside.some((x) => x.kind !== "country" && x.kind !== "body")) return null;
  const free = (j: number) => !inside.some((x) => x.first <= j && x.last >= j);
  let title = false;
  for (let j = cur.last + 2; j < person.first; j++) {
    if (!free(j)) continue;
    const t = tokens[j];
    if (t.text === "(" || t.text === ")") continue;
    if (t.kind !== "word" || isVerbish(tokens, j)) return null;
    if (isTitleWord(t)) title = true;
    else if (t.cap && !COUNTRIES.has(t.low) && !DEMONYMS.has(t.low)) return null;
  }
  return title ? person : null;
}

/** Coordinated mentions starting with `m`: "Cambodia and Vietnam", "Lam and then-Minister … Sar Kheng". */
export function coordinated(view: ClauseView, m: Mention, limit: number): Mention[] {
  const out = [m];
  let cur = m;
  for (;;) {
    const found = view.mentions.find((x) => x.first > cur.last && x.first < limit);
    if (!found) break;
    const between = view.tokens.slice(cur.last + 1, found.first).map((t) => t.low);
    // "… and Brazil's Ministry of Agriculture": the owned body is the party, its owner goes with it.
    const owned =
      found.kind === "country" && view.tokens[found.last].possessive
        ? view.mentions.find((x) => x.first === found.last + 1 && x.kind === "body" && x.last < limit)
        : undefined;
    const next = owned ?? found;
    const joined = between.join(" ");
    // "the Royal Brunei Police Force (RBPF) and …": the acronym in brackets belongs to the name before it.
    if (joined === "(" && view.tokens[found.last + 1]?.text === ")" && found.first === found.last) {
      const named = cur.kind === "body" ? { party: `${cur.party ?? cur.text} (${found.text})` } : {};
      cur = { ...cur, ...named, last: found.last + 1 };
      out[out.length - 1] = cur;
      continue;
    }
    // "…, and the two agreed to …": a clause of its own starts there.
    if (between[0] === "," && next.kind === "group" && view.boundaries?.some((b) => b.at === next.first)) break;
    // "Mbeki and her Ugandan counterpart, Internal Affairs Minister Okello Ssempa"
    const roleJoin =
      /^,? ?and (?:his|her|their|its)(?: [^,;.]*)?,?$/.test(joined) && between.length <= 6 && next.kind === "person";
    // "Ms. Venkataraman and Ms. Rachana": an honorific the mention does not hold.
    const honorificJoin = /^,? ?and (?:mr|mrs|ms|dr|madam|sir)\.?$/.test(joined) && next.kind === "person";
    const asWellAs = (joined === "as well as" || joined === ", as well as") && next.kind !== "pronoun";
    if (joined === "and" || joined === ", and" || joined === "&" || roleJoin || honorificJoin || asWellAs) {
      out.push(next);
      cur = next;
      continue;
    }
    const titled = cur.kind === "person" ? titledConjunct(view, cur, limit) : null;
    if (titled) {
      out.push(titled);
      cur = titled;
      continue;
    }
    // "Indonesia, Brazil and the Democratic Republic of Congo": a list, when it ends with "and".
    if ((joined === "," || joined === ", the") && next.kind === m.kind && m.kind !== "pronoun") {
      const rest = coordinated(view, next, limit);
      const closes =
        rest.length > 1 ||
        /^(?:,? ?and(?: the)?|,? ?as well as)$/.test(
          view.tokens
            .slice(next.last + 1, view.mentions.find((x) => x.first > next.last)?.first ?? next.last + 1)
            .map((t) => t.low)
            .join(" "),
        );
      // "A, B, C as well as ministers of …": the list of people closes with "as well as" something else.
      const tail = view.tokens
        .slice(next.last + 1, next.last + 4)
        .map((t) => t.low)
        .join(" ");
      if (rest.length === 1 && next.kind === "person" && /^,? ?as well as\b/.test(tail)) {
        out.push(next);
        break;
      }
      if (rest.length > 1 && closes) {
        out.push(...rest);
        break;
      }
    }
    if (
      (joined === "and the" || joined === ", and the") &&
      (next.kind === "country" || next.kind === "body") &&
      (m.kind === "country" || m.kind === "body")
    ) {
      out.push(next);
      cur = next;
      continue;
    }
    break;
  }
  return out;
}

export interface Subject {
  mentions: Mention[];
  /** When no mention fits: the noun phrase as written ("The national police chiefs of Thailand and Laos"). */
  phrase: string | null;
}

/** "… and also pledged": the conjunction right before verb k with no subject in between, or -1. */
function conjunctionBefore(view: ClauseView, start: number, k: number): number {
  const { tokens, mentions } = view;
  for (let j = k - 1; j >= start; j--) {
    const low = tokens[j].low;
    if (low === "and" || low === "but" || low === "then") return j;
    if (tokens[j].kind === "punct" && tokens[j].text !== ",") return -1;
    if (mentions.some((m) => m.first <= j && m.last >= j)) return -1;
    if (!/^(also|further|later|then|had|has|have|subsequently|jointly|,)$/.test(low)) return -1;
  }
  return -1;
}

/** The verb a conjunction at conj continues, skipping reported clauses in between: where its subject is found. */
function verbBeforeConjunction(view: ClauseView, conj: number, k: number): number {
  const { tokens } = view;
  let j = conj - 1;
  let b = clauseAt(view, j);
  // "X said Y “has given … and has vowed …”": the same auxiliary again continues the reported clause.
  const aux = tokens.slice(conj + 1, k + 1).find((t) => PARALLEL_AUX.has(t.low));
  const parallel = aux !== undefined && tokens.slice(b.at, conj).some((t) => t.low === aux.low);
  for (let guard = 0; guard < 4 && b.at > 0 && !parallel; guard++) {
    // Out of a reported or "that" clause: "Hartigan promised that Australia would … and said …".
    if (b.speechVerb !== null) j = b.speechVerb;
    else if (tokens[b.at - 1]?.low === "that") j = b.at - 2;
    else break;
    b = clauseAt(view, j);
  }
  return j;
}

/** The subject of the verb at token k. */
export function subjectOf(view: ClauseView, k: number, text: string, offset: number, depth = 0): Subject {
  const { tokens, mentions } = view;
  // "…, with both sides agreeing to …": a participle's own subject after "with".
  if (/ing$/.test(tokens[k]?.low ?? "")) {
    const own = mentions.find((m) => m.last === k - 1 && tokens[m.first - 1]?.low === "with" && m.kind !== "pronoun");
    if (own) return { mentions: coordinated(view, own, k), phrase: null };
  }
  // "…, Prime Minister Anwar Ibrahim said": a trailing attribution's subject stands right before it.
  if (SPEECH_VERBS.has(tokens[k]?.low ?? "")) {
    const right = mentions.find((m) => m.last === k - 1 && m.kind !== "pronoun");
    if (right && tokens[right.first - 1]?.text === ",") return { mentions: [right], phrase: null };
  }
  const clause = clauseAt(view, k);
  // "Roman Vassilenko, who is on a visit to Cambodia, met …": the relative clause has closed; its antecedent is the
  // subject.
  if (
    clause.antecedent &&
    !mentions.some((m) => m.first >= clause.at && m.last < k && m.kind !== "pronoun" && !isPrepositional(view, m))
  ) {
    return { mentions: coordinated(view, clause.antecedent, k), phrase: null };
  }
  const start = skipFronted(view, clause.at, k);
  // "Philippine Coast Guard commandant Ronnie Gavan … held": the body is the person's, the person is the subject.
  const affiliatedBefore = (m: Mention) => {
    const p = affiliatedPerson(tokens, mentions, m);
    return p !== null && p.last < k;
  };
  // A possessive is its noun's owner, not the subject ("Interpol's director Tendai Moyo visited …").
  const owner = (m: Mention) =>
    tokens[m.last].possessive && mentions.some((x) => x.first > m.last && x.first <= m.last + 3 && x.last < k);
  const candidates = mentions.filter(
    (m) =>
      m.first >= start &&
      m.last < k &&
      SUBJECT_KINDS.has(m.kind) &&
      !isPrepositional(view, m) &&
      !owner(m) &&
      !affiliatedBefore(m),
  );
  // A conjunction right before the verb with no subject after it: the earlier verb's subject.
  const conj = conjunctionBefore(view, start, k);
  if (conj >= 0 && depth < 3) return subjectOf(view, verbBeforeConjunction(view, conj, k), text, offset, depth + 1);
  // "…, Yoon Ha-eun, who committed to …", "Han Zhiyuan, who asked …": a relative clause's subject is its antecedent.
  if (
    candidates.length === 0 &&
    start === clause.at &&
    /^(?:who|which)$/.test(tokens[clause.at - 1]?.low ?? "") &&
    tokens[clause.at - 1]?.text !== "WHO" &&
    tokens[clause.at - 2]?.text === ","
  ) {
    const ante = mentions.find((m) => m.last === clause.at - 3 && m.kind !== "pronoun");
    if (ante && !mentions.some((m) => m.first > clause.at - 1 && m.last < k)) return { mentions: [ante], phrase: null };
  }
  const first = candidates.find((m) => m.kind !== "pronoun" || m.word !== "it") ?? candidates[0];
  if (first) return { mentions: coordinated(view, first, k).filter((m) => SUBJECT_KINDS.has(m.kind)), phrase: null };
  // A participle after a comma ("…, agreeing to …"): the main clause's subject.
  if (/ing$/.test(tokens[k]?.low ?? "") && tokens[k - 1]?.text === "," && depth < 3)
    return subjectOf(view, Math.max(0, k - 2), text, offset, depth + 1);
  // No mention: the words before the first verb of the clause.
  let v = start;
  while (v < k && !isVerbish(tokens, v)) v++;
  if (v > start && v - start <= 14) {
    const phrase = text
      .slice(tokens[start].start - offset, tokens[v - 1].end - offset)
      .replace(/^[,\s]+|[,\s]+$/g, "")
      .replace(/(?:\s+(?:recently|also|jointly|today|yesterday|earlier|later|here|\p{Ll}+ly))+$/u, "");
    if (/\p{L}/u.test(phrase)) return { mentions: [], phrase };
  }
  return { mentions: [], phrase: null };
}

/** The speech verb whose reported clause holds token k, if any. */
export function reportingVerb(view: ClauseView, k: number): number | null {
  return clauseAt(view, k).speechVerb;
}

/**
 * Does a prepositional phrase open the clause and run, with no comma, to token j ("On the sidelines of the forum in
 * Dili")?
 */
function frontedPhrase(view: ClauseView, j: number): boolean {
  const at = clauseAt(view, j).at;
  const opener = view.tokens[at]?.low ?? "";
  // "According to the ministry, both sides …", "Informing the host about …, he …"; not "The talks with X, Y …".
  const fronts = PREPOSITIONS.has(opener) || (frontsClause(view.tokens, at) && !DETERMINERS_FRONTED.has(opener));
  if (!fronts) return false;
  for (let i = at; i < j; i++) if (view.tokens[i].kind === "punct") return false;
  return true;
}

/** Is the mention the object of a preposition ("of Thailand and Laos" — both)? */
export function isPrepositional(view: ClauseView, m: Mention): boolean {
  const before = view.tokens[m.first - 1];
  if (!before) return false;
  if (PREPOSITIONS.has(before.low)) return !view.boundaries.some((b) => b.at === m.first);
  // "…with Dr. X, and the two agreed": a new clause's subject, not the preposition's object.
  if (before.low === "and" && view.tokens[m.first - 2]?.text === "," && view.boundaries.some((b) => b.at === m.first))
    return false;
  if (before.low === "and" || before.low === "or" || before.text === ",") {
    const prev = [...view.mentions].reverse().find((x) => x.last < m.first - 1);
    // "In Dili, Ngam Phet and …": the comma closes a phrase fronting the clause, not a list.
    if (
      prev &&
      before.text === "," &&
      prev.last === m.first - 2 &&
      PREPOSITIONS.has(view.tokens[prev.first - 1]?.low ?? "") &&
      frontedPhrase(view, prev.first - 1)
    )
      return false;
    if (prev && prev.last >= m.first - 3 && prev !== m) return isPrepositional(view, prev);
  }
  return false;
}
