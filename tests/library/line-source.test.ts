import { appendFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileSource } from "../../src/library/line-source.ts";
import { tempDir } from "../support/folders.ts";

/** Snapshot lines are scanned once through a small buffer, then read by position when asked. */
describe("a snapshot file read by lines and by position", () => {
  const tmp = tempDir("bb-lines-");
  afterAll(() => tmp.cleanup());
  const file = path.join(tmp.dir, "lines.txt");

  const linesOf = async (source: FileSource, chunk?: number) => {
    const out: Array<{ text: string; at: number }> = [];
    await source.eachLine((view, start, end, offset) => {
      out.push({ text: view.toString("utf8", start, end), at: offset + start });
    }, chunk);
    return out;
  };

  it("finds every line with its place in the file, however the chunks cut them", async () => {
    const lines = ["first line", "", "a much longer second line than the chunk", "dernière ligne é"];
    writeFileSync(file, lines.join("\n") + "\n");
    const source = (await FileSource.open(file))!;
    for (const chunk of [4, 7, 16, 1 << 20]) {
      const found = await linesOf(source, chunk);
      expect(found.map((l) => l.text)).toEqual(lines.filter((l) => l !== ""));
      for (const l of found) expect(source.bytes(l.at, l.at + Buffer.byteLength(l.text)).toString()).toBe(l.text);
    }
  });

  it("gives a last line without its newline too", async () => {
    writeFileSync(file, "one\ntwo");
    const found = await linesOf((await FileSource.open(file))!, 3);
    expect(found).toEqual([
      { text: "one", at: 0 },
      { text: "two", at: 4 },
    ]);
  });

  it("reads the bytes it scanned after the file is appended to or replaced", async () => {
    writeFileSync(file, "kept line\n");
    const source = (await FileSource.open(file))!;
    const [line] = await linesOf(source);
    appendFileSync(file, "appended\n");
    expect(source.bytes(line.at, line.at + 9).toString()).toBe("kept line");
    writeFileSync(`${file}.tmp`, "something else entirely\n");
    renameSync(`${file}.tmp`, file);
    expect(source.bytes(line.at, line.at + 9).toString()).toBe("kept line");
    // Past the end it gives what there is, as a buffer's view would.
    expect(source.bytes(5, 400).toString()).toBe("line\nappended\n");
  });

  it("is null for a file that is not there", async () => {
    expect(await FileSource.open(path.join(tmp.dir, "missing.txt"))).toBeNull();
  });
});
