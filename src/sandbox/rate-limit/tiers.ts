/**
 * Per-method, per-workspace limits (calls per minute).
 * DOC https://docs.slack.dev/apis/web-api/rate-limits: limits apply "per API method per workspace/team
 * per app"; Tier 1 = 1+/min, Tier 2 = 20+/min, Tier 3 = 50+/min, Tier 4 = 100+/min. Method tiers from
 * slackapi/java-slack-sdk `MethodsRateLimits.java` (slack-platform.md §5). chat.postMessage is special:
 * "1 message per second to a specific channel … several hundred messages per minute" workspace-wide.
 */
export const TIERS = { tier1: 1, tier2: 20, tier3: 50, tier4: 100 } as const;

export const METHOD_LIMITS_PER_MINUTE: Record<string, number> = {
  'auth.test': 600, // special tier ("hundreds per minute"; java SpecialTier_auth_test = 600)
  'chat.postMessage': 300, // special: "several hundred per minute" per workspace; per-channel limit separately
  'chat.postEphemeral': TIERS.tier4,
  'chat.update': TIERS.tier3,
  'chat.delete': TIERS.tier3,
  'chat.getPermalink': 600, // special tier
  'views.open': TIERS.tier4,
  'views.push': TIERS.tier4,
  'views.update': TIERS.tier4,
  'views.publish': TIERS.tier4,
  'users.info': TIERS.tier4,
  'users.list': TIERS.tier2,
  'conversations.open': TIERS.tier3,
  'conversations.info': TIERS.tier3,
  'conversations.members': TIERS.tier4,
  // Tier 3 for internal and Marketplace apps; commercially distributed non-Marketplace apps created after
  // 2025-05-29 get far less (changelog 2025/05/29, numbers UNVERIFIED in slack-platform.md) — not modelled.
  'conversations.history': TIERS.tier3,
  'files.getUploadURLExternal': TIERS.tier4,
  'files.completeUploadExternal': TIERS.tier4,
};

/** Default for a method not listed: Tier 3. */
export const DEFAULT_PER_MINUTE = TIERS.tier3;
