/** TEMPORARY: the agreed RecordDocument contract until src/records/record-document.ts lands. */
export interface RecordDocument {
  number: number;
  version: number;
  status: 'draft' | 'circulated' | 'adopted';
  committeeName: string;
  title: string;
  meeting: { number: number; title: string; dates: string; venue: string } | null;
  header: Array<{ label: string; value: string }>;
  sections: Array<{ heading: string; matters: Array<{ topic: string | null; text: string }> }>;
  decisions: string[];
  followUps: Array<{ ref: string | null; action: string; organizations: string[]; due: string | null }>;
  annex: Array<{ ref: string; action: string; due: string | null; organizations: Array<{ code: string; status: string }> }>;
}
