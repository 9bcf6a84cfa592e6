import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105709_historyEntityIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`history\` add index \`history_actor_user_entity_kind_entity_id_index\`(\`actor_user\`, \`entity_kind\`, \`entity_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`history\` drop index \`history_actor_user_entity_kind_entity_id_index\`;`);
  }

}
