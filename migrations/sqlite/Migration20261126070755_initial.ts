import { Migration } from '@mikro-orm/migrations';

export class Migration20261126070755_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`applications\` (\`id\` text not null, \`ticket_id\` text not null, \`task_id\` text not null, \`kind\` text not null, \`node\` text not null, \`reviewer\` text null, \`applicant_department\` text not null, \`created_at\` double not null, \`decided_at\` double null, \`state\` json not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`applications_reviewer_node_kind_index\` on \`applications\` (\`reviewer\`, \`node\`, \`kind\`);`);
    this.addSql(`create index \`applications_applicant_department_kind_node_index\` on \`applications\` (\`applicant_department\`, \`kind\`, \`node\`);`);
    this.addSql(`create index \`applications_ticket_id_index\` on \`applications\` (\`ticket_id\`);`);

    this.addSql(`create table \`bundles\` (\`version\` integer not null primary key autoincrement, \`hash\` text not null, \`created_at\` double not null, \`created_by\` text not null, \`packages\` json not null, \`content\` longtext not null);`);
    this.addSql(`create unique index \`bundles_hash_unique\` on \`bundles\` (\`hash\`);`);

    this.addSql(`create table \`departments\` (\`id\` text not null, \`name\` text not null, \`parent\` text null, \`level\` text not null, \`kind\` text not null, \`independent\` integer not null, \`region_code\` text null, \`enabled\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`departments_parent_index\` on \`departments\` (\`parent\`);`);

    this.addSql(`create table \`grids\` (\`id\` text not null, \`name\` text not null, \`community\` text not null, \`geometry\` json null, \`keywords\` json null, \`enabled\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`grids_community_index\` on \`grids\` (\`community\`);`);

    this.addSql(`create table \`history\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`ticket_id\` text not null, \`entity_kind\` text not null, \`entity_id\` text not null, \`event\` text not null, \`from_node\` text not null, \`to_node\` text not null, \`center\` text not null, \`actor_user\` text null, \`actor_department\` text null, \`opinion\` text null, \`at\` double not null, \`data\` json null);`);
    this.addSql(`create unique index \`history_id_unique\` on \`history\` (\`id\`);`);
    this.addSql(`create index \`history_ticket_id_seq_index\` on \`history\` (\`ticket_id\`, \`seq\`);`);
    this.addSql(`create index \`history_actor_user_ticket_id_index\` on \`history\` (\`actor_user\`, \`ticket_id\`);`);

    this.addSql(`create table \`idempotency_keys\` (\`key\` text not null, \`user_id\` text not null, \`status\` integer not null, \`response\` json not null, \`created_at\` double not null, primary key (\`key\`));`);

    this.addSql(`create table \`outbox\` (\`id\` text not null, \`ticket_id\` text not null, \`type\` text not null, \`payload\` json not null, \`created_at\` double not null, \`done_at\` double null, \`attempts\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_done_at_created_at_index\` on \`outbox\` (\`done_at\`, \`created_at\`);`);

    this.addSql(`create table \`sequences\` (\`name\` text not null, \`value\` integer not null, primary key (\`name\`));`);

    this.addSql(`create table \`sessions\` (\`token_hash\` text not null, \`user_id\` text not null, \`created_at\` double not null, \`expires_at\` double not null, primary key (\`token_hash\`));`);
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);
    this.addSql(`create index \`sessions_expires_at_index\` on \`sessions\` (\`expires_at\`);`);

    this.addSql(`create table \`tasks\` (\`id\` text not null, \`ticket_id\` text not null, \`department\` text not null, \`center\` text not null, \`role\` text not null, \`node\` text not null, \`parent\` text null, \`merged_into\` text null, \`grid_worker\` text null, \`created_at\` double not null, \`state\` json not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`tasks_department_node_created_at_index\` on \`tasks\` (\`department\`, \`node\`, \`created_at\`);`);
    this.addSql(`create index \`tasks_ticket_id_index\` on \`tasks\` (\`ticket_id\`);`);
    this.addSql(`create index \`tasks_merged_into_index\` on \`tasks\` (\`merged_into\`);`);

    this.addSql(`create table \`tickets\` (\`id\` text not null, \`number\` text not null, \`domain\` text not null, \`item\` text not null, \`flow\` text not null, \`node\` text not null, \`center\` text not null, \`assignee\` text null, \`grid\` text null, \`grid_worker\` text null, \`channel\` text not null, \`difficult\` integer not null, \`returned\` integer not null, \`merged_into\` text null, \`registered_by\` text not null, \`title\` text not null, \`reported_at\` double not null, \`registered_at\` double not null, \`updated_at\` double not null, \`bundle_hash\` text not null, \`state\` json not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`tickets_number_unique\` on \`tickets\` (\`number\`);`);
    this.addSql(`create index \`tickets_center_node_reported_at_index\` on \`tickets\` (\`center\`, \`node\`, \`reported_at\`);`);
    this.addSql(`create index \`tickets_assignee_index\` on \`tickets\` (\`assignee\`);`);
    this.addSql(`create index \`tickets_merged_into_index\` on \`tickets\` (\`merged_into\`);`);
    this.addSql(`create index \`tickets_grid_worker_node_index\` on \`tickets\` (\`grid_worker\`, \`node\`);`);
    this.addSql(`create index \`tickets_grid_channel_index\` on \`tickets\` (\`grid\`, \`channel\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null, \`login\` text not null, \`name\` text not null, \`gender\` text not null, \`phone\` text not null, \`department\` text not null, \`roles\` json not null, \`password_hash\` text not null, \`failed_logins\` integer not null, \`locked_until\` double null, \`enabled\` integer not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`users_login_unique\` on \`users\` (\`login\`);`);
    this.addSql(`create index \`users_department_index\` on \`users\` (\`department\`);`);
  }

}
