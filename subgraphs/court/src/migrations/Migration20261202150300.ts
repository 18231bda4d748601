import { Migration } from '@mikro-orm/migrations';

/** The `judicialSuggestions` list: its order (issued_on desc, suggestion_no) and its `repliedOn` filter. */
export class Migration20261202150300 extends Migration {

  override name = 'Migration20261202150300';

  override up(): void | Promise<void> {
    this.addSql(`create index "judicial_suggestion_issued_on_suggestion_no_idx" on "judicial_suggestion" ("issued_on" desc, "suggestion_no");`);
    this.addSql(`create index "judicial_suggestion_replied_on_index" on "judicial_suggestion" ("replied_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "judicial_suggestion_replied_on_index";`);
    this.addSql(`drop index "judicial_suggestion_issued_on_suggestion_no_idx";`);
  }

}
