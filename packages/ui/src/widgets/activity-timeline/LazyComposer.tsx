import { lazy, Suspense, useEffect } from 'react';
import { Skeleton } from '../../primitives/Skeleton.js';
import type { ComposerProps } from './Composer.js';

const load = () => import('./ComposerChunk.js');
const ComposerChunk = lazy(() => load().then((m) => ({ default: m.ComposerChunk })));

/**
 * Starts loading the composer's code as soon as a timeline that shows one mounts, beside the feed's first request,
 * so it is there by the time the caller's permissions say it may be shown.
 */
export function usePreloadComposer(enabled: boolean): void {
  useEffect(() => {
    if (enabled) void load();
  }, [enabled]);
}

/** The composer, loaded on demand (a skeleton of its height meanwhile). */
export function LazyComposer(props: ComposerProps) {
  return (
    <Suspense fallback={<Skeleton lines={3} />}>
      <ComposerChunk {...props} />
    </Suspense>
  );
}
