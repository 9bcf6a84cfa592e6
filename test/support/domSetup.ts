import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// component tests share 2 cores with browsers and databases: let findBy/waitFor wait for seconds
configure({ asyncUtilTimeout: 8000 });

// Testing Library unmounts after each test only where the runner's globals exist (they do not here):
// a tree left mounted went on rendering after the file's environment was torn down ("window is not defined")
afterEach(() => cleanup());
