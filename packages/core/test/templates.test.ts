import { describe, expect, it } from 'vitest';
import { parseTemplate, placeholderText, renderTemplate, templateFields } from '../src/templates.js';

describe('renderTemplate', () => {
  const values = {
    contact: { firstName: 'Lan', lastName: '', tags: ['vip', 'pt'], customFields: { visits: 0, plan: null } },
  };

  it('replaces placeholders by their values, nested paths included', () => {
    expect(renderTemplate('Chào {{contact.firstName}}, {{ contact.customFields.visits }} lượt', values)).toBe(
      'Chào Lan, 0 lượt',
    );
    expect(renderTemplate('Tags: {{contact.tags}}', values)).toBe('Tags: vip, pt');
  });

  it('uses the fallback for empty, null and unknown values, and nothing without one', () => {
    expect(renderTemplate('Hi {{contact.lastName | "there"}}', values)).toBe('Hi there');
    expect(renderTemplate('Plan {{contact.customFields.plan|"none"}}.', values)).toBe('Plan none.');
    expect(renderTemplate('[{{contact.nickname}}]', values)).toBe('[]');
    expect(renderTemplate('[{{deal.amount | "?"}}]', values)).toBe('[?]');
  });

  it('never walks the prototype and renders objects as nothing', () => {
    expect(renderTemplate('{{contact.constructor}}|{{contact.toString}}|{{contact}}', values)).toBe('||');
  });

  it('inserts values as plain text and leaves malformed placeholders alone', () => {
    const html = { contact: { firstName: '<img src=x onerror=alert(1)>' } };
    expect(renderTemplate('{{contact.firstName}}', html)).toBe('<img src=x onerror=alert(1)>');
    expect(renderTemplate('{{contact.firstName', values)).toBe('{{contact.firstName');
    expect(renderTemplate('{{1abc}} {{}}', values)).toBe('{{1abc}} {{}}');
  });
});

describe('bare fallbacks and what fell back', () => {
  it('takes a fallback written without quotes, trimmed, and reports the missing paths', () => {
    const missing: string[] = [];
    const out = renderTemplate(
      'Chào {{contact.firstName|bạn}} {{ contact.lastName | thân mến }}!',
      { contact: { firstName: '' } },
      missing,
    );
    expect(out).toBe('Chào bạn thân mến!');
    expect(missing).toEqual(['contact.firstName', 'contact.lastName']);
  });
});

describe('parseTemplate', () => {
  it('lists placeholders with their fallbacks and flags text a placeholder would print as is', () => {
    expect(parseTemplate('Hi {{contact.firstName|bạn}} {{x.y | "z"}}')).toEqual({
      placeholders: [
        { path: 'contact.firstName', fallback: 'bạn' },
        { path: 'x.y', fallback: 'z' },
      ],
      malformed: false,
    });
    expect(parseTemplate('Hi {{contact.firstName').malformed).toBe(true);
    expect(parseTemplate('Hi {{ 1abc }}').malformed).toBe(true);
    expect(parseTemplate('a }} b').malformed).toBe(true);
    expect(parseTemplate('{ single braces } are text').malformed).toBe(false);
  });
});

describe('templateFields', () => {
  it('lists the placeholders in order of first use, once each', () => {
    expect(templateFields('{{contact.firstName}} {{deal.name | "x"}} {{contact.firstName}}')).toEqual([
      'contact.firstName',
      'deal.name',
    ]);
    expect(templateFields('no placeholders')).toEqual([]);
  });
});

describe('placeholderText', () => {
  it('writes placeholders the parser reads back with the same fallback', () => {
    expect(placeholderText('contact.firstName', 'bạn')).toBe('{{contact.firstName|bạn}}');
    expect(placeholderText('contact.firstName')).toBe('{{contact.firstName}}');
    expect(placeholderText('contact.firstName', '  ')).toBe('{{contact.firstName}}');
    for (const fallback of ['bạn', 'quý khách', ' – ', '{x}', 'say "hi"', 'a|b']) {
      const [p] = parseTemplate(placeholderText('contact.customFields.plan', fallback)).placeholders;
      expect(p).toEqual({ path: 'contact.customFields.plan', fallback: fallback.replaceAll('"', '') });
    }
  });
});
