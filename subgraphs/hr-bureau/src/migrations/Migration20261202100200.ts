import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100200 extends Migration {

  override name = 'Migration20261202100200';

  override up(): void | Promise<void> {
    this.addSql(`create index "wage_arrears_alert_raised_on_alert_no_idx" on "wage_arrears_alert" ("raised_on" desc, "alert_no");`);
    this.addSql(`create index "wage_arrears_alert_level_index" on "wage_arrears_alert" ("level");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "wage_arrears_alert_raised_on_alert_no_idx";`);
    this.addSql(`drop index if exists "wage_arrears_alert_level_index";`);
  }

}
