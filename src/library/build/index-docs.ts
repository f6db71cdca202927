import { ParagraphIndex, type IndexDoc } from "../../search/index.ts";
import type { Segment } from "../../search/segment.ts";
import type { Content } from "../snapshot.ts";

/** A briefing's paragraphs as index documents, with consecutive ids from `firstDoc`. */
export function indexDocs(c: Content, firstDoc: number): IndexDoc[] {
  const { people } = c.events;
  return c.paragraphs.map((p) => {
    const names = people.filter((m) => m.paragraphs.includes(p.n)).flatMap((m) => [m.name, ...m.aliases]);
    // One name per line: a name's words are side by side (its pairs are indexed), two names never are.
    return { id: firstDoc + p.n - 1, text: p.text, title: c.meta.title ?? "", names: names.join("\n"), n: p.n };
  });
}

/** One segment over briefings' contents, the first paragraph of `contents[i]` numbered `firstDocs[i]`. */
export function indexContents(contents: readonly Content[], firstDocs: ArrayLike<number>): Segment {
  return ParagraphIndex.buildSegment(contents.flatMap((c, i) => indexDocs(c, firstDocs[i])));
}
