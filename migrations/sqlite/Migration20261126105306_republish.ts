import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105306_republish extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`bundles_hash_unique\`;`);

    this.addSql(`create index \`bundles_hash_index\` on \`bundles\` (\`hash\`);`);
  }

}
