import { Migration } from '@mikro-orm/migrations';

/**
 * The `lawsuits` list: its order (filed_on desc, case_no), which also serves the date windows on filed_on
 * that the single-column index served, and its `judgmentOn` filter.
 */
export class Migration20261202150000 extends Migration {

  override name = 'Migration20261202150000';

  override up(): void | Promise<void> {
    this.addSql(`create index "lawsuit_filed_on_case_no_idx" on "lawsuit" ("filed_on" desc, "case_no");`);
    this.addSql(`drop index "lawsuit_filed_on_index";`);
    this.addSql(`create index "lawsuit_judgment_on_index" on "lawsuit" ("judgment_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "lawsuit_judgment_on_index";`);
    this.addSql(`create index "lawsuit_filed_on_index" on "lawsuit" ("filed_on");`);
    this.addSql(`drop index "lawsuit_filed_on_case_no_idx";`);
  }

}
