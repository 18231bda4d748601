import { Migration } from '@mikro-orm/migrations';

/**
 * The `legalAidCases` list: its order (application date descending, case number) as one index, which also
 * serves every window on the application date and so replaces the single-column one; the `grantedOn` filter's.
 */
export class Migration20261202150000 extends Migration {

  override name = 'Migration20261202150000';

  override up(): void | Promise<void> {
    this.addSql(`drop index "legal_aid_case_applied_on_index";`);
    this.addSql(`create index "legal_aid_case_applied_on_case_no_idx" on "legal_aid_case" ("applied_on" desc, "case_no");`);
    this.addSql(`create index "legal_aid_case_granted_on_index" on "legal_aid_case" ("granted_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "legal_aid_case_granted_on_index";`);
    this.addSql(`drop index "legal_aid_case_applied_on_case_no_idx";`);
    this.addSql(`create index "legal_aid_case_applied_on_index" on "legal_aid_case" ("applied_on");`);
  }

}
