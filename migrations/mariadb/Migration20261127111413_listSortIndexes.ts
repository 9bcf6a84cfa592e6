import { Migration } from '@mikro-orm/migrations';

export class Migration20261127111413_listSortIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`applications\` add index \`applications_decided_at_index\`(\`decided_at\`);`);

    this.addSql(`alter table \`tickets\` add index \`tickets_reported_at_index\`(\`reported_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`tickets\` drop index \`tickets_reported_at_index\`;`);

    this.addSql(`alter table \`applications\` drop index \`applications_decided_at_index\`;`);
  }

}
