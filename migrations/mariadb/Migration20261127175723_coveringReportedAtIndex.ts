import { Migration } from '@mikro-orm/migrations';

export class Migration20261127175723_coveringReportedAtIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`tickets\` drop index \`tickets_reported_at_index\`;`);

    this.addSql(`alter table \`tickets\` add index \`tickets_reported_at_id_node_index\`(\`reported_at\`, \`id\`, \`node\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`tickets\` drop index \`tickets_reported_at_id_node_index\`;`);

    this.addSql(`alter table \`tickets\` add index \`tickets_reported_at_index\`(\`reported_at\`);`);
  }

}
