/** A problem the user can fix; its message is safe to show them as is. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** A startup problem an operator can fix: printed as one line, no stack trace, exit code 1. */
export class UserFacingStartupError extends Error {
  override readonly name = 'UserFacingStartupError';
}
