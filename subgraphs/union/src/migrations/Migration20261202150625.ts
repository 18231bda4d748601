import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150625 extends Migration {

  override name = 'Migration20261202150625';

  override up(): void | Promise<void> {
    this.addSql(`create index "hardship_aid_amount_index" on "hardship_aid" ("amount");`);
    this.addSql(`create index "hardship_aid_kind_index" on "hardship_aid" ("kind");`);
    this.addSql(`create index "hardship_aid_granted_on_aid_no_idx" on "hardship_aid" ("granted_on" desc, "aid_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "hardship_aid_amount_index";`);
    this.addSql(`drop index "hardship_aid_kind_index";`);
    this.addSql(`drop index "hardship_aid_granted_on_aid_no_idx";`);
  }

}
