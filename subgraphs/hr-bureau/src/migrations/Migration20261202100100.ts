import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100100 extends Migration {

  override name = 'Migration20261202100100';

  override up(): void | Promise<void> {
    this.addSql(`create index "labor_inspection_inspected_on_inspection_no_idx" on "labor_inspection" ("inspected_on" desc, "inspection_no");`);
    this.addSql(`create index "labor_inspection_status_index" on "labor_inspection" ("status");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "labor_inspection_inspected_on_inspection_no_idx";`);
    this.addSql(`drop index if exists "labor_inspection_status_index";`);
  }

}
