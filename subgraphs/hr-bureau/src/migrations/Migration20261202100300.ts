import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100300 extends Migration {

  override name = 'Migration20261202100300';

  override up(): void | Promise<void> {
    this.addSql(`create index "layoff_report_reported_on_report_no_idx" on "layoff_report" ("reported_on" desc, "report_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "layoff_report_reported_on_report_no_idx";`);
  }

}
