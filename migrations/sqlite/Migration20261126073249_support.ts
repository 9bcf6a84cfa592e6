import { Migration } from '@mikro-orm/migrations';

export class Migration20261126073249_support extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`attachments\` (\`id\` text not null, \`ticket_id\` text null, \`name\` text not null, \`mime\` text not null, \`size\` double not null, \`sha256\` text not null, \`path\` text not null, \`uploaded_by\` text not null, \`uploaded_at\` double not null, primary key (\`id\`));`);
    this.addSql(`create index \`attachments_ticket_id_index\` on \`attachments\` (\`ticket_id\`);`);
    this.addSql(`create index \`attachments_uploaded_by_uploaded_at_index\` on \`attachments\` (\`uploaded_by\`, \`uploaded_at\`);`);

    this.addSql(`create table \`audit_log\` (\`seq\` integer not null primary key autoincrement, \`at\` double not null, \`user_id\` text not null, \`action\` text not null, \`entity_kind\` text not null, \`entity_id\` text not null, \`detail\` json null);`);
    this.addSql(`create index \`audit_log_entity_kind_entity_id_index\` on \`audit_log\` (\`entity_kind\`, \`entity_id\`);`);
    this.addSql(`create index \`audit_log_user_id_at_index\` on \`audit_log\` (\`user_id\`, \`at\`);`);

    this.addSql(`create table \`common_opinions\` (\`id\` text not null, \`user_id\` text not null, \`text\` text not null, \`created_at\` double not null, primary key (\`id\`));`);
    this.addSql(`create index \`common_opinions_user_id_created_at_index\` on \`common_opinions\` (\`user_id\`, \`created_at\`);`);

    this.addSql(`create table \`knowledge_articles\` (\`id\` text not null, \`topic\` text not null, \`title\` text not null, \`body\` text not null, \`keywords\` json null, \`enabled\` integer not null, \`updated_at\` double not null, primary key (\`id\`));`);
    this.addSql(`create index \`knowledge_articles_topic_index\` on \`knowledge_articles\` (\`topic\`);`);

    this.addSql(`create table \`messages\` (\`id\` text not null, \`user_id\` text not null, \`ticket_id\` text null, \`kind\` text not null, \`title\` text not null, \`body\` json null, \`created_at\` double not null, \`read_at\` double null, primary key (\`id\`));`);
    this.addSql(`create index \`messages_user_id_read_at_created_at_index\` on \`messages\` (\`user_id\`, \`read_at\`, \`created_at\`);`);
    this.addSql(`create index \`messages_ticket_id_index\` on \`messages\` (\`ticket_id\`);`);

    this.addSql(`create table \`reporters\` (\`ticket_id\` text not null, \`phone\` text not null, \`name\` text not null, \`gender\` text null, \`birth_date\` text null, \`address\` text null, \`detail_address\` text null, \`created_at\` double not null, primary key (\`ticket_id\`));`);
    this.addSql(`create index \`reporters_phone_created_at_index\` on \`reporters\` (\`phone\`, \`created_at\`);`);
  }

}
