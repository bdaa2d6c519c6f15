import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import * as icons from '../../../primitives/icons.js';
import { duration, type Ticket, type useTicketFacts } from './labels.js';

const TONE = {
  on_track: 'neutral',
  at_risk: 'warning',
  breached: 'danger',
  paused: 'neutral',
  hit: 'success',
  missed: 'danger',
} as const;

/**
 * The SLA clock that matters next, as a badge: `First response due in 25 min` (business time), amber once at risk, red
 * once breached; paused with what was left; met or missed once settled. `data-sla` carries the state for styling.
 */
export function SlaBadge({
  ticket,
  facts,
  now,
}: {
  ticket: Ticket;
  facts: ReturnType<typeof useTicketFacts>;
  now: Date;
}) {
  const t = useT();
  const clock = facts.clock(ticket, now);
  if (!clock) return null;
  const target = clock.target ? t(`inbox.sla.${clock.target}`) : '';
  const time = duration(t, clock.businessMinutesLeft ?? 0);
  const text =
    clock.state === 'hit'
      ? t('inbox.sla.hit')
      : clock.state === 'missed'
        ? t('inbox.sla.missed')
        : clock.state === 'paused'
          ? t('inbox.sla.paused', { target, time })
          : clock.state === 'breached'
            ? t('inbox.sla.overdue', { target, time })
            : t('inbox.sla.dueIn', { target, time });
  return (
    <Badge tone={TONE[clock.state]} icon={icons.clock} className="crm-inbox-sla" data-sla={clock.state}>
      {text}
    </Badge>
  );
}
