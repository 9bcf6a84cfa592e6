import { Migration20261126070755_initial } from './Migration20261126070755_initial.js';
import { Migration20261126071231_definitions } from './Migration20261126071231_definitions.js';
import { Migration20261126073249_support } from './Migration20261126073249_support.js';
import { Migration20261126105306_republish } from './Migration20261126105306_republish.js';
import { Migration20261126105709_historyEntityIndex } from './Migration20261126105709_historyEntityIndex.js';
import { Migration20261126134003_departmentNameEn } from './Migration20261126134003_departmentNameEn.js';
import { Migration20261126165210_englishTexts } from './Migration20261126165210_englishTexts.js';
import { Migration20261127111413_listSortIndexes } from './Migration20261127111413_listSortIndexes.js';
import { Migration20261127175723_coveringReportedAtIndex } from './Migration20261127175723_coveringReportedAtIndex.js';

/** Applied in order by runtime/db/createOrm.ts `migrate`; add each new migration here. */
export const migrations = [
  { name: 'Migration20261126070755_initial', class: Migration20261126070755_initial },
  { name: 'Migration20261126071231_definitions', class: Migration20261126071231_definitions },
  { name: 'Migration20261126073249_support', class: Migration20261126073249_support },
  { name: 'Migration20261126105306_republish', class: Migration20261126105306_republish },
  { name: 'Migration20261126105709_historyEntityIndex', class: Migration20261126105709_historyEntityIndex },
  { name: 'Migration20261126134003_departmentNameEn', class: Migration20261126134003_departmentNameEn },
  { name: 'Migration20261126165210_englishTexts', class: Migration20261126165210_englishTexts },
  { name: 'Migration20261127111413_listSortIndexes', class: Migration20261127111413_listSortIndexes },
  { name: 'Migration20261127175723_coveringReportedAtIndex', class: Migration20261127175723_coveringReportedAtIndex },
];
