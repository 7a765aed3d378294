/**
 * The validator accepts Slack's published examples (docs.slack.dev block reference pages, the
 * view_submission fixture) — a validator that refuses Slack's own samples would push the app away from Slack.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateBlocks, validateMessage, validateView } from '../../../src/sandbox/index.ts';

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value: string) => ({ text: plain(text), value });

/** Examples adapted from the docs' block and element pages. */
const EXAMPLES: Record<string, unknown> = {
  'section with text': { type: 'section', text: mrkdwn('A message *with some bold text* and _some italicized text_.') },
  'section with fields': { type: 'section', text: mrkdwn('A message'), fields: [mrkdwn('*Priority*'), mrkdwn('*Type*'), plain('High'), plain('String')] },
  'section with button accessory': {
    type: 'section',
    text: mrkdwn('This is a section block with a button.'),
    accessory: { type: 'button', text: plain('Click Me'), value: 'click_me_123', action_id: 'button-action' },
  },
  'section with static select': {
    type: 'section',
    block_id: 'section678',
    text: mrkdwn('Pick an item from the dropdown list'),
    accessory: { action_id: 'text1234', type: 'static_select', placeholder: plain('Select an item'), options: [option('*this is plain_text text*', 'value-0'), option('*this is plain_text text*', 'value-1')] },
  },
  'section with overflow': {
    type: 'section',
    text: mrkdwn('This block has an overflow menu.'),
    accessory: { type: 'overflow', action_id: 'overflow', options: [option('Option 1', 'value-0'), { ...option('Option 2', 'value-1'), url: 'https://example.org' }] },
  },
  'section with image accessory': {
    type: 'section',
    text: mrkdwn('Taken from the docs'),
    accessory: { type: 'image', image_url: 'https://api.slack.com/img/blocks/bkb_template_images/palmtree.png', alt_text: 'palm tree' },
  },
  header: { type: 'header', text: plain('Budget Performance') },
  divider: { type: 'divider' },
  context: { type: 'context', elements: [{ type: 'image', image_url: 'https://image.freepik.com/free-photo/red-drawing-pin_1156-445.jpg', alt_text: 'images' }, mrkdwn('Location: **Dogpatch**')] },
  'actions with select, buttons, datepicker': {
    type: 'actions',
    block_id: 'actionblock789',
    elements: [
      { type: 'static_select', placeholder: plain('Which witch is the witchiest witch?'), action_id: 'select_2', options: [option('Matilda', 'matilda'), option('Glinda', 'glinda')] },
      { type: 'button', text: plain('Click Me'), value: 'click_me_123', action_id: 'button_1', style: 'primary' },
      { type: 'button', text: plain('Link Button'), url: 'https://api.slack.com/block-kit/building' },
      { type: 'datepicker', initial_date: '1990-04-28', placeholder: plain('Select a date'), action_id: 'datepicker' },
    ],
  },
  'button with confirm': {
    type: 'actions',
    elements: [{ type: 'button', text: plain('Delete'), style: 'danger', action_id: 'delete', confirm: { title: plain('Are you sure?'), text: mrkdwn("Wouldn't you prefer a good game of _chess_?"), confirm: plain('Do it'), deny: plain("Stop, I've changed my mind!") } }],
  },
  'input with plain_text_input': { type: 'input', block_id: 'ticket-desc', label: plain('Description'), element: { type: 'plain_text_input', multiline: true, action_id: 'desc', max_length: 3000 }, hint: plain('Be precise') },
  'input with checkboxes': { type: 'input', label: plain('Label'), element: { type: 'checkboxes', action_id: 'c', options: [{ text: mrkdwn('*a*'), value: 'a', description: mrkdwn('d') }] } },
  'input with multi users select': { type: 'input', label: plain('Who'), optional: true, element: { type: 'multi_users_select', action_id: 'who', placeholder: plain('Select users') } },
  'input with option groups': {
    type: 'input',
    label: plain('Org'),
    element: { type: 'static_select', action_id: 'org', option_groups: [{ label: plain('UN'), options: [option('WHO', 'WHO'), option('FAO', 'FAO')] }] },
  },
  image: { type: 'image', title: plain('Please enjoy this photo of a kitten'), block_id: 'image4', image_url: 'http://placekitten.com/500/500', alt_text: 'An incredibly cute kitten.' },
  rich_text: { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'Hello there, I am a basic rich text block!' }] }] },
  markdown: { type: 'markdown', text: '**Lots of information here!!**' },
  file: { type: 'file', external_id: 'ABCD1', source: 'remote' },
};

describe('validator accepts Slack examples', () => {
  it.each(Object.entries(EXAMPLES))('%s', (_name, block) => {
    expect(validateBlocks([block])).toEqual([]);
  });

  it('accepts a message with all examples (under 50 blocks)', () => {
    expect(validateMessage({ text: 'fallback', blocks: Object.values(EXAMPLES) })).toEqual([]);
  });

  it('accepts the view of the view_submission fixture', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/slack/view_submission.json', import.meta.url), 'utf8')) as { view: unknown };
    expect(validateView(fixture.view)).toEqual([]);
  });

  it('accepts a modal from the modals guide and a Home tab', () => {
    const modal = {
      type: 'modal',
      callback_id: 'modal-identifier',
      title: plain('Just a modal'),
      submit: plain('Submit'),
      close: plain('Cancel'),
      private_metadata: '{"meeting":"iocc-61"}',
      blocks: [{ type: 'section', block_id: 'section-identifier', text: mrkdwn('*Welcome* to ~my~ Block Kit _modal_!') }, EXAMPLES['input with plain_text_input']],
    };
    expect(validateView(modal)).toEqual([]);
    expect(validateView({ type: 'home', blocks: [EXAMPLES.header, EXAMPLES['section with text']] })).toEqual([]);
  });

  it('reports text over 4,000 characters only as a warning', () => {
    const message = { text: 'x'.repeat(4001) };
    expect(validateMessage(message)).toEqual([]);
    expect(validateMessage(message, { warnings: true })).toEqual([{ path: '/text', message: 'longer than the advised 4000 characters', severity: 'warning' }]);
  });
});
