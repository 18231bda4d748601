import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070713 extends Migration {

  override name = 'Migration20261121070713';

  override up(): void | Promise<void> {
    this.addSql(`create index "legal_aid_case_applied_on_index" on "legal_aid_case" ("applied_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "legal_aid_case_applied_on_index";`);
  }

}

