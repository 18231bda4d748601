import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100000 extends Migration {

  override name = 'Migration20261202100000';

  override up(): void | Promise<void> {
    this.addSql(`create index "arbitration_case_filed_on_case_no_idx" on "arbitration_case" ("filed_on" desc, "case_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "arbitration_case_filed_on_case_no_idx";`);
  }

}
