import { Migration20261126070755_initial } from './Migration20261126070755_initial.js';
import { Migration20261126071231_definitions } from './Migration20261126071231_definitions.js';

/** Applied in order by runtime/db/createOrm.ts `migrate`; add each new migration here. */
export const migrations = [
  { name: 'Migration20261126070755_initial', class: Migration20261126070755_initial },
  { name: 'Migration20261126071231_definitions', class: Migration20261126071231_definitions },
];
