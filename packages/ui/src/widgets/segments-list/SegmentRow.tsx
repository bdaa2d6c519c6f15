import type { Segment } from '@crmkit/client';
import { useSegmentCount } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import { Menu, MenuItem, MenuSeparator } from '../../primitives/Menu.js';
import { Spinner } from '../../primitives/Spinner.js';

/** Props of {@link SegmentRow}. */
interface SegmentRowProps {
  segment: Segment;
  /** The lower-case plural label of the segment's resource ("members"). */
  entities: string;
  canRename: boolean;
  canDelete: boolean;
  onOpen?: (segment: Segment) => void;
  onRename: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
}

/** A saved segment: its name (a button when it can be opened), what it selects from, its live count and its menu. */
export function SegmentRow({ segment, entities, canRename, canDelete, onOpen, onRename, onDelete }: SegmentRowProps) {
  const t = useT();
  const count = useSegmentCount(segment);
  const value = count.data;
  const members = value
    ? t(value.exact ? 'segments.members' : 'segments.membersAbout', { count: value.value })
    : undefined;
  return (
    <li className="crm-list-row crm-sl-row" tabIndex={-1} aria-label={segment.name}>
      <div className="crm-sl-main">
        {onOpen ? (
          <button type="button" className="crm-sl-name" data-primary="" onClick={() => onOpen(segment)}>
            {segment.name}
          </button>
        ) : (
          <span className="crm-sl-name">{segment.name}</span>
        )}
        <span className="crm-list-meta">
          <span>{t('segments.of', { entities })}</span>
          <span className="crm-sl-count">
            {members ??
              (count.error ? t('segments.countFailed') : <Spinner size={12} label={t('segments.counting')} />)}
          </span>
        </span>
      </div>
      {(canRename || canDelete) && (
        <Menu
          placement="bottom-end"
          trigger={
            <IconButton
              size="sm"
              icon={icons.more}
              aria-label={t('segments.actions', { name: segment.name })}
              data-primary={onOpen ? undefined : ''}
            />
          }
        >
          {canRename && (
            <MenuItem icon={icons.pencil} onSelect={() => onRename(segment)}>
              {t('segments.rename')}
            </MenuItem>
          )}
          {canRename && canDelete && <MenuSeparator />}
          {canDelete && (
            <MenuItem icon={icons.trash} tone="danger" onSelect={() => onDelete(segment)}>
              {t('segments.delete')}
            </MenuItem>
          )}
        </Menu>
      )}
    </li>
  );
}
