import { type HTMLAttributes, useState } from 'react';
import { useT } from '../context/i18n.js';
import { usePart } from '../context/parts.js';

/**
 * Background and text colours of initials avatars: each pair ≥ 4.5:1 (checked by a unit test), and they read on
 * light and dark surfaces alike.
 */
export const AVATAR_COLORS: readonly (readonly [background: string, text: string])[] = [
  ['#4338ca', '#ffffff'],
  ['#0f766e', '#ffffff'],
  ['#b45309', '#ffffff'],
  ['#be185d', '#ffffff'],
  ['#1d4ed8', '#ffffff'],
  ['#7e22ce', '#ffffff'],
  ['#15803d', '#ffffff'],
  ['#b91c1c', '#ffffff'],
  ['#475569', '#ffffff'],
  ['#a16207', '#ffffff'],
];

/** Thai leading vowels are written before the consonant they follow in speech: initials skip them. */
const LEADING_VOWEL = /^[\u0E40-\u0E44]/;

// One segmenter for every avatar: making one is far slower than using it (a board renders hundreds of avatars).
let segmenter: Intl.Segmenter | undefined;

function firstGrapheme(word: string): string {
  const w = word.replace(LEADING_VOWEL, '');
  if (typeof Intl.Segmenter === 'function') {
    segmenter ??= new Intl.Segmenter();
    return segmenter.segment(w)[Symbol.iterator]().next().value?.segment ?? '';
  }
  return Array.from(w)[0] ?? '';
}

/**
 * Up to two initials of a name: first and last word (`Nguyễn Văn An` → `NA`, `Somchai Jaidee` → `SJ`), one for a
 * single word; grapheme-aware, and skipping Thai leading vowels (`เกศินี` → `ก`).
 *
 * @example
 * initials('Trần Thị Mai'); // 'TM'
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  const first = firstGrapheme(words[0]!);
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1]!) : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * The avatar colours of a name: the same name always gets the same pair.
 *
 * @example
 * const [background, color] = avatarColors('Nguyễn Văn An');
 */
export function avatarColors(name: string): readonly [string, string] {
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length]!;
}

/** Props of {@link Avatar}. */
export interface AvatarProps extends HTMLAttributes<HTMLSpanElement> {
  /** Whose avatar: the initials, the colour and (with `label`) the accessible name come from it. */
  name: string;
  /** A photo; initials show while it loads and if it fails. */
  src?: string | null;
  /** `sm` 24 px, `md` 32 px (default), `lg` 40 px, `xl` 56 px. */
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** Name it for assistive technology ("Photo of …"); default decorative, as the name is usually next to it. */
  label?: boolean;
}

/**
 * A person's or company's photo, or their initials on a colour derived from the name.
 *
 * @example
 * <Avatar name="Nguyễn Văn An" src={contact.photoUrl} size="lg" />
 */
export function Avatar({ name, src, size = 'md', label, className, style, ...rest }: AvatarProps) {
  const t = useT();
  // The photo that failed to load: a new `src` is tried again.
  const [failed, setFailed] = useState<string | null>(null);
  const [background, color] = avatarColors(name);
  const part = usePart('avatar', { className, style: { background, color, ...style } });
  const a11y = label ? { role: 'img', 'aria-label': t('avatar.of', { name }) } : { 'aria-hidden': true };
  return (
    <span data-size={size} {...a11y} {...rest} {...part}>
      {initials(name)}
      {src && failed !== src && <img className="crm-avatar-img" src={src} alt="" onError={() => setFailed(src)} />}
    </span>
  );
}
