/**
 * Pieces shared by interaction payloads: `team`, `user`, `enterprise` objects as Slack sends them
 * (fixtures block_actions.json, view_submission.json).
 */
import type { User, Workspace } from '../../state/types.ts';

/** `team`: `{ id, domain }` plus `enterprise_id`/`enterprise_name` inside an Enterprise org. */
export function teamRef(ws: Workspace): Record<string, unknown> {
  return { id: ws.id, domain: ws.domain, ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId, enterprise_name: ws.enterpriseName ?? '' } : {}) };
}

/** `user`: `{ id, username, name, team_id }` — team_id is the user's home team (differs for Slack Connect users). */
export function userRef(user: User): Record<string, unknown> {
  return { id: user.id, username: user.name, name: user.name, team_id: user.teamId };
}

/** `enterprise`: null outside Enterprise Grid. */
export function enterpriseRef(ws: Workspace): Record<string, unknown> | null {
  return ws.enterpriseId ? { id: ws.enterpriseId, name: ws.enterpriseName ?? '' } : null;
}

/** Form body with one `payload` field holding the JSON (interactivity transport). */
export function payloadForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
