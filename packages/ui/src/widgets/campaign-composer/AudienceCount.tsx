import { useSegmentCount } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { Spinner } from '../../primitives/Spinner.js';

/** How many contacts the segment holds now, counted live on the server (and again when contacts change). */
export function AudienceCount({ segmentId }: { segmentId: string }) {
  const t = useT();
  const count = useSegmentCount({ id: segmentId, resource: 'contacts' }).data;
  if (!count) return <Spinner size={12} label={t('state.loading')} />;
  return <>{t(count.exact ? 'composer.audience' : 'composer.audienceAbout', { count: count.value })}</>;
}
