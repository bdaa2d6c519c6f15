import { Skeleton } from '../../../primitives/Skeleton.js';
import type { GridColumn } from './columns.js';

/** A placeholder row while the first page loads: the columns' shapes, hidden from assistive technology. */
export function SkeletonRow({ index, columns }: { index: number; columns: GridColumn[] }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a placeholder row: no tabindex, no controls
    <tr aria-hidden="true" className="crm-ct-row">
      {columns.map((c) => (
        <td key={c.id} className="crm-ct-td">
          {c.kind === 'name' ? (
            <span className="crm-ct-person">
              <Skeleton shape="circle" width={24} height={24} />
              <Skeleton width={`${50 + ((index * 17) % 40)}%`} />
            </span>
          ) : (
            <Skeleton width={c.kind === 'select' ? 16 : `${40 + ((index * 23 + c.width) % 45)}%`} />
          )}
        </td>
      ))}
    </tr>
  );
}
