/** The roles a member holds in the committee and the kinds of membership in an organization: the one list of each. */

export const ROLES = ['chair', 'secretariat', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const MEMBER_KINDS = ['focal', 'alternate', 'member'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
