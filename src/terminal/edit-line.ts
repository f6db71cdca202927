import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { EDITS } from "../../commands/index.ts";
import type { EditContext } from "../kit/action.ts";
import { settle, type Outcome } from "../kit/dispatch.ts";
import { parseOptions } from "../kit/options.ts";
import type { Options } from "../kit/command.ts";
import type { Library } from "../library/library.ts";
import type { IngestInput } from "../library/ingest/pipeline.ts";
import { UserError } from "../library/user-error.ts";
import type { CommandLine } from "./args.ts";

/**
 * `briefings add <file|url|->` and `briefings remove <id>` on the command line: the input named on the line read here
 * (a file, standard input, or a link left for the pipeline to fetch), then the editing command run.
 */

async function readAll(input: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

async function readFileInput(file: string, maxBytes: number): Promise<IngestInput> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UserError(`${file} is not a file.`);
    if (info.size > maxBytes) throw new UserError(`${file} is larger than ${Math.round(maxBytes / 1048576)} MB.`);
    return { kind: "file", name: path.basename(file), bytes: await readFile(file) };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `There is no file ${file}.` : `${file} cannot be read (${code}).`);
  }
}

/** The add command's input: `-` is standard input, a link is fetched by the pipeline, anything else a file. */
async function addInput(options: Options, stdin: AsyncIterable<unknown>, maxBytes: number): Promise<IngestInput> {
  const source = String(options.input);
  const str = (k: string) => (typeof options[k] === "string" ? (options[k] as string) : undefined);
  const fields = { title: str("title"), outlet: str("outlet"), published: str("published"), url: str("url") };
  if (source === "-") return { kind: "text", text: await readAll(stdin), fields };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return { kind: "link", url: source, fields };
  return { ...(await readFileInput(source, maxBytes)), fields };
}

/** Run an editing command line (`add`, `remove`). */
export function runEditLine(
  library: Library,
  line: CommandLine,
  context: EditContext,
  stdin: AsyncIterable<unknown>,
): Promise<Outcome> {
  return settle(async () => {
    if (line.command.name === EDITS.add.name) {
      const options = parseOptions(EDITS.add, line.options);
      return EDITS.add.perform(library, await addInput(options, stdin, context.fetch.maxBytes), context);
    }
    const options = parseOptions(EDITS.remove, line.options);
    return EDITS.remove.perform(library, { source: String(options.id) }, context);
  });
}
