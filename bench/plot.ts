import type { BenchReport, SizeResult } from "./result.ts";

/**
 * docs/bench-p99.svg: search p99 against archive size (paragraphs), the bot and each peer, both axes logarithmic.
 * Hand-written SVG, no plotting dependency.
 */

export interface Series {
  name: string;
  color: string;
  /** [paragraphs, p99 ms]; sizes without the figure are left out. */
  points: Array<[number, number]>;
}

const SERIES: Array<[name: string, color: string, p99: (s: SizeResult) => number | null | undefined]> = [
  ["bot", "#1f77b4", (s) => s.search?.p99],
  ["plain MiniSearch", "#ff7f0e", (s) => s.baseline?.search.p99],
  ["FlexSearch", "#2ca02c", (s) => s.flexsearch?.search.p99],
];

export function p99Series(report: BenchReport): Series[] {
  return SERIES.map(([name, color, p99]) => ({
    name,
    color,
    points: report.sizes.flatMap((s): Array<[number, number]> => {
      const y = p99(s);
      return y != null && y > 0 && s.paragraphs > 0 ? [[s.paragraphs, y]] : [];
    }),
  })).filter((s) => s.points.length > 0);
}

const W = 640;
const H = 380;
const M = { left: 64, right: 160, top: 36, bottom: 48 };
const f = (x: number) => x.toFixed(1);
const label = (x: number) =>
  x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : x >= 1 ? String(x) : String(Number(x.toPrecision(1)));
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Powers of ten from about `lo` to about `hi` (9,939 paragraphs sits on 10k), as [low exponent, high exponent]. */
function decades(lo: number, hi: number): [number, number] {
  const a = Math.floor(Math.log10(lo) + 0.05);
  const b = Math.ceil(Math.log10(hi) - 0.05);
  return [a, b > a ? b : a + 1];
}

function axes(x: [number, number], y: [number, number], sx: (v: number) => number, sy: (v: number) => number) {
  const out: string[] = [];
  for (let e = x[0]; e <= x[1]; e++) {
    const px = f(sx(10 ** e));
    out.push(
      `<line x1="${px}" y1="${M.top}" x2="${px}" y2="${H - M.bottom}" stroke="#ddd"/>`,
      `<text x="${px}" y="${H - M.bottom + 18}" text-anchor="middle">${label(10 ** e)}</text>`,
    );
  }
  for (let e = y[0]; e <= y[1]; e++) {
    const py = f(sy(10 ** e));
    out.push(
      `<line x1="${M.left}" y1="${py}" x2="${W - M.right}" y2="${py}" stroke="#ddd"/>`,
      `<text x="${M.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${label(10 ** e)}</text>`,
    );
  }
  out.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle">paragraphs in the archive</text>`,
    `<text x="16" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(M.top + H - M.bottom) / 2})">search p99 (ms)</text>`,
  );
  return out;
}

/** The chart as an SVG document (an empty chart with a note when no size has a p99). */
export function p99Svg(series: Series[], title: string): string {
  const all = series.flatMap((s) => s.points);
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const x = decades(Math.min(...xs, 1e4), Math.max(...xs, 1e4));
  const y = decades(Math.min(...ys, 1), Math.max(...ys, 1));
  const sx = (v: number) => M.left + ((Math.log10(v) - x[0]) / (x[1] - x[0])) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((Math.log10(v) - y[0]) / (y[1] - y[0])) * (H - M.top - M.bottom);
  const body = series.flatMap((s, i) => {
    const pts = s.points.map(([px, py]) => `${f(sx(px))},${f(sy(py))}`);
    const ly = M.top + 10 + i * 22;
    return [
      `<polyline points="${pts.join(" ")}" fill="none" stroke="${s.color}" stroke-width="2"/>`,
      ...s.points.map(([px, py]) => `<circle cx="${f(sx(px))}" cy="${f(sy(py))}" r="3.5" fill="${s.color}"/>`),
      `<line x1="${W - M.right + 16}" y1="${ly}" x2="${W - M.right + 40}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${W - M.right + 46}" y="${ly}" dominant-baseline="middle">${escape(s.name)}</text>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="20" font-size="14">${escape(title)}</text>`,
    ...axes(x, y, sx, sy),
    ...(all.length ? body : [`<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no search p99 measured yet</text>`]),
    "</svg>",
    "",
  ].join("\n");
}
