import { Migration } from '@mikro-orm/migrations';

/** The `peopleMediationCases` list: its order (application date descending, case number) and the `closedOn` filter's index. */
export class Migration20261202153000 extends Migration {

  override name = 'Migration20261202153000';

  override up(): void | Promise<void> {
    this.addSql(`create index "people_mediation_case_applied_on_case_no_idx" on "people_mediation_case" ("applied_on" desc, "case_no");`);
    this.addSql(`create index "people_mediation_case_closed_on_index" on "people_mediation_case" ("closed_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "people_mediation_case_closed_on_index";`);
    this.addSql(`drop index "people_mediation_case_applied_on_case_no_idx";`);
  }

}
