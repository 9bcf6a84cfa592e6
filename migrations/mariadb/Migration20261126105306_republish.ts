import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105306_republish extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`bundles\` drop index \`bundles_hash_unique\`;`);

    this.addSql(`alter table \`bundles\` add index \`bundles_hash_index\`(\`hash\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`bundles\` drop index \`bundles_hash_index\`;`);

    this.addSql(`alter table \`bundles\` add unique \`bundles_hash_unique\`(\`hash\`);`);
  }

}
