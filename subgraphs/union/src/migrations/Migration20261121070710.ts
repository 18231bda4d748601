import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070710 extends Migration {

  override name = 'Migration20261121070710';

  override up(): void | Promise<void> {
    this.addSql(`create index "mediation_case_applied_on_index" on "mediation_case" ("applied_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "mediation_case_applied_on_index";`);
  }

}
