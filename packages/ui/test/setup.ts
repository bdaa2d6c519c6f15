import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The server runs in the same tab as the widgets, on a shared 2-core machine: give `findBy*` and `waitFor` time.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
