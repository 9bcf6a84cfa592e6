import { Migration } from '@mikro-orm/migrations';

export class Migration20261126071231_definitions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`definition_drafts\` (\`kind\` varchar(40) not null, \`def_id\` varchar(200) not null, \`package\` varchar(80) not null, \`file\` varchar(200) not null, \`position\` int not null, \`content\` json not null, \`updated_at\` double not null, \`updated_by\` varchar(80) not null, primary key (\`kind\`, \`def_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`definition_drafts\` add index \`definition_drafts_package_file_index\`(\`package\`, \`file\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`definition_drafts\`;`);
  }

}
