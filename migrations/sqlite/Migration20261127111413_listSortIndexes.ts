import { Migration } from '@mikro-orm/migrations';

export class Migration20261127111413_listSortIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`applications_decided_at_index\` on \`applications\` (\`decided_at\`);`);

    this.addSql(`create index \`tickets_reported_at_index\` on \`tickets\` (\`reported_at\`);`);
  }

}
