import { Migration } from '@mikro-orm/migrations';

export class Migration20261126165210_englishTexts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`grids\` add \`name_en\` varchar(200) null;`);

    this.addSql(`alter table \`messages\` add \`subject\` json null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`messages\` drop column \`subject\`;`);

    this.addSql(`alter table \`grids\` drop column \`name_en\`;`);
  }

}
