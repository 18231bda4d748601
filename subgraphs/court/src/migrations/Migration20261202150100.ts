import { Migration } from '@mikro-orm/migrations';

/** The `enforcementCases` list: its order (filed_on desc, case_no) and its `closedOn` and `amountAtLeast` filters. */
export class Migration20261202150100 extends Migration {

  override name = 'Migration20261202150100';

  override up(): void | Promise<void> {
    this.addSql(`create index "enforcement_case_filed_on_case_no_idx" on "enforcement_case" ("filed_on" desc, "case_no");`);
    this.addSql(`create index "enforcement_case_amount_index" on "enforcement_case" ("amount");`);
    this.addSql(`create index "enforcement_case_closed_on_index" on "enforcement_case" ("closed_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "enforcement_case_closed_on_index";`);
    this.addSql(`drop index "enforcement_case_amount_index";`);
    this.addSql(`drop index "enforcement_case_filed_on_case_no_idx";`);
  }

}
