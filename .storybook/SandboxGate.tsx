import type { Sandbox, SandboxSeed } from '@crmkit/sandbox';
import { type ReactNode, useEffect, useState } from 'react';
import { getSandbox, readySandbox, type StoryLocale } from './crmkit.js';
import { storybookMessages } from './messages.js';

type GateState =
  | { status: 'starting' }
  | { status: 'ready'; sandbox: Sandbox | undefined }
  | { status: 'failed'; error: Error };

const initial = (seed: SandboxSeed | 'none'): GateState => {
  if (seed === 'none') return { status: 'ready', sandbox: undefined };
  const sandbox = readySandbox(seed);
  return sandbox ? { status: 'ready', sandbox } : { status: 'starting' };
};

/**
 * Renders `children(sandbox)` once the sandbox of `seed` has started; until then says so in words, in the story's
 * locale ("Starting the demo CRM in your browser…"), and if it cannot start, says that with a way to try again.
 * Give it a `key` of the seed, so a change of data set starts over.
 */
export function SandboxGate({
  seed,
  locale,
  children,
}: {
  seed: SandboxSeed | 'none';
  locale: StoryLocale;
  children: (sandbox: Sandbox | undefined) => ReactNode;
}) {
  const [state, setState] = useState(() => initial(seed));
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` starts the sandbox again.
  useEffect(() => {
    if (seed === 'none' || readySandbox(seed)) return;
    let live = true;
    getSandbox(seed).then(
      (sandbox) => {
        if (live) setState({ status: 'ready', sandbox });
      },
      (error: Error) => {
        console.error(error);
        if (live) setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [seed, attempt]);

  if (state.status === 'ready') return children(state.sandbox);
  const messages = storybookMessages(locale);
  if (state.status === 'failed') {
    return (
      <div className="crm-story-starting" role="alert">
        <p>{messages.failed}</p>
        <p>
          <code>{state.error.message}</code>
        </p>
        <button
          type="button"
          onClick={() => {
            setState({ status: 'starting' });
            setAttempt((n) => n + 1);
          }}
        >
          {messages.retry}
        </button>
      </div>
    );
  }
  return (
    <div className="crm-story-starting" role="status">
      <span className="crm-story-starting__spinner" aria-hidden="true" />
      {messages.starting}
    </div>
  );
}
