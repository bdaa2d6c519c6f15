import { FIELD_ERROR_CODES } from '@crmkit/core/problems';
import { describe, expect, it, vi as vitest } from 'vitest';
import { en } from '../src/i18n/en.js';
import { preloadMessages } from '../src/i18n/preload.js';
import { resolveMessages } from '../src/i18n/resolve.js';
import { th } from '../src/i18n/th.js';
import { createTranslator, type Messages, type PluralForms } from '../src/i18n/translate.js';
import { vi } from '../src/i18n/vi.js';

const catalogs: Record<string, Messages> = { en: en as unknown as Messages, vi, th };
const keys = Object.keys(en).sort();
const placeholders = (m: string | PluralForms) =>
  [...new Set((typeof m === 'string' ? m : Object.values(m).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe.each(Object.keys(catalogs))('the %s catalog', (language) => {
  const catalog = catalogs[language]!;

  it('has every key and no other', () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it('has no empty message', () => {
    for (const [key, message] of Object.entries(catalog)) {
      const forms = typeof message === 'string' ? [message] : Object.values(message);
      for (const form of forms) expect(form.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders as English, and plural messages where English has them', () => {
    for (const key of keys) {
      const message = catalog[key as keyof Messages];
      const source = en[key as keyof typeof en];
      expect(typeof message, key).toBe(typeof source);
      const count = typeof source === 'string' ? [] : ['{count}'];
      const expected = [...new Set([...placeholders(source), ...count])].sort();
      // A plural form may leave `{count}` out ("Birthday tomorrow"), but not invent or drop other placeholders.
      expect(
        placeholders(message).filter((p) => p !== '{count}'),
        key,
      ).toEqual(expected.filter((p) => p !== '{count}'));
    }
  });

  it('is not English (every message of vi and th that is not a shared term is translated)', () => {
    if (language === 'en') return;
    const same = keys.filter(
      (k) => JSON.stringify(catalog[k as keyof Messages]) === JSON.stringify(en[k as keyof typeof en]),
    );
    // Product names and terms that these languages use as is, and messages with no words (`{trigger} → {steps}`).
    const wordless = (k: string) => !/\p{L}/u.test(String(en[k as keyof typeof en]).replace(/\{\w+\}/g, ''));
    expect(
      same.filter((k) => !(/sms|email|\.app$|domain|field\.email/i.test(k) || k.endsWith('type.sms') || wordless(k))),
    ).toEqual([]);
  });
});

describe('the server’s field error codes', () => {
  it('each have a message (but `invalid`, whose server message is the only one saying what), with only its params', () => {
    for (const [code, params] of Object.entries(FIELD_ERROR_CODES)) {
      const message = en[`problem.${code}` as keyof typeof en];
      if (code === 'invalid') {
        expect(message, code).toBeUndefined();
        continue;
      }
      expect(message, code).toBeDefined();
      for (const p of placeholders(message))
        expect(params as readonly string[], `${code}: ${p}`).toContain(p.slice(1, -1));
    }
  });
});

describe('createTranslator', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    const t = createTranslator('vi-VN', vi);
    expect(t('table.pageOf', { page: 2, pages: 1200 })).toBe('Trang 2/1.200');
    expect(createTranslator('en-US', en as unknown as Messages)('table.pageOf', { page: 2, pages: 1200 })).toBe(
      'Page 2 of 1,200',
    );
  });

  it('picks plural forms with Intl.PluralRules, exact =0 / =1 first', () => {
    const t = createTranslator('en-US', en as unknown as Messages);
    expect(t('table.selected', { count: 0 })).toBe('None selected');
    expect(t('table.results', { count: 1 })).toBe('1 result');
    expect(t('table.results', { count: 3 })).toBe('3 results');
    expect(t('birthday.inDays', { count: 1 })).toBe('Birthday tomorrow');
    expect(t('birthday.inDays', { count: 5 })).toBe('Birthday in 5 days');
    const tv = createTranslator('vi-VN', vi);
    expect(tv('table.selected', { count: 1 })).toBe('Đã chọn 1');
    expect(tv('table.selected', { count: 0 })).toBe('Chưa chọn mục nào');
    const tt = createTranslator('th-TH', th);
    expect(tt('table.results', { count: 12 })).toBe('12 รายการ');
  });

  it('leaves unknown placeholders as they are', () => {
    const t = createTranslator('en', { ...(en as unknown as Messages), 'state.saved': 'Saved {when}' });
    expect(t('state.saved')).toBe('Saved {when}');
  });
});

describe('resolveMessages', () => {
  it('layers English, the built-in catalog, language overrides and locale overrides', () => {
    const m = resolveMessages(
      'vi-VN',
      { vi },
      { vi: { 'action.save': 'Lưu lại', 'action.edit': 'Sửa' }, 'vi-VN': { 'action.edit': 'Sửa đổi' } },
    );
    expect(m['action.save']).toBe('Lưu lại');
    expect(m['action.edit']).toBe('Sửa đổi');
    expect(m['action.cancel']).toBe('Hủy');
  });

  it('falls back to English per message for a new language', () => {
    const m = resolveMessages('fr-FR', {}, { fr: { 'action.save': 'Enregistrer' } });
    expect(m['action.save']).toBe('Enregistrer');
    expect(m['action.cancel']).toBe('Cancel');
  });
});

describe('preloadMessages', () => {
  it('loads the built-in catalog of a language on demand', async () => {
    expect(await preloadMessages('th-TH')).toEqual(th);
    expect(await preloadMessages('en-GB')).toEqual(en);
    expect(await preloadMessages('fr-FR')).toBeUndefined();
  });
});

describe('types (checked by tsc)', () => {
  it('reject a catalog without a key, a message without its values, and unknown keys', () => {
    const { 'action.save': _removed, ...incomplete } = vi;
    // @ts-expect-error a `Messages` catalog must have every key of the English one
    const broken: Messages = incomplete;
    const t = createTranslator('en', en as unknown as Messages);
    // @ts-expect-error `table.pageOf` needs `{ page, pages }`
    t('table.pageOf');
    // @ts-expect-error a plural message needs `count`
    t('table.selected', {});
    expect(t('action.save')).toBe('Save');
    expect(broken['action.cancel']).toBe('Hủy');
    // At run time (untyped callers), an unknown key shows as itself, and is reported.
    const error = vitest.spyOn(console, 'error').mockImplementation(() => {});
    // @ts-expect-error no such key
    expect(t('action.nope')).toBe('action.nope');
    expect(error).toHaveBeenCalledWith('crmkit: no message "action.nope" in en here');
    error.mockRestore();
  });
});
