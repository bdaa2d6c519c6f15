/** The board's own filters, as its filter form edits them (amounts and percentages as typed). */
export interface BoardFilters {
  /** `any`, `me`, or a user id. */
  owner: string;
  /** Comma-separated, as typed: deals with any of them. */
  tags: string;
  /** In major units of the pipeline's currency, as typed in the locale (`'150.000'` in Vietnamese; `''` for none). */
  amountMin: string;
  amountMax: string;
  probabilityMin: string;
  probabilityMax: string;
  close: 'any' | 'overdue' | 'thisMonth' | 'nextMonth';
  /** Only deals idle past their stage's threshold (a list parameter of its own, not part of the filter). */
  rotting: boolean;
}

/** Props of the filter form (`extras/FilterForm.tsx`, loaded lazily). */
export interface FilterFormProps {
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
  owners: readonly { id: string; name: string }[];
  entities: string;
  /** The pipeline's currency: the amount bounds are typed in it. */
  currency: string;
  /** The pipeline has a stage with an idle threshold. */
  canRot: boolean;
}

export const EMPTY_FILTERS: BoardFilters = {
  owner: 'any',
  tags: '',
  amountMin: '',
  amountMax: '',
  probabilityMin: '',
  probabilityMax: '',
  close: 'any',
  rotting: false,
};

/** How many of the filters are set (for the filter button's count). */
export function activeFilters(f: BoardFilters): number {
  return (
    (f.owner !== 'any' ? 1 : 0) +
    (tagList(f.tags).length ? 1 : 0) +
    (f.amountMin || f.amountMax ? 1 : 0) +
    (f.probabilityMin || f.probabilityMax ? 1 : 0) +
    (f.close !== 'any' ? 1 : 0) +
    (f.rotting ? 1 : 0)
  );
}

/** The tags typed in the filter form, comma-separated. */
export const tagList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
