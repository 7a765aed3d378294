/**
 * One failing case per validator rule (slack-platform.md §4): each must produce a problem at the
 * expected JSON pointer.
 */
import { describe, expect, it } from 'vitest';
import { validateBlocks, validateMessage, validateView, type Problem } from '../../../src/sandbox/index.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const section = (text = 'hi') => ({ type: 'section', text: mrkdwn(text) });
const button = (extra: Record<string, unknown> = {}) => ({ type: 'button', text: plain('Go'), action_id: 'go', ...extra });
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const input = (element: unknown, extra: Record<string, unknown> = {}) => ({ type: 'input', block_id: 'in', label: plain('Label'), element, ...extra });
const modal = (extra: Record<string, unknown> = {}) => ({ type: 'modal', title: plain('Title'), blocks: [section()], ...extra });
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

type Case = [name: string, problems: () => Problem[], path: string];

const CASES: Case[] = [
  ['message over 50 blocks', () => validateBlocks(times(51, () => ({ type: 'divider' }))), '/blocks'],
  ['modal over 100 blocks', () => validateView(modal({ blocks: times(101, () => ({ type: 'divider' })) })), '/blocks'],
  ['home over 100 blocks', () => validateView({ type: 'home', blocks: times(101, () => ({ type: 'divider' })) }), '/blocks'],
  ['block_id over 255', () => validateBlocks([{ type: 'divider', block_id: 'b'.repeat(256) }]), '/blocks/0/block_id'],
  ['duplicate block_id', () => validateBlocks([{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }]), '/blocks/1/block_id'],
  ['action_id over 255', () => validateBlocks([actions(button({ action_id: 'a'.repeat(256) }))]), '/blocks/0/elements/0/action_id'],
  ['duplicate action_id in a block', () => validateBlocks([actions(button(), button())]), '/blocks/0/elements/1/action_id'],
  ['empty section text', () => validateBlocks([section('')]), '/blocks/0/text/text'],
  ['section text over 3000', () => validateBlocks([section('x'.repeat(3001))]), '/blocks/0/text/text'],
  ['section without text or fields', () => validateBlocks([{ type: 'section' }]), '/blocks/0/type'],
  ['section over 10 fields', () => validateBlocks([{ type: 'section', fields: times(11, () => mrkdwn('f')) }]), '/blocks/0/fields'],
  ['section field over 2000', () => validateBlocks([{ type: 'section', fields: [mrkdwn('x'.repeat(2001))] }]), '/blocks/0/fields/0/text'],
  ['header over 150', () => validateBlocks([{ type: 'header', text: plain('h'.repeat(151)) }]), '/blocks/0/text/text'],
  ['header with mrkdwn', () => validateBlocks([{ type: 'header', text: mrkdwn('*h*') }]), '/blocks/0/text/type'],
  ['context over 10 elements', () => validateBlocks([{ type: 'context', elements: times(11, () => mrkdwn('c')) }]), '/blocks/0/elements'],
  ['actions over 25 elements', () => validateBlocks([actions(...times(26, (i) => button({ action_id: `b${i}` })))]), '/blocks/0/elements'],
  ['button text over 75', () => validateBlocks([actions(button({ text: plain('t'.repeat(76)) }))]), '/blocks/0/elements/0/text/text'],
  ['button value over 2000', () => validateBlocks([actions(button({ value: 'v'.repeat(2001) }))]), '/blocks/0/elements/0/value'],
  ['button url over 3000', () => validateBlocks([actions(button({ url: `https://x.org/${'u'.repeat(3000)}` }))]), '/blocks/0/elements/0/url'],
  ['button without text', () => validateBlocks([actions({ type: 'button', action_id: 'go' })]), '/blocks/0/elements/0'],
  ['button without action_id', () => validateBlocks([actions({ type: 'button', text: plain('Go') })]), '/blocks/0/elements/0'],
  ['button style not primary|danger', () => validateBlocks([actions(button({ style: 'green' }))]), '/blocks/0/elements/0/style'],
  ['option text over 75', () => validateBlocks([actions({ type: 'static_select', action_id: 's', options: [option('o'.repeat(76), 'v')] })]), '/blocks/0/elements/0/options/0/text/text'],
  ['option value over 150', () => validateBlocks([actions({ type: 'static_select', action_id: 's', options: [option('o', 'v'.repeat(151))] })]), '/blocks/0/elements/0/options/0/value'],
  ['static select over 100 options', () => validateBlocks([actions({ type: 'static_select', action_id: 's', options: times(101, (i) => option(`o${i}`, `v${i}`)) })]), '/blocks/0/elements/0/options'],
  ['static select without options', () => validateBlocks([actions({ type: 'static_select', action_id: 's' })]), '/blocks/0/elements/0'],
  ['overflow over 5 options', () => validateBlocks([actions({ type: 'overflow', action_id: 'o', options: times(6, (i) => option(`o${i}`, `v${i}`)) })]), '/blocks/0/elements/0/options'],
  ['checkboxes over 10 options', () => validateBlocks([input({ type: 'checkboxes', action_id: 'c', options: times(11, (i) => option(`o${i}`, `v${i}`)) })]), '/blocks/0/element/options'],
  ['radio buttons over 10 options', () => validateBlocks([input({ type: 'radio_buttons', action_id: 'r', options: times(11, (i) => option(`o${i}`, `v${i}`)) })]), '/blocks/0/element/options'],
  ['placeholder over 150', () => validateBlocks([input({ type: 'plain_text_input', action_id: 'p', placeholder: plain('p'.repeat(151)) })]), '/blocks/0/element/placeholder/text'],
  ['input label over 2000', () => validateBlocks([input({ type: 'plain_text_input', action_id: 'p' }, { label: plain('l'.repeat(2001)) })]), '/blocks/0/label/text'],
  ['input hint over 2000', () => validateBlocks([input({ type: 'plain_text_input', action_id: 'p' }, { hint: plain('h'.repeat(2001)) })]), '/blocks/0/hint/text'],
  ['input without label', () => validateBlocks([{ type: 'input', element: { type: 'plain_text_input', action_id: 'p' } }]), '/blocks/0'],
  ['input without element', () => validateBlocks([{ type: 'input', label: plain('L') }]), '/blocks/0'],
  ['input with a button element', () => validateBlocks([input(button())]), '/blocks/0/element/type'],
  ['plain_text_input max_length over 3000', () => validateBlocks([input({ type: 'plain_text_input', action_id: 'p', max_length: 3001 })]), '/blocks/0/element/max_length'],
  ['modal title over 24', () => validateView(modal({ title: plain('t'.repeat(25)) })), '/title/text'],
  ['modal without title', () => validateView({ type: 'modal', blocks: [] }), ''],
  ['modal submit over 24', () => validateView(modal({ submit: plain('s'.repeat(25)) })), '/submit/text'],
  ['modal close over 24', () => validateView(modal({ close: plain('c'.repeat(25)) })), '/close/text'],
  ['modal with input but no submit', () => validateView(modal({ blocks: [input({ type: 'plain_text_input', action_id: 'p' })] })), ''],
  ['private_metadata over 3000', () => validateView(modal({ private_metadata: 'm'.repeat(3001) })), '/private_metadata'],
  ['callback_id over 255', () => validateView(modal({ callback_id: 'c'.repeat(256) })), '/callback_id'],
  ['unknown view type', () => validateView({ type: 'workflow_step', blocks: [] }), '/type'],
  ['text object of unknown type', () => validateBlocks([{ type: 'section', text: { type: 'html', text: 'x' } }]), '/blocks/0/text/type'],
  ['text object without text', () => validateBlocks([{ type: 'section', text: { type: 'mrkdwn' } }]), '/blocks/0/text'],
  ['unknown block type', () => validateBlocks([{ type: 'carousel' }]), '/blocks/0/type'],
  ['message text over 40,000', () => validateMessage({ text: 'x'.repeat(40_001) }), '/text'],
  ['message without text or blocks', () => validateMessage({}), '/text'],
  ['blocks not an array', () => validateMessage({ text: 'x', blocks: { type: 'divider' } }), '/blocks'],
];

describe('validator rules (one failing case each)', () => {
  it.each(CASES)('%s', (_name, run, path) => {
    const problems = run();
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('uses Slack wording for lengths', () => {
    expect(validateBlocks([section('x'.repeat(3001))])).toEqual([{ path: '/blocks/0/text/text', message: 'must be less than 3001 characters' }]);
    expect(validateBlocks([section('')])).toEqual([{ path: '/blocks/0/text/text', message: 'must be more than 0 characters' }]);
  });

  it('checks action_id uniqueness per block only (not across blocks)', () => {
    expect(validateBlocks([actions(button()), actions(button())])).toEqual([]);
  });
});
