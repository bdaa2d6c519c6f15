/** An sRGB colour as `[r, g, b]`, each 0–255. */
export type Rgb = [number, number, number];

/**
 * Parses `#rgb` or `#rrggbb`.
 *
 * @example
 * parseHex('#4f46e5'); // [79, 70, 229]
 */
export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`parseHex: not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance(color: string | Rgb): number {
  const [r, g, b] = (typeof color === 'string' ? parseHex(color) : color).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2.x contrast ratio of two colours (1–21). AA asks 4.5 for text and 3 for UI component boundaries and focus
 * indicators.
 *
 * @example
 * contrastRatio('#ffffff', '#4f46e5'); // ≈ 6.3
 */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `color-mix(in srgb, a p%, b)`: the tint the stylesheet paints behind toned badges, computed the same way (for
 * contrast checks).
 *
 * @example
 * mix('#b91c1c', '#ffffff', 0.12); // a pale red
 */
export function mix(a: string, b: string, weightOfA: number): Rgb {
  const [x, y] = [parseHex(a), parseHex(b)];
  return x.map((v, i) => Math.round(v * weightOfA + y[i]! * (1 - weightOfA))) as Rgb;
}
