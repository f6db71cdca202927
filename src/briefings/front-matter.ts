import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { format } from "date-fns/format";
import { z } from "zod";

/** A calendar date that exists: `2023-02-30` is refused. Datetimes keep their date part. */
const isoDate = z.string({ error: "must be a date in the form YYYY-MM-DD" }).transform((value, ctx) => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const day = m ? parseISO(m[1]) : null;
  if (!m || !day || !isValid(day) || format(day, "yyyy-MM-dd") !== m[1]) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a real date in the form YYYY-MM-DD` });
    return z.NEVER;
  }
  return m[1];
});

const text = z.string({ error: "must be text" }).trim().min(1, "is empty").max(1000, "is over 1,000 characters");

export const frontMatterSchema = z
  .object({
    title: text.optional(),
    outlet: text.optional(),
    published: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate).optional(),
    url: z.url({ protocol: /^https?$/, error: "must be a web address starting with http:// or https://" }).optional(),
  })
  .loose();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult =
  | {
      ok: true;
      data: FrontMatter;
      body: string;
      /** One line for each field that was not usable and was dropped (the article still loads without it). */
      dropped?: string;
    }
  | { ok: false; message: string };

/** Split and validate optional YAML front matter (`---` … `---` at the top of the file). */
export function readFrontMatter(source: string): FrontMatterResult {
  if (!/^\ufeff?---[ \t]*\r?\n/.test(source)) return { ok: true, data: {}, body: source };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source.replace(/^\ufeff/, ""), {
      // js-yaml, about six times quicker than the yaml package on a briefing's few lines; its core schema, as
      // YAML 1.2's: a date or a datetime stays the text written (its date part read below), "no" stays "no".
      engines: { yaml: (s: string) => load(s, { schema: CORE_SCHEMA }) as object },
    });
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { ok: false, message: `has malformed front matter (${why}); fix the YAML between the --- lines` };
  }
  const raw: unknown = parsed.data ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, message: "has front matter that is not a list of `key: value` lines" };
  }
  const { data, dropped } = validFields(raw as Record<string, unknown>);
  return { ok: true, data, body: parsed.content, ...(dropped ? { dropped } : {}) };
}

/** A value as it stood, kept short for a log line. */
const shown = (v: unknown): string => {
  const text = JSON.stringify(v instanceof Date ? v.toISOString() : v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The known fields that are valid; each bad one (`published: 2024`, `outlet: 123`) is dropped and told. */
function validFields(raw: Record<string, unknown>): { data: FrontMatter; dropped?: string } {
  const fields = { ...raw };
  const told: string[] = [];
  for (;;) {
    const result = frontMatterSchema.safeParse(fields);
    if (result.success) {
      return told.length
        ? { data: result.data, dropped: `${told.join("; ")}: loaded without it` }
        : { data: result.data };
    }
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? "");
    if (!(field in fields)) return { data: {}, dropped: `its front matter was not usable (${issue.message})` };
    told.push(`bad front matter field "${field}" (${issue.message}, got ${shown(fields[field])})`);
    delete fields[field];
  }
}
