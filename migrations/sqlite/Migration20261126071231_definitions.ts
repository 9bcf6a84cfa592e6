import { Migration } from '@mikro-orm/migrations';

export class Migration20261126071231_definitions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`definition_drafts\` (\`kind\` text not null, \`def_id\` text not null, \`package\` text not null, \`file\` text not null, \`position\` integer not null, \`content\` json not null, \`updated_at\` double not null, \`updated_by\` text not null, primary key (\`kind\`, \`def_id\`));`);
    this.addSql(`create index \`definition_drafts_package_file_index\` on \`definition_drafts\` (\`package\`, \`file\`);`);
  }

}
