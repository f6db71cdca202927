/**
 * The scoring rule of `../shared/eval/score.mjs`, in-process: a predicted event matches a
 * gold one when it has the same source and every `must` string occurs (case-insensitive,
 * quotes and dashes unified) in its participants/actor, commitment, topic, place or quote.
 * Used by the tests and the benchmark, so extraction is held to the same gates offline.
 */

export interface GoldEvent {
  source: string;
  must: string[];
  who?: string[];
  date?: string;
  optional?: boolean;
}

export interface GoldSet {
  meetings: GoldEvent[];
  pledges: GoldEvent[];
  forbid?: string[];
}

export interface KindScore {
  predicted: number;
  recall: number | null;
  precision: number | null;
  who: number | null;
  date: number | null;
  forbidden: number;
  missed: string[];
  spurious: string[];
}

type Predicted = Record<string, unknown> & { source?: unknown; quote?: unknown; commitment?: unknown; date?: unknown };

/** The shared scorer's normalisation (../shared/eval/score.mjs): quotes, dashes, spaces, case. */
export const norm = (s: unknown) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .toLowerCase();
const stem = (source: unknown) => String(source ?? "").replace(/\.[a-z]+$/i, "");
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function haystack(ev: Predicted): string {
  const who = [...list(ev.participants), ...list(ev.actor), ...list(ev.actors)];
  return norm([...who, ev.commitment, ev.topic, ev.place, ev.quote, ev.text].join(" | "));
}
const whoText = (ev: Predicted) => norm([...list(ev.participants), ...list(ev.actor), ...list(ev.actors)].join(" | "));

export function scoreKind(events: readonly object[], golds: GoldEvent[], forbid: string[]): KindScore {
  const predicted = events as Predicted[];
  const matches = (ev: Predicted, g: GoldEvent) =>
    stem(ev.source) === g.source && g.must.every((m) => haystack(ev).includes(norm(m)));
  const required = golds.filter((g) => !g.optional);
  const found = required.filter((g) => predicted.some((ev) => matches(ev, g)));
  const truePos = predicted.filter((ev) => golds.some((g) => matches(ev, g)));
  const forbidden = predicted.filter((ev) => forbid.some((f) => haystack(ev).includes(norm(f))));
  let whoHits = 0;
  let whoTotal = 0;
  let dateHits = 0;
  let dateTotal = 0;
  const missed: string[] = [];
  for (const g of required) {
    const ev = predicted.find((e) => matches(e, g));
    if (!ev) {
      missed.push(`${g.source}: ${g.must.join(" + ")}`);
      continue;
    }
    for (const w of g.who ?? []) {
      whoTotal++;
      if (whoText(ev).includes(norm(w))) whoHits++;
      else missed.push(`who ${g.source}: ${w} not in ${whoText(ev)}`);
    }
    if (g.date) {
      dateTotal++;
      if (String(ev.date ?? "").slice(0, 10) === g.date) dateHits++;
      else missed.push(`date ${g.source}: ${g.date} vs ${String(ev.date)}`);
    }
  }
  const spurious = predicted
    .filter((ev) => !golds.some((g) => matches(ev, g)))
    .map((ev) => `${stem(ev.source)}: ${String(ev.quote ?? ev.commitment ?? "").slice(0, 90)}`);
  const r = (a: number, b: number) => (b ? +(a / b).toFixed(3) : null);
  return {
    predicted: predicted.length,
    recall: r(found.length, required.length),
    precision: r(truePos.length, predicted.length),
    who: r(whoHits, whoTotal),
    date: r(dateHits, dateTotal),
    forbidden: forbidden.length,
    missed,
    spurious,
  };
}

export function scoreEvents(
  meetings: readonly object[],
  pledges: readonly object[],
  gold: GoldSet,
): { meetings: KindScore; pledges: KindScore } {
  return {
    meetings: scoreKind(meetings, gold.meetings, gold.forbid ?? []),
    pledges: scoreKind(pledges, gold.pledges, gold.forbid ?? []),
  };
}
