import type { Rng } from './random.js';

/** Consent as a client sends it: granted, refused, or not asked (null) per channel, weighted to be realistic. */
export function consentOf(rng: Rng): Record<'email' | 'sms' | 'phone' | 'tracking', boolean | null> {
  const answer = (yes: number, no: number, unasked: number) =>
    rng.weighted<boolean | null>([
      [true, yes],
      [false, no],
      [null, unasked],
    ]);
  return { email: answer(6, 1, 3), sms: answer(4, 2, 4), phone: answer(5, 1, 4), tracking: answer(3, 3, 4) };
}

/** A pick of 0–`max` tags. */
export function tagsOf(rng: Rng, tags: readonly string[], max = 2): string[] {
  return rng.sample(tags, rng.int(0, max));
}
