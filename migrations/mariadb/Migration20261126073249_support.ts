import { Migration } from '@mikro-orm/migrations';

export class Migration20261126073249_support extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`attachments\` (\`id\` varchar(40) not null, \`ticket_id\` varchar(40) null, \`name\` varchar(255) not null, \`mime\` varchar(120) not null, \`size\` double not null, \`sha256\` varchar(64) not null, \`path\` varchar(500) not null, \`uploaded_by\` varchar(80) not null, \`uploaded_at\` double not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`attachments\` add index \`attachments_ticket_id_index\`(\`ticket_id\`);`);
    this.addSql(`alter table \`attachments\` add index \`attachments_uploaded_by_uploaded_at_index\`(\`uploaded_by\`, \`uploaded_at\`);`);

    this.addSql(`create table \`audit_log\` (\`seq\` int unsigned not null auto_increment primary key, \`at\` double not null, \`user_id\` varchar(80) not null, \`action\` varchar(80) not null, \`entity_kind\` varchar(40) not null, \`entity_id\` varchar(80) not null, \`detail\` json null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_log\` add index \`audit_log_entity_kind_entity_id_index\`(\`entity_kind\`, \`entity_id\`);`);
    this.addSql(`alter table \`audit_log\` add index \`audit_log_user_id_at_index\`(\`user_id\`, \`at\`);`);

    this.addSql(`create table \`common_opinions\` (\`id\` varchar(40) not null, \`user_id\` varchar(80) not null, \`text\` varchar(2000) not null, \`created_at\` double not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`common_opinions\` add index \`common_opinions_user_id_created_at_index\`(\`user_id\`, \`created_at\`);`);

    this.addSql(`create table \`knowledge_articles\` (\`id\` varchar(40) not null, \`topic\` varchar(80) not null, \`title\` varchar(255) not null, \`body\` text not null, \`keywords\` json null, \`enabled\` tinyint(1) not null, \`updated_at\` double not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`knowledge_articles\` add index \`knowledge_articles_topic_index\`(\`topic\`);`);

    this.addSql(`create table \`messages\` (\`id\` varchar(40) not null, \`user_id\` varchar(80) not null, \`ticket_id\` varchar(40) null, \`kind\` varchar(40) not null, \`title\` varchar(255) not null, \`body\` json null, \`created_at\` double not null, \`read_at\` double null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`messages\` add index \`messages_user_id_read_at_created_at_index\`(\`user_id\`, \`read_at\`, \`created_at\`);`);
    this.addSql(`alter table \`messages\` add index \`messages_ticket_id_index\`(\`ticket_id\`);`);

    this.addSql(`create table \`reporters\` (\`ticket_id\` varchar(40) not null, \`phone\` varchar(32) not null, \`name\` varchar(80) not null, \`gender\` varchar(4) null, \`birth_date\` varchar(10) null, \`address\` varchar(255) null, \`detail_address\` varchar(255) null, \`created_at\` double not null, primary key (\`ticket_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`reporters\` add index \`reporters_phone_created_at_index\`(\`phone\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`attachments\`;`);

    this.addSql(`drop table if exists \`audit_log\`;`);

    this.addSql(`drop table if exists \`common_opinions\`;`);

    this.addSql(`drop table if exists \`knowledge_articles\`;`);

    this.addSql(`drop table if exists \`messages\`;`);

    this.addSql(`drop table if exists \`reporters\`;`);
  }

}
