import { Migration } from '@mikro-orm/migrations';

/** The `judicialConfirmations` list: its order (applied_on desc, case_no) and its `decidedOn` filter. */
export class Migration20261202150200 extends Migration {

  override name = 'Migration20261202150200';

  override up(): void | Promise<void> {
    this.addSql(`create index "judicial_confirmation_applied_on_case_no_idx" on "judicial_confirmation" ("applied_on" desc, "case_no");`);
    this.addSql(`create index "judicial_confirmation_decided_on_index" on "judicial_confirmation" ("decided_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "judicial_confirmation_decided_on_index";`);
    this.addSql(`drop index "judicial_confirmation_applied_on_case_no_idx";`);
  }

}
