import type { Decorator, Preview } from '@storybook/react-vite';
import { type ReactNode, useLayoutEffect } from 'react';
import {
  type CrmGlobals,
  type CrmLoaded,
  DEFAULT_GLOBALS,
  getClient,
  LOCALES,
  loadCrm,
  ROLES,
  type StoryCrm,
  StoryCrmContext,
  THEMES,
  wrapStory,
} from './crmkit.js';
import '@crmkit/ui/styles.css';
import './preview.css';

/** The story's root: `lang` for the story, `data-theme` on it and on the canvas body (for the background). */
function StoryRoot({ crm, children }: { crm: StoryCrm; children: ReactNode }) {
  useLayoutEffect(() => {
    document.body.dataset.theme = crm.theme;
    document.documentElement.lang = crm.locale;
  }, [crm.theme, crm.locale]);
  return (
    <StoryCrmContext.Provider value={crm}>
      <div className="crm-story-root" lang={crm.locale} data-theme={crm.theme}>
        {children}
      </div>
    </StoryCrmContext.Provider>
  );
}

/** Puts the sandbox, the role's client, the locale and the theme in `StoryCrmContext`, then `wrapStory`s the story. */
const withCrm: Decorator = (Story, context) => {
  const globals: CrmGlobals = { ...DEFAULT_GLOBALS, ...(context.globals as Partial<CrmGlobals>) };
  const loaded = context.loaded as CrmLoaded;
  // The role's shared client, unless the story has a client of its own (a faulted one, or no sandbox).
  const client = loaded.sandbox && !loaded.fault ? getClient(loaded.sandbox, globals.role) : loaded.client;
  const crm: StoryCrm = { ...globals, sandbox: loaded.sandbox, client };
  return <StoryRoot crm={crm}>{wrapStory(<Story />, crm)}</StoryRoot>;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Locale of the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: [...LOCALES], dynamicTitle: true },
    },
    theme: {
      description: 'Theme of the widgets',
      toolbar: { title: 'Theme', icon: 'contrast', items: [...THEMES], dynamicTitle: true },
    },
    role: {
      description: 'Role of the signed-in user (the API key the client uses)',
      toolbar: { title: 'Role', icon: 'user', items: [...ROLES], dynamicTitle: true },
    },
  },
  initialGlobals: { ...DEFAULT_GLOBALS },
  loaders: [loadCrm],
  decorators: [withCrm],
  parameters: {
    // axe runs after every story (in Storybook and in the Vitest run); any violation fails.
    a11y: { test: 'error' },
    crmkit: { seed: 'demo' },
  },
};

export default preview;
