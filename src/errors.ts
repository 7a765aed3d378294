/**
 * A problem the user can fix; its message is safe to show them as is. The syntax shown with it comes from
 * the help catalog of the command being run (the Slack layer knows which), never from domain code.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** A startup problem an operator can fix: printed as one line, no stack trace, exit code 1. */
export class UserFacingStartupError extends Error {
  override readonly name = 'UserFacingStartupError';
}
