/**
 * The rule for organization codes, used by the command parser and the organization service alike:
 * 2–16 letters, digits or `-` with at least one letter or digit, compared case-insensitively (stored in
 * upper case).
 *
 * @example checkOrgCode(' unep ') // { ok: true, code: 'UNEP' }
 */
import { UserError } from '../errors.ts';

const ORG_CODE = /^[A-Za-z0-9-]{2,16}$/;
const SHOWN_MAX = 40;

export type OrgCodeCheck = { ok: true; code: string } | { ok: false; error: string };

export function checkOrgCode(input: string): OrgCodeCheck {
  const code = input.trim();
  if (ORG_CODE.test(code) && /[A-Za-z0-9]/.test(code)) return { ok: true, code: code.toUpperCase() };
  const points = Array.from(code);
  const shown = points.length > SHOWN_MAX ? `${points.slice(0, SHOWN_MAX).join('')}…` : code;
  return { ok: false, error: `“${shown}” is not an organization code: codes are 2–16 letters, digits or -, e.g. FAO or WB.` };
}

/** The service side: the code in upper case, or a UserError saying what a code is. */
export function normalizeOrgCode(input: string): string {
  const r = checkOrgCode(input);
  if (!r.ok) throw new UserError(r.error);
  return r.code;
}
