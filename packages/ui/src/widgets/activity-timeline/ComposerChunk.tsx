import { MessagesScope } from '../../context/scope.js';
import { editingMessages } from '../../i18n/messages/editing/index.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { Composer, type ComposerProps } from './Composer.js';

/**
 * The composer with the strings its field checks show (the editing part): the chunk `LazyComposer` loads, so neither
 * the form nor those strings weigh on the timeline's first paint.
 */
export function ComposerChunk(props: ComposerProps) {
  return (
    <MessagesScope part={editingMessages} fallback={<Skeleton lines={3} />}>
      <Composer {...props} />
    </MessagesScope>
  );
}
