import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105709_historyEntityIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`history_actor_user_entity_kind_entity_id_index\` on \`history\` (\`actor_user\`, \`entity_kind\`, \`entity_id\`);`);
  }

}
