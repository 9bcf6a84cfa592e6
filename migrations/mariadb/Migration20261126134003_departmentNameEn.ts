import { Migration } from '@mikro-orm/migrations';

export class Migration20261126134003_departmentNameEn extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`departments\` add \`name_en\` varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`departments\` drop column \`name_en\`;`);
  }

}
