import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070708 extends Migration {

  override name = 'Migration20261121070708';

  override up(): void | Promise<void> {
    this.addSql(`create index "arbitration_case_filed_on_index" on "arbitration_case" ("filed_on");`);

    this.addSql(`create index "layoff_report_reported_on_index" on "layoff_report" ("reported_on");`);

    this.addSql(`create index "wage_arrears_alert_raised_on_index" on "wage_arrears_alert" ("raised_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "arbitration_case_filed_on_index";`);

    this.addSql(`drop index "layoff_report_reported_on_index";`);

    this.addSql(`drop index "wage_arrears_alert_raised_on_index";`);
  }

}
