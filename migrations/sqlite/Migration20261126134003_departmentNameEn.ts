import { Migration } from '@mikro-orm/migrations';

export class Migration20261126134003_departmentNameEn extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`departments\` add column \`name_en\` text null;`);
  }

}
