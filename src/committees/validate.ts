/** Validation shared by committee, organization and meeting services. */
import { UserError } from '../errors.ts';
import { resolveZone } from '../time/zones.ts';

/** An IANA zone, aliases accepted; a city or near miss gets "did you mean". */
export function validateZone(input: string): string {
  const r = resolveZone(input);
  if (r.ok) return r.zone;
  throw new UserError(
    `“${input}” is not a time zone I know.${r.suggestion ? ` Did you mean \`${r.suggestion}\`?` : ''} Use an IANA name such as \`Europe/Zurich\` or \`America/New_York\`.`,
  );
}

export function requireLength(what: string, value: string, min: number, max: number): string {
  const v = value.trim();
  if (v.length < min || v.length > max) throw new UserError(`The ${what} must be ${min} to ${max} characters (got ${v.length}).`);
  return v;
}
