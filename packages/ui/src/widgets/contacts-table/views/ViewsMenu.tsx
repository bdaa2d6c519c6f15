import type { TableView } from '@crmkit/react/tables';
import { Suspense, useRef, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import * as icons from '../../../primitives/icons.js';
import { Menu, MenuItem, MenuSeparator } from '../../../primitives/Menu.js';
import { SaveViewDialog } from '../dialogs/lazy.js';
import { type SavedView, useSavedViews } from './useSavedViews.js';

/** Props of {@link ViewsMenu}. */
export interface ViewsMenuProps {
  /** The workspace, which namespaces views kept in `localStorage`. */
  workspaceId: string | undefined;
  /** Saved views, controlled by the host; default: kept in `localStorage`. */
  views: SavedView[] | undefined;
  onViewsChange: ((views: SavedView[]) => void) | undefined;
  /** The table's current state (what "Save view" saves) and how to apply one. */
  view: TableView;
  applyView: (view: Partial<TableView>) => void;
  /** The state "All contacts" goes back to. */
  initialView: Partial<TableView>;
  /** The plural label, lowercase ("contacts", "members"). */
  entities: string;
}

/**
 * The saved views menu: "All contacts", each saved view (choosing one applies it), "Save view…" (a name; the same
 * name overwrites) and "Delete view" for the active one. Choices are announced.
 */
export function ViewsMenu({
  workspaceId,
  views: controlled,
  onViewsChange,
  view,
  applyView,
  initialView,
  entities,
}: ViewsMenuProps) {
  const t = useT();
  const announce = useAnnounce();
  const [views, setViews] = useSavedViews('contacts', workspaceId, controlled, onViewsChange);
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = views.find((v) => v.id === activeId);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const allLabel = t('table.allRecords', { entities });
  const current = active?.name ?? allLabel;

  const choose = (chosen: SavedView | undefined) => {
    setActiveId(chosen?.id ?? null);
    applyView(chosen?.view ?? initialView);
    announce(chosen?.name ?? allLabel);
    setOpen(false);
    trigger.current?.focus();
  };
  const save = (name: string) => {
    const existing = views.find((v) => v.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    const saved: SavedView = { id: existing?.id ?? `view_${Date.now().toString(36)}`, name, view };
    setViews(existing ? views.map((v) => (v.id === existing.id ? saved : v)) : [...views, saved]);
    setActiveId(saved.id);
    announce(t('table.viewSaved', { name }));
    setSaving(false);
  };
  const remove = (gone: SavedView) => {
    setViews(views.filter((x) => x.id !== gone.id));
    setActiveId(null);
    applyView(initialView);
  };

  return (
    <>
      <Menu
        open={open}
        onOpenChange={setOpen}
        label={t('table.savedViews')}
        trigger={
          <Button
            ref={trigger}
            variant="ghost"
            className="crm-ct-views"
            iconEnd={icons.chevronDown}
            aria-label={`${t('table.savedViews')}: ${current}`}
          >
            <span className="crm-ct-views-name">{current}</span>
          </Button>
        }
      >
        <MenuItem checked={!active} onSelect={() => choose(undefined)}>
          {allLabel}
        </MenuItem>
        {views.map((v) => (
          <MenuItem key={v.id} checked={active?.id === v.id} onSelect={() => choose(v)}>
            {v.name}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem icon={icons.plus} onSelect={() => setSaving(true)}>
          {t('table.saveView')}…
        </MenuItem>
        {active && (
          <MenuItem icon={icons.trash} tone="danger" onSelect={() => remove(active)}>
            {t('table.deleteView')}
          </MenuItem>
        )}
      </Menu>
      {saving && (
        <Suspense>
          <SaveViewDialog name={active?.name ?? ''} onClose={() => setSaving(false)} onSave={save} />
        </Suspense>
      )}
    </>
  );
}
