import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Checkbox } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import { Popover } from '../../../primitives/Popover.js';
import type { Table, TableColumn } from '../grid/columns.js';

/** The column chooser: a checkbox per column of the schema (custom fields included). */
export function ColumnChooser({ table }: { table: Table }) {
  const t = useT();
  const columns = (table.getAllLeafColumns() as TableColumn[]).filter((c) => c.getCanHide());
  return (
    <Popover
      label={t('table.chooseColumns')}
      placement="bottom-end"
      className="crm-ct-columns"
      trigger={
        <Button icon={icons.columns} variant="secondary">
          {t('table.columns')}
        </Button>
      }
    >
      <fieldset className="crm-ct-columns-list">
        <legend className="crm-ct-columns-title">{t('table.chooseColumns')}</legend>
        {columns.map((column) => (
          <Checkbox
            key={column.id}
            label={String(column.columnDef.header ?? column.id)}
            checked={column.getIsVisible()}
            onChange={(e) => column.toggleVisibility(e.target.checked)}
          />
        ))}
      </fieldset>
    </Popover>
  );
}
