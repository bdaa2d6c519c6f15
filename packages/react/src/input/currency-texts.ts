const textsCache = new Map<string, string[]>();

/** What a typed amount in `currency` may carry besides digits: its symbols, code and names in the locale. */
export function currencyTexts(locale: string, currency: string): string[] {
  const key = `${locale}|${currency}`;
  const cached = textsCache.get(key);
  if (cached) return cached;
  const texts = new Set([currency, ...(EXTRA_CURRENCY_TEXTS[currency] ?? [])]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'name'] as const) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(2);
    for (const p of parts) if (p.type === 'currency') texts.add(p.value);
  }
  textsCache.set(key, [...texts]);
  return [...texts];
}

/** How people write a currency besides its symbol and code: `đ`/`vnđ` for dong, `บาท` for baht. */
const EXTRA_CURRENCY_TEXTS: Record<string, string[]> = { VND: ['vnđ', 'đ', 'đồng'], THB: ['บาท', '฿'] };
