import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070711 extends Migration {

  override name = 'Migration20261121070711';

  override up(): void | Promise<void> {
    this.addSql(`create index "lawsuit_filed_on_index" on "lawsuit" ("filed_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "lawsuit_filed_on_index";`);
  }

}
