import type { Decorator, Preview } from '@storybook/react-vite';
import { type ReactNode, useLayoutEffect } from 'react';
import {
  type CrmGlobals,
  type CrmLoaded,
  DEFAULT_GLOBALS,
  globalsOf,
  LOCALES,
  prepareCrm,
  ROLES,
  STORY_DATASETS,
  type StoryCrm,
  StoryCrmContext,
  seedOf,
  storyClient,
  THEMES,
  warmToolbarSandbox,
  wrapStory,
} from './crmkit.js';
import { documentProps } from './docs/arg-types.js';
import { checkListedParts } from './docs/parts.js';
import type { WidgetDocsParameters } from './docs/WidgetDocs.js';
import { SandboxGate } from './SandboxGate.js';
import '@crmkit/ui/styles.css';
import './preview.css';

/** The story's root: `lang` for the story, `data-theme` on it and on the canvas body (for the background). */
function StoryRoot({ globals, children }: { globals: CrmGlobals; children: ReactNode }) {
  useLayoutEffect(() => {
    document.body.dataset.theme = globals.theme;
    document.documentElement.lang = globals.locale;
  }, [globals.theme, globals.locale]);
  return (
    <div className="crm-story-root" lang={globals.locale} data-theme={globals.theme}>
      {children}
    </div>
  );
}

/**
 * Waits for the story's sandbox (saying so in words meanwhile), puts the sandbox, the role's client, the locale and
 * the theme in `StoryCrmContext`, then `wrapStory`s the story.
 */
const withCrm: Decorator = (Story, context) => {
  const globals = globalsOf(context);
  const seed = seedOf(context);
  const { fault } = context.loaded as CrmLoaded;
  return (
    <StoryRoot globals={globals}>
      <SandboxGate key={seed} seed={seed} locale={globals.locale}>
        {(sandbox) => {
          const crm: StoryCrm = { ...globals, sandbox, client: storyClient(sandbox, globals.role, fault) };
          return <StoryCrmContext.Provider value={crm}>{wrapStory(<Story />, crm)}</StoryCrmContext.Provider>;
        }}
      </SandboxGate>
    </StoryRoot>
  );
};

warmToolbarSandbox(window.location);

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
    dataset: {
      description: 'The data of the demo CRM: the same widgets, configured for another business',
      toolbar: {
        title: 'Data',
        icon: 'database',
        items: Object.entries(STORY_DATASETS).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ...DEFAULT_GLOBALS },
  loaders: [prepareCrm],
  decorators: [withCrm],
  argTypesEnhancers: [documentProps],
  // A widget's docs page lists the appearance parts it renders: none of its stories may show one it does not list.
  afterEach: ({ title, parameters }) => {
    const widget = (parameters.docs as { widget?: WidgetDocsParameters } | undefined)?.widget;
    if (widget) checkListedParts(title, widget.parts, document);
  },
  parameters: {
    // axe runs after every story (in Storybook and in the Vitest run); any violation fails.
    a11y: { test: 'error' },
  },
};

export default preview;
