import path from "node:path";
import type { Action } from "../src/kit/action.ts";
import { removeBriefing } from "../src/library/ingest/pipeline.ts";
import { source } from "./source.ts";

/** `remove`: a briefing out of the folder, into `removed/` beside it — kept, and restored by moving it back. */
export const remove: Action<{ source: string }> = {
  name: "remove",
  description: "Remove a briefing (its file is moved to a removed/ folder, never deleted)",
  options: [source.options.find((o) => o.name === "id")!], // the same as `source id`, autocompleted
  async perform(library, request, context) {
    const { briefing, movedTo } = await removeBriefing(library, request.source);
    await context.refresh(library, briefing.file);
    const back = path.join(library.dataDir, briefing.file);
    return {
      command: "remove",
      title: `Removed: ${briefing.meta.title ?? briefing.id}`,
      summary: `${briefing.id} is no longer searched; its file is kept in ${movedTo}.`,
      items: [],
      note: `To restore it, move ${movedTo} back to ${back}.`,
      json: { source: briefing.id, ...briefing.meta, movedTo, restoreTo: back },
    };
  },
};
