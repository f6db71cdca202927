/** A mistake the user can fix (bad option, unknown source…). Adapters show `message` as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
