import type { Schemas } from '@crmkit/client';
import type { Format } from '@crmkit/react';
import type { ComponentType } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import type { BoardDeal, BoardStage } from './deal-facts.js';

/** What every card of a board shares: the clock, names, stages and what the user may do. */
export interface CardContext {
  t: Translate;
  f: Format;
  locale: string;
  /** "Now" in ms and today's date (`YYYY-MM-DD`) in the provider's time zone. */
  now: number;
  today: string;
  stages: readonly BoardStage[];
  owners: ReadonlyMap<string, string>;
  /** Company and contact names by id (loaded per page of deals). */
  names: ReadonlyMap<string, string>;
  cardFields: readonly Schemas['FieldDefinition'][];
  canMove: boolean;
  /** The id of the element that explains the card's keys (`aria-describedby`). */
  helpId: string;
  onMoveTo: (dealId: string, to: string) => void;
  /** A card's "Move…" menu (loaded lazily by the board; its button shows meanwhile). */
  MoveMenu: ComponentType<MoveMenuProps>;
}

/** Props of a card's "Move…" menu. */
export interface MoveMenuProps {
  deal: BoardDeal;
  context: CardContext;
  tabbable?: boolean;
  /** Open on mount: its button was pressed while the menu loaded. */
  defaultOpen?: boolean;
  /** Focus its button on mount: the button shown while the menu loaded had focus. */
  autoFocus?: boolean;
}
