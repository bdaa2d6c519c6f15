/** Writes `src/theme/generated/themes.css` from the ready themes of `src/theme/appearance.ts` (`pnpm --filter @crmkit/ui themes`). */
import { writeFileSync } from 'node:fs';
import { themesCss } from '../src/theme/css.js';

writeFileSync(new URL('../src/theme/generated/themes.css', import.meta.url), themesCss());
