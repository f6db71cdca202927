import matter from "gray-matter";
import YAML from "yaml";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { format } from "date-fns/format";
import { z } from "zod";

/** A calendar date that exists: `2023-02-30` is refused. Datetimes keep their date part. */
const isoDate = z.string().transform((value, ctx) => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const day = m ? parseISO(m[1]) : null;
  if (!m || !day || !isValid(day) || format(day, "yyyy-MM-dd") !== m[1]) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a real date in the form YYYY-MM-DD` });
    return z.NEVER;
  }
  return m[1];
});

const text = z.string().trim().min(1).max(1000);

export const frontMatterSchema = z
  .object({
    title: text.optional(),
    outlet: text.optional(),
    published: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .loose();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult = { ok: true; data: FrontMatter; body: string } | { ok: false; message: string };

/** Split and validate optional YAML front matter (`---` … `---` at the top of the file). */
export function readFrontMatter(source: string): FrontMatterResult {
  if (!/^\ufeff?---[ \t]*\r?\n/.test(source)) return { ok: true, data: {}, body: source };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source.replace(/^\ufeff/, ""), {
      engines: { yaml: (s: string) => YAML.parse(s, { prettyErrors: false }) as object },
    });
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { ok: false, message: `has malformed front matter (${why}); fix the YAML between the --- lines` };
  }
  const raw: unknown = parsed.data ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, message: "has front matter that is not a list of `key: value` lines" };
  }
  const result = frontMatterSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join(".") || "front matter";
    return { ok: false, message: `has a bad front matter field "${field}": ${issue.message}` };
  }
  return { ok: true, data: result.data, body: parsed.content };
}
