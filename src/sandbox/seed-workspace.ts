/**
 * Seeds the IOMC workspace: workspace T0IOMC ("IOMC", domain iomc), channel #iocc (C0IOCC), a chair
 * (UNITAR), a secretariat user (WHO), one focal point per IOMC organization in its duty-station zone
 * (zones as in fixtures/organizations.json), and one external Slack Connect user (an OECD alternate from
 * another organization's workspace) who shares no channel. All names are fictional.
 *
 * @example
 *   const iomc = loadIomcWorkspace(sb);
 *   await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
 */
import type { Sandbox } from './sandbox.ts';

export const IOMC_ORGANIZATIONS = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'] as const;
export type IomcOrganization = (typeof IOMC_ORGANIZATIONS)[number];

export interface IomcWorkspace {
  teamId: 'T0IOMC';
  channelId: 'C0IOCC';
  /** Chair of the committee (UNITAR, Europe/Zurich). */
  chair: string;
  /** Secretariat (WHO, Europe/Zurich). */
  secretariat: string;
  /** One focal point per organization code. */
  focalPoints: Record<IomcOrganization, string>;
  /** Slack Connect user from another organization's workspace, in no shared channel. */
  external: string;
  externalTeamId: string;
  /** Every internal (non-external) human user id. */
  members: string[];
}

interface Person {
  id: string;
  name: string;
  realName: string;
  tz: string;
  title: string;
}

const FOCAL_POINTS: Record<IomcOrganization, Person> = {
  FAO: { id: 'U0FAO', name: 'giulia.ferraro', realName: 'Giulia Ferraro', tz: 'Europe/Rome', title: 'FAO focal point' },
  ILO: { id: 'U0ILO', name: 'samuel.mensah', realName: 'Samuel Mensah', tz: 'Europe/Zurich', title: 'ILO focal point' },
  UNDP: { id: 'U0UNDP', name: 'priya.raman', realName: 'Priya Raman', tz: 'America/New_York', title: 'UNDP focal point' },
  UNEP: { id: 'U0UNEP', name: 'wanjiru.kamau', realName: 'Wanjiru Kamau', tz: 'Africa/Nairobi', title: 'UNEP focal point' },
  UNIDO: { id: 'U0UNIDO', name: 'lukas.gruber', realName: 'Lukas Gruber', tz: 'Europe/Vienna', title: 'UNIDO focal point' },
  UNITAR: { id: 'U0UNITAR', name: 'claire.dubois', realName: 'Claire Dubois', tz: 'Europe/Zurich', title: 'UNITAR focal point' },
  WHO: { id: 'U0WHO', name: 'amina.haddad', realName: 'Amina Haddad', tz: 'Europe/Zurich', title: 'WHO focal point' },
  WB: { id: 'U0WB', name: 'daniel.okoye', realName: 'Daniel Okoye', tz: 'America/New_York', title: 'World Bank focal point' },
  OECD: { id: 'U0OECD', name: 'sophie.laurent', realName: 'Sophie Laurent', tz: 'Europe/Paris', title: 'OECD focal point' },
};

const CHAIR: Person = { id: 'U0CHAIR', name: 'helena.marchetti', realName: 'Helena Marchetti', tz: 'Europe/Zurich', title: 'IOCC Chair (UNITAR)' };
const SECRETARIAT: Person = { id: 'U0SECRETARIAT', name: 'tomas.ribeiro', realName: 'Tomás Ribeiro', tz: 'Europe/Zurich', title: 'IOMC Secretariat (WHO)' };
const EXTERNAL: Person = { id: 'U0OECDALT', name: 'marc.lefevre', realName: 'Marc Lefèvre', tz: 'Europe/Paris', title: 'OECD alternate (Slack Connect)' };
const EXTERNAL_TEAM = 'T0OECDEXT';

/** Seeds the workspace into a sandbox and returns the ids. */
export function loadIomcWorkspace(sb: Sandbox): IomcWorkspace {
  sb.addWorkspace({ id: 'T0IOMC', name: 'IOMC', domain: 'iomc' });
  const people = [CHAIR, SECRETARIAT, ...Object.values(FOCAL_POINTS)];
  for (const p of people) sb.addUser({ ...p, teamId: 'T0IOMC', email: `${p.name}@example.org` });
  sb.addUser({ ...EXTERNAL, teamId: EXTERNAL_TEAM, external: true, connectedTeamId: 'T0IOMC', email: `${EXTERNAL.name}@example.net` });
  const members = people.map((p) => p.id);
  sb.addChannel({ id: 'C0IOCC', teamId: 'T0IOMC', name: 'iocc', members: [...members, sb.bot.userId], topic: 'Inter-Organization Coordinating Committee' });
  return {
    teamId: 'T0IOMC',
    channelId: 'C0IOCC',
    chair: CHAIR.id,
    secretariat: SECRETARIAT.id,
    focalPoints: Object.fromEntries(IOMC_ORGANIZATIONS.map((code) => [code, FOCAL_POINTS[code].id])) as Record<IomcOrganization, string>,
    external: EXTERNAL.id,
    externalTeamId: EXTERNAL_TEAM,
    members,
  };
}
