import { Migration } from '@mikro-orm/migrations';

export class Migration20261127175723_coveringReportedAtIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`tickets_reported_at_index\`;`);

    this.addSql(`create index \`tickets_reported_at_id_node_index\` on \`tickets\` (\`reported_at\`, \`id\`, \`node\`);`);
  }

}
