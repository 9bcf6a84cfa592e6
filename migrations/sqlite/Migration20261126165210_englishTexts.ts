import { Migration } from '@mikro-orm/migrations';

export class Migration20261126165210_englishTexts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`grids\` add column \`name_en\` text null;`);

    this.addSql(`alter table \`messages\` add column \`subject\` json null;`);
  }

}
