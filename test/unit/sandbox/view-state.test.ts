/**
 * `view.state.values` built from what a test supplies, in Slack's per-element shapes.
 */
import { describe, expect, it } from 'vitest';
import { buildViewState } from '../../../src/sandbox/driver/view-state.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const input = (blockId: string, element: Record<string, unknown>) => ({ type: 'input', block_id: blockId, label: plain(blockId), element });

const BLOCKS = [
  input('title', { type: 'plain_text_input', action_id: 'title_input' }),
  input('org', { type: 'static_select', action_id: 'org_select', options: [option('FAO', 'FAO'), option('WHO', 'WHO')] }),
  input('orgs', { type: 'multi_static_select', action_id: 'orgs_select', options: [option('FAO', 'FAO'), option('WHO', 'WHO')] }),
  input('date', { type: 'datepicker', action_id: 'date_pick', initial_date: '2026-03-12' }),
  input('who', { type: 'users_select', action_id: 'who_pick' }),
  { type: 'section', block_id: 's', text: plain('not an input') },
];

describe('buildViewState', () => {
  it('maps supplied values by block (and optionally action) id', () => {
    const state = buildViewState(BLOCKS, { values: {} }, { title: 'IOCC-61', org: { org_select: 'WHO' }, orgs: ['FAO', 'WHO'], who: 'U0FAO' });
    expect(state.values).toEqual({
      title: { title_input: { type: 'plain_text_input', value: 'IOCC-61' } },
      org: { org_select: { type: 'static_select', selected_option: option('WHO', 'WHO') } },
      orgs: { orgs_select: { type: 'multi_static_select', selected_options: [option('FAO', 'FAO'), option('WHO', 'WHO')] } },
      date: { date_pick: { type: 'datepicker', selected_date: '2026-03-12' } },
      who: { who_pick: { type: 'users_select', selected_user: 'U0FAO' } },
    });
  });

  it('leaves empty inputs null and keeps earlier values', () => {
    const first = buildViewState(BLOCKS, { values: {} }, { title: 'Draft' });
    const second = buildViewState(BLOCKS, first, { who: 'U0WHO' });
    expect(second.values.title).toEqual({ title_input: { type: 'plain_text_input', value: 'Draft' } });
    expect(second.values.org).toEqual({ org_select: { type: 'static_select', selected_option: null } });
  });

  it('refuses an option value the menu does not offer', () => {
    expect(() => buildViewState(BLOCKS, { values: {} }, { org: 'UNICEF' })).toThrow(/No option with value "UNICEF"/);
  });
});
