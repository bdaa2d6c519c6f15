import type { ReactNode } from 'react';
import type { HeadingLevel } from '../../../primitives/Card.js';
import { Spinner } from '../../../primitives/Spinner.js';

/** Props of {@link ListHeader}. */
export interface ListHeaderProps {
  /** The heading's id: the list's section is labelled by it (`aria-labelledby`). */
  id: string;
  /** The heading's level. */
  level: HeadingLevel;
  /** The heading's text. */
  title: ReactNode;
  /** Shows a small spinner beside the title while a list already shown is fetched again (not on its first load). */
  refreshing: boolean;
}

/**
 * The title row of a widget's list section (the activity timeline, the tasks list): its heading and, while the list
 * refreshes in the background, a small spinner beside it.
 *
 * @example
 * <section aria-labelledby={`${id}-title`}>
 *   <ListHeader id={`${id}-title`} level={2} title={t('tasks.title')} refreshing={isFetching && !isPending} />
 * </section>
 */
export function ListHeader({ id, level, title, refreshing }: ListHeaderProps) {
  const H = `h${level}` as const;
  return (
    <div className="crm-list-header">
      <H id={id} className="crm-list-title">
        {title}
      </H>
      {refreshing && <Spinner size={14} className="crm-list-refreshing" />}
    </div>
  );
}
