import { Migration } from '@mikro-orm/migrations';

export class Migration20261126070755_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`applications\` (\`id\` varchar(40) not null, \`ticket_id\` varchar(40) not null, \`task_id\` varchar(40) not null, \`kind\` varchar(16) not null, \`node\` varchar(40) not null, \`reviewer\` varchar(80) null, \`applicant_department\` varchar(80) not null, \`created_at\` double not null, \`decided_at\` double null, \`state\` json not null, \`version\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`applications\` add index \`applications_reviewer_node_kind_index\`(\`reviewer\`, \`node\`, \`kind\`);`);
    this.addSql(`alter table \`applications\` add index \`applications_applicant_department_kind_node_index\`(\`applicant_department\`, \`kind\`, \`node\`);`);
    this.addSql(`alter table \`applications\` add index \`applications_ticket_id_index\`(\`ticket_id\`);`);

    this.addSql(`create table \`bundles\` (\`version\` int unsigned not null auto_increment primary key, \`hash\` varchar(64) not null, \`created_at\` double not null, \`created_by\` varchar(80) not null, \`packages\` json not null, \`content\` longtext not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`bundles\` add unique \`bundles_hash_unique\`(\`hash\`);`);

    this.addSql(`create table \`departments\` (\`id\` varchar(80) not null, \`name\` varchar(200) not null, \`parent\` varchar(80) null, \`level\` varchar(16) not null, \`kind\` varchar(16) not null, \`independent\` tinyint(1) not null, \`region_code\` varchar(32) null, \`enabled\` tinyint(1) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`departments\` add index \`departments_parent_index\`(\`parent\`);`);

    this.addSql(`create table \`grids\` (\`id\` varchar(80) not null, \`name\` varchar(200) not null, \`community\` varchar(80) not null, \`geometry\` json null, \`keywords\` json null, \`enabled\` tinyint(1) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`grids\` add index \`grids_community_index\`(\`community\`);`);

    this.addSql(`create table \`history\` (\`seq\` int unsigned not null auto_increment primary key, \`id\` varchar(40) not null, \`ticket_id\` varchar(40) not null, \`entity_kind\` varchar(16) not null, \`entity_id\` varchar(40) not null, \`event\` varchar(80) not null, \`from_node\` varchar(40) not null, \`to_node\` varchar(40) not null, \`center\` varchar(80) not null, \`actor_user\` varchar(80) null, \`actor_department\` varchar(80) null, \`opinion\` text null, \`at\` double not null, \`data\` json null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`history\` add unique \`history_id_unique\`(\`id\`);`);
    this.addSql(`alter table \`history\` add index \`history_ticket_id_seq_index\`(\`ticket_id\`, \`seq\`);`);
    this.addSql(`alter table \`history\` add index \`history_actor_user_ticket_id_index\`(\`actor_user\`, \`ticket_id\`);`);

    this.addSql(`create table \`idempotency_keys\` (\`key\` varchar(200) not null, \`user_id\` varchar(80) not null, \`status\` int not null, \`response\` json not null, \`created_at\` double not null, primary key (\`key\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`outbox\` (\`id\` varchar(40) not null, \`ticket_id\` varchar(40) not null, \`type\` varchar(40) not null, \`payload\` json not null, \`created_at\` double not null, \`done_at\` double null, \`attempts\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox\` add index \`outbox_done_at_created_at_index\`(\`done_at\`, \`created_at\`);`);

    this.addSql(`create table \`sequences\` (\`name\` varchar(64) not null, \`value\` int not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`sessions\` (\`token_hash\` varchar(64) not null, \`user_id\` varchar(80) not null, \`created_at\` double not null, \`expires_at\` double not null, primary key (\`token_hash\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`sessions\` add index \`sessions_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`sessions\` add index \`sessions_expires_at_index\`(\`expires_at\`);`);

    this.addSql(`create table \`tasks\` (\`id\` varchar(40) not null, \`ticket_id\` varchar(40) not null, \`department\` varchar(80) not null, \`center\` varchar(80) not null, \`role\` varchar(16) not null, \`node\` varchar(40) not null, \`parent\` varchar(40) null, \`merged_into\` varchar(40) null, \`grid_worker\` varchar(80) null, \`created_at\` double not null, \`state\` json not null, \`version\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tasks\` add index \`tasks_department_node_created_at_index\`(\`department\`, \`node\`, \`created_at\`);`);
    this.addSql(`alter table \`tasks\` add index \`tasks_ticket_id_index\`(\`ticket_id\`);`);
    this.addSql(`alter table \`tasks\` add index \`tasks_merged_into_index\`(\`merged_into\`);`);

    this.addSql(`create table \`tickets\` (\`id\` varchar(40) not null, \`number\` varchar(32) not null, \`domain\` varchar(80) not null, \`item\` varchar(80) not null, \`flow\` varchar(80) not null, \`node\` varchar(40) not null, \`center\` varchar(80) not null, \`assignee\` varchar(80) null, \`grid\` varchar(80) null, \`grid_worker\` varchar(80) null, \`channel\` varchar(40) not null, \`difficult\` tinyint(1) not null, \`returned\` tinyint(1) not null, \`merged_into\` varchar(40) null, \`registered_by\` varchar(80) not null, \`title\` varchar(200) not null, \`reported_at\` double not null, \`registered_at\` double not null, \`updated_at\` double not null, \`bundle_hash\` varchar(64) not null, \`state\` json not null, \`version\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tickets\` add unique \`tickets_number_unique\`(\`number\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_center_node_reported_at_index\`(\`center\`, \`node\`, \`reported_at\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_assignee_index\`(\`assignee\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_merged_into_index\`(\`merged_into\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_grid_worker_node_index\`(\`grid_worker\`, \`node\`);`);
    this.addSql(`alter table \`tickets\` add index \`tickets_grid_channel_index\`(\`grid\`, \`channel\`);`);

    this.addSql(`create table \`users\` (\`id\` varchar(80) not null, \`login\` varchar(80) not null, \`name\` varchar(80) not null, \`gender\` varchar(4) not null, \`phone\` varchar(32) not null, \`department\` varchar(80) not null, \`roles\` json not null, \`password_hash\` varchar(100) not null, \`failed_logins\` int not null, \`locked_until\` double null, \`enabled\` tinyint(1) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`users\` add unique \`users_login_unique\`(\`login\`);`);
    this.addSql(`alter table \`users\` add index \`users_department_index\`(\`department\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`applications\`;`);

    this.addSql(`drop table if exists \`bundles\`;`);

    this.addSql(`drop table if exists \`departments\`;`);

    this.addSql(`drop table if exists \`grids\`;`);

    this.addSql(`drop table if exists \`history\`;`);

    this.addSql(`drop table if exists \`idempotency_keys\`;`);

    this.addSql(`drop table if exists \`outbox\`;`);

    this.addSql(`drop table if exists \`sequences\`;`);

    this.addSql(`drop table if exists \`sessions\`;`);

    this.addSql(`drop table if exists \`tasks\`;`);

    this.addSql(`drop table if exists \`tickets\`;`);

    this.addSql(`drop table if exists \`users\`;`);
  }

}
