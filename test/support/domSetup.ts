import { configure } from '@testing-library/react';

// component tests share 2 cores with browsers and databases: let findBy/waitFor wait for seconds
configure({ asyncUtilTimeout: 8000 });
