import { readdirSync } from "node:fs";
import { expect } from "vitest";
import { UserError } from "../../src/library/user-error.ts";

/** Run an edit that must be refused: a UserError, and the folder exactly as it was. Returns the refusal's line. */
export async function refusalOf(dir: string, run: () => Promise<unknown>): Promise<string> {
  const before = readdirSync(dir).sort();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect(readdirSync(dir).sort()).toEqual(before);
  return (error as UserError).message;
}
