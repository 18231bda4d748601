import { Migration } from '@mikro-orm/migrations';

export class Migration20261202144542 extends Migration {

  override name = 'Migration20261202144542';

  override up(): void | Promise<void> {
    this.addSql(`create index "mediation_case_closed_on_index" on "mediation_case" ("closed_on");`);
    this.addSql(`create index "mediation_case_outcome_index" on "mediation_case" ("outcome");`);
    this.addSql(`create index "mediation_case_applied_on_case_no_idx" on "mediation_case" ("applied_on" desc, "case_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "mediation_case_closed_on_index";`);
    this.addSql(`drop index "mediation_case_outcome_index";`);
    this.addSql(`drop index "mediation_case_applied_on_case_no_idx";`);
  }

}
