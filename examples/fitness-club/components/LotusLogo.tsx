/** The club's mark: a lotus in three petals (inline SVG, no network font or image). */
export function LotusLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 48 48" className={className} aria-hidden="true">
      <path d="M24 6c5 6 7 12 7 18s-3 12-7 16c-4-4-7-10-7-16s2-12 7-18Z" fill="currentColor" opacity="0.95" />
      <path d="M6 18c7 0 13 3 16 9 2 4 2 9 2 13-6-1-12-4-15-9-2-4-3-8-3-13Z" fill="currentColor" opacity="0.6" />
      <path d="M42 18c-7 0-13 3-16 9-2 4-2 9-2 13 6-1 12-4 15-9 2-4 3-8 3-13Z" fill="currentColor" opacity="0.6" />
    </svg>
  );
}
