const TONES = ['#0f3d6e', '#1b6b5a', '#7a3e9d', '#b0502a', '#2f5fa7', '#8a6d1f', '#a33a5b', '#3b6e22'];

/** Initials on a colour derived from the name (host styling, not crmkit's). */
export function Avatar({ name, size = 36 }: { name: string; size?: number }) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className="portal-avatar"
      style={{ width: size, height: size, fontSize: size * 0.4, background: TONES[hash % TONES.length] }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}
