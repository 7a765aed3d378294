import { describe, expect, it } from 'vitest';
import { errorReply, infoReply, reply, section, sections, successReply, type Block, type Reply } from '../../../src/slack/blocks/reply.ts';
import { escapeMrkdwn, userMention } from '../../../src/slack/text.ts';
import { validateMessage } from '../../../src/sandbox/index.ts';

/** Block Kit limits (reference §4), asserted directly as well as through the sandbox validator. */
function expectWithinLimits(r: Reply): void {
  expect(r.text.length).toBeGreaterThan(0);
  expect(r.text.length).toBeLessThanOrEqual(4000);
  expect(r.blocks.length).toBeGreaterThan(0);
  expect(r.blocks.length).toBeLessThanOrEqual(50);
  for (const block of r.blocks) {
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  expect(validateMessage(r, { warnings: true })).toEqual([]);
}

const texts = (blocks: Block[]) =>
  blocks.map((b) => (b.type === 'section' || b.type === 'header' ? b.text?.text : b.type === 'context' ? b.elements.map((e) => ("text" in e ? e.text : "")).join(' ') : '—'));

describe('errorReply', () => {
  it('shows the problem, the usage and a did-you-mean', () => {
    const r = errorReply({
      problem: 'There is no organization “UNPD”.',
      syntax: '/concord org show CODE',
      suggestion: 'UNDP',
      commandName: '/concord',
      helpTopic: 'org show',
    });
    expect(r.text).toBe('⚠️ There is no organization “UNPD”.\nUsage: `/concord org show CODE`\nDid you mean `UNDP`?');
    expect(texts(r.blocks)).toEqual([
      '⚠️ There is no organization “UNPD”.',
      '*Usage:* `/concord org show CODE`',
      'Did you mean `UNDP`?',
      '`/concord help org show` shows examples.',
    ]);
    expectWithinLimits(r);
  });

  it('escapes user text in the problem so <!channel> notifies nobody', () => {
    const r = errorReply({ problem: 'Unknown code “<!channel> & <@U1>”.', commandName: '/concord' });
    expect(r.text).toBe('⚠️ Unknown code “&lt;!channel&gt; &amp; &lt;@U1&gt;”.');
    expect(JSON.stringify(r.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(r.blocks)).not.toContain('<@U1>');
    expectWithinLimits(r);
  });

  it('shows a note of safe mrkdwn (real mentions) as given', () => {
    const r = errorReply({ problem: 'Only the secretariat can add organizations.', note: `Ask ${userMention('U123')}.`, commandName: '/iomc' });
    expect(texts(r.blocks)).toEqual(['⚠️ Only the secretariat can add organizations.', 'Ask <@U123>.', '`/iomc help` lists every command.']);
  });

  it('stays within limits for a huge problem text', () => {
    const r = errorReply({ problem: `“${'<!channel>'.repeat(2_000)}”`, syntax: 'x'.repeat(5_000), suggestion: 'y'.repeat(5_000), commandName: '/concord' });
    expectWithinLimits(r);
    expect(r.text).not.toMatch(/<!channel>/);
  });
});

describe('infoReply / successReply', () => {
  it('builds a success reply', () => {
    const r = successReply(`Added *UNITAR* (${escapeMrkdwn('United Nations Institute for Training & Research')}).`);
    expect(r.text).toBe('✅ Added *UNITAR* (United Nations Institute for Training &amp; Research).');
    expect(r.blocks).toEqual([section(r.text)]);
    expectWithinLimits(r);
  });

  it('splits long information into several sections at line breaks', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• F-${i + 1} · UNEP · ${'x'.repeat(60)}`);
    const r = infoReply(lines.join('\n'));
    expect(r.blocks.length).toBeGreaterThan(4);
    const shown = r.blocks.map((b) => (b.type === 'section' ? b.text?.text : '')).join('\n');
    expect(shown).toBe(lines.join('\n'));
    expectWithinLimits(r);
  });

  it('keeps at most 50 blocks and says how many were left out', () => {
    const r = infoReply(Array.from({ length: 60 }, () => 'y'.repeat(2_999)).join('\n'));
    expect(r.blocks).toHaveLength(50);
    expect(texts(r.blocks).at(-1)).toBe('… 11 more parts not shown.');
    expectWithinLimits(r);
  });

  it('handles empty text', () => {
    expectWithinLimits(infoReply(''));
  });
});

describe('sections / reply', () => {
  it('truncates a single line longer than a section', () => {
    const [only] = sections('z'.repeat(4_000));
    expect(only?.text?.text.length).toBe(3000);
  });

  it('truncates the fallback text to 4000 characters', () => {
    expect(reply('a'.repeat(10_000), [section('x')]).text.length).toBeLessThanOrEqual(4000);
  });
});
