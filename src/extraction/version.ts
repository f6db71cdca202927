/**
 * Bump when extraction changes: cached events are extracted again. (Apart from extract.ts so that checking a snapshot
 * does not load the extractor.)
 */
export const EXTRACT_VERSION = "events-5";
