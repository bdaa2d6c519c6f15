/**
 * The select-all banner of the contacts table: when a whole page is selected and more contacts match, it offers to
 * select all that match; once they are, it says how many are selected and offers to clear the selection.
 */
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';

/** The banner: a live region, empty unless there is something to offer (`offer`) or all that match are selected. */
export function SelectionBanner({
  all,
  total,
  offer,
  pageCount,
  entities,
  onSelectAll,
  onClear,
}: {
  /** The "all matching" selection, with the rows deselected since. */
  all: { excluded: Set<string> } | undefined;
  /** How many contacts match (`null` above 5,000), once counted. */
  total: number | null | undefined;
  offer: boolean;
  /** How many rows the page shows. */
  pageCount: number;
  /** The plural label, lowercase. */
  entities: string;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const t = useT();
  return (
    // One button throughout (select all matching, then clear), so focus stays on it.
    <div className="crm-ct-banner" role="status">
      {(offer || all) && (
        <>
          {all
            ? all.excluded.size && total
              ? t('table.someMatchingSelected', { count: total - all.excluded.size, total, entities })
              : total
                ? t('table.allMatchingSelected', { count: total, entities })
                : t('table.allMatchingSelectedAny', { entities })
            : t('table.allOnPage', { count: pageCount })}{' '}
          <Button size="sm" variant="ghost" onClick={all ? onClear : onSelectAll}>
            {all
              ? t('table.clearSelection')
              : total
                ? t('table.selectAllMatching', { count: total, entities })
                : t('table.selectAllMatchingAny', { entities })}
          </Button>
        </>
      )}
    </div>
  );
}
