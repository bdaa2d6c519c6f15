'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A link of the club's top navigation, marked current on its section. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`rounded-full px-4 py-2 text-sm font-medium no-underline transition-colors ${
        current ? 'bg-white text-lotus-900 shadow-sm' : 'text-lotus-50 hover:bg-white/10'
      }`}
    >
      {children}
    </Link>
  );
}
