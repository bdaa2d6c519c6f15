import type { ReactNode } from 'react';

/**
 * The name of a related record: a link-styled button when the host handles opening it (it owns navigation), else text.
 *
 * @example
 * <Opener id={deal.id} onOpen={onOpenDeal}>{deal.name}</Opener>
 */
export function Opener({ id, onOpen, children }: { id: string; onOpen?: (id: string) => void; children: ReactNode }) {
  if (!onOpen) return <span className="crm-related-name">{children}</span>;
  return (
    <button type="button" className="crm-link crm-related-name" onClick={() => onOpen(id)}>
      {children}
    </button>
  );
}
