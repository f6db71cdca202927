/**
 * The cleaning rules' version: bump it whenever cleaning keeps, drops or reports anything
 * differently, so that snapshots made with the old rules are rebuilt.
 */
export const CLEAN_VERSION = "clean-2";
