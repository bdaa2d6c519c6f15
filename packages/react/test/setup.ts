import { configure } from '@testing-library/react';

// The server runs in the same tab as the hooks, on a shared 2-core machine: give `waitFor` time (a feed's echo took
// over the default 1 s in a full run beside other work).
configure({ asyncUtilTimeout: 5000 });
