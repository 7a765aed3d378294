/**
 * Deterministic generator of random and malformed `/concord` command texts, for fuzz tests of the
 * tokenizer (unit) and of the whole app over HTTP (e2e). Same `(count, seed)` → same strings.
 *
 * Mixes valid commands with: unbalanced straight and curly quotes, long unicode (emoji with ZWJ
 * and skin tones, RTL, combining marks), 4,000+ character strings, `<!channel>`/`<!here>`,
 * SQL-injection text, lone `<` `&` `>`, broken mentions, misspelt subcommands, random `key:value`,
 * NUL bytes and control characters, lone surrogates, percent-encoded and entity-encoded junk.
 */

/** mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const SUBCOMMANDS = [
  'help', 'setup', 'org add', 'org list', 'org show', 'org edit', 'org remove', 'member add', 'member remove', 'members',
  'role', 'whoami', 'meeting add', 'meeting new', 'meetings', 'meeting show', 'meeting move', 'meeting cancel',
  'deadline add', 'deadlines', 'assign', 'followups', 'followup', 'done', 'snooze', 'update', 'reopen', 'cancel', 'reassign', 'record',
  'records', 'record show', 'export', 'digest', 'calendar', 'reminders', 'reminders mine',
  // Object internals a lookup table must not mistake for commands.
  'constructor', '__proto__', 'org constructor', 'toString', 'meeting hasOwnProperty',
];
const MISSPELT = ['ogr add', 'memebrs', 'meting add', 'org ad', 'rol', 'hlep', 'dealines', 'org', 'member', 'meeting', 'ORG ADD', 'Org List', 'whoamI', 'calender', 'exprot', 'asign', 'folowups', 'followps', 'snoze', 'reopn', 'reasign', 'udpate', 'remindres', 'digets'];
const CODES = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD', 'fao', 'UNPD', 'X', 'TOOLONGORGCODE1234', 'W@B', 'all', 'FAO,WB', 'FAO,,WB,', 'ALL,FAO'];
const IDS = ['F-12', 'f12', 'M-4', 'm4', '12', '0', '-1', 'F-0', 'F--5', 'D-2147483648', 'R-99999999999999999999', 'M-', 'F-1.5', '٣'];
const DATES = ['2025-09-16', '2025-09-16..2025-09-19', '2025-04-28..2025-05-09', '2026-11-16..2026-11-20', '30 April', 'next Friday', 'in 2 weeks', '2025-02-30', '31/12/2025', 'tomorrow', '..', '2025-13-01'];
const KEYS = ['at', 'tz', 'time', 'body', 'kind', 'orgs', 'every', 'as', 'acronym', 'channel', 'meeting', 'name', 'due', 'org', 'x', 'AT', 'zz'];
const VALUES = ['"CICG, Geneva"', '“Palais des Nations”', 'Europe/Zurich', 'Europe/Geneva', '10:00', '25:99', 'FAO,WB', '<#C123|iocc>', '<@U123>', 'governing-body', 'year', '', '"', '„unclosed', '<!channel>'];
const TITLES = ['"13MSP"', '“BC COP-17 / RC COP-12 / SC COP-12”', '„GFC IC-1“', '‘Côte d’Ivoire workshop’', '"Work plan', '“Work plan', '„Arbeitsplan', '‘unclosed', '"say \\"hi\\""', '""', '"a\\"', '"ends with backslash\\\\"'];
const MENTIONS = [
  '<@U123ABC>', '<@U123ABC|maria>', '<@W123>', '<#C123|iocc>', '<#C123|>', '<#C123>', '<C123|general>', '<!subteam^S123>', '<!subteam^S123|@focal-points>',
  '<!here>', '<!channel>', '<!everyone>', '<https://www.pops.int|POPs>', '<https://example.org/a?b=1&amp;c=2>', '<mailto:iomc@who.int|iomc@who.int>',
];
const BROKEN = ['<@', '<#C1|', '<!subteam^', '<https://x|', '<@u1>', '<@>', '<#>', '<!date^1758009600^{date}|x>', '<<@U1>>', '<@U1|<@U2>>', '>', '<', '&', '&amp', '&lt;@U1&gt;', '&lt;!channel&gt;', '&amp;lt;', '<!foo>', '<U1>'];
const NASTY = [
  `'; DROP TABLE "Organization"; --`, `" OR 1=1 --`, '${process.exit()}', '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', '%00%3C%40U1%3E', '%ZZ%', '%E2%80%AE',
  '\u0000', '\u0007\u0008\u001b[31m', '\u007f', '\u0085', '\u200b\u200d\ufeff', '\u202e', '\ud800', '\udfff', 'a\ud83d', '\r\n\t', '\u00a0\u2003\u3000', '\\', '\\"', '`code`', '*bold*', '~strike~', '_it_',
];
const UNICODE = ['👩🏽‍💻', '👨‍👩‍👧‍👦', '🇨🇭', 'שלום', 'مرحبا بالعالم', 'e\u0301\u0301\u0301', 'Z̷̢̛̮̗a̸̛l̶g̷o̵', '中文会议', 'Ωμέγα', 'ﷺ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Côte d’Ivoire', 'İstanbul'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', ' \n '];

function valid(rng: Rng): string {
  const sub = pick(rng, SUBCOMMANDS);
  const parts = [sub];
  const n = int(rng, 0, 4);
  for (let i = 0; i < n; i++) parts.push(argument(rng));
  return parts.join(' ');
}

function argument(rng: Rng): string {
  switch (int(rng, 0, 6)) {
    case 0:
      return pick(rng, CODES);
    case 1:
      return pick(rng, IDS);
    case 2:
      return pick(rng, DATES);
    case 3:
      return `${pick(rng, KEYS)}:${pick(rng, VALUES)}`;
    case 4:
      return pick(rng, TITLES);
    case 5:
      return pick(rng, MENTIONS);
    default:
      return pick(rng, ['chair', 'secretariat', 'observer', 'as:focal', 'mine', 'overdue', 'md', 'docx', '2 weeks', 'due', 'before', '60 days before M-4', 'due in 3 weeks', 'due 2027-03-01', 'until', '3d', '"Waiting for the Bureau"', 'F-1 WHO FAO']);
  }
}

function fragment(rng: Rng): string {
  switch (int(rng, 0, 9)) {
    case 0:
      return valid(rng);
    case 1:
      return `${pick(rng, MISSPELT)} ${argument(rng)}`;
    case 2:
      return pick(rng, BROKEN);
    case 3:
      return pick(rng, NASTY);
    case 4:
      return pick(rng, UNICODE);
    case 5:
      return pick(rng, MENTIONS);
    case 6:
      return `${pick(rng, KEYS)}:${pick(rng, VALUES)}`;
    case 7:
      return pick(rng, TITLES);
    case 8:
      return randomChars(rng, int(rng, 1, 40));
    default:
      return `${pick(rng, ['member add', 'role', 'org add', 'meeting add'])} ${pick(rng, MENTIONS)} ${argument(rng)}`;
  }
}

/** Characters from all over: ASCII, syntax characters, controls, BMP, astral, lone surrogates. */
function randomChars(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = rng();
    if (r < 0.4) out += String.fromCharCode(int(rng, 0x20, 0x7e));
    else if (r < 0.55) out += pick(rng, ['<', '>', '&', '"', '“', '”', '„', '‘', '’', '|', '@', '#', '!', '^', ':', ',', '\\', ' ']);
    else if (r < 0.65) out += String.fromCharCode(int(rng, 0, 0x1f));
    else if (r < 0.85) out += String.fromCharCode(int(rng, 0xa0, 0xd7ff));
    else if (r < 0.97) out += String.fromCodePoint(int(rng, 0x1f300, 0x1faff));
    else out += String.fromCharCode(int(rng, 0xd800, 0xdfff));
  }
  return out;
}

