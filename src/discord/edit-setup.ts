import { Library } from "../library/library.ts";
import type { LibraryWatcher } from "../library/watch.ts";
import { fetchLimits, type Env } from "../runtime/settings.ts";
import type { BotEdit } from "./bot-context.ts";

/** How many times to read the folder again before answering from the Library served (a change landing mid-read). */
const TRIES = 3;

/**
 * /briefing's context from the settings: who may edit, the fetch limits, and how the bot sees a change at once: its
 * folder watcher rebuilt for the file changed, and the Library it serves then. (With watching off — tests only — the
 * answer comes from the folder opened again, and the bot serves the change from its next start.)
 */
export function botEdit(env: Env, watcher: LibraryWatcher | null, current: () => Library): BotEdit {
  const refresh = async (previous: Library, file: string): Promise<Library> => {
    if (!watcher) return Library.open({ dataDir: previous.dataDir, cacheDir: env.CACHE_DIR, previous, views: "eager" });
    for (let i = 0; i < TRIES; i++) {
      const result = await watcher.rebuildFor(file);
      if (result.ok) return result.library;
    }
    return current();
  };
  return { editorRoles: env.BRIEFING_EDITOR_ROLES ?? [], context: { fetch: fetchLimits(env), refresh } };
}
