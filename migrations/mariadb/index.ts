import { Migration20261126070755_initial } from './Migration20261126070755_initial.js';

/** Applied in order by runtime/db/createOrm.ts `migrate`; add each new migration here. */
export const migrations = [{ name: 'Migration20261126070755_initial', class: Migration20261126070755_initial }];