/** A long text (≈ 4,000 characters, sometimes a little over), from a repeated pattern. */
function long(rng: Rng): string {
  const target = pick(rng, [3999, 4000, 4001, 4096, int(rng, 2000, 4200)]);
  const unit = pick(rng, [
    ...UNICODE,
    '"',
    '<',
    '&',
    '<@U1|',
    'a:',
    '\\"',
    '“',
    '&lt;',
    'x ',
    () => randomChars(rng, 50),
  ]);
  let out = pick(rng, ['', 'meeting add "', 'assign all “', 'org add FAO ', 'snooze F-1 2 weeks "']);
  while (out.length < target) out += typeof unit === 'function' ? unit() : unit;
  return out.slice(0, target);
}

/** `count` command texts, deterministic for a given `seed`. */
export function fuzzCorpus(count: number, seed: number): string[] {
  const rng = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng();
    if (r < 0.05) {
      out.push(long(rng));
      continue;
    }
    if (r < 0.07) {
      out.push(pick(rng, ['', ' ', '\n\n', '\u00a0', '\t \t']));
      continue;
    }
    const pieces = int(rng, 1, 4);
    let text = '';
    for (let p = 0; p < pieces; p++) text += (p === 0 ? '' : pick(rng, SPACES)) + fragment(rng);
    out.push(text);
  }
  return out;
}
