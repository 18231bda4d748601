import { Migration } from '@mikro-orm/migrations';

export class Migration20261202152009 extends Migration {

  override name = 'Migration20261202152009';

  override up(): void | Promise<void> {
    this.addSql(`create index "collective_contract_effective_on_index" on "collective_contract" ("effective_on");`);
    this.addSql(`create index "collective_contract_kind_index" on "collective_contract" ("kind");`);
    this.addSql(`create index "collective_contract_filed_on_contract_no_idx" on "collective_contract" ("filed_on" desc, "contract_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "collective_contract_effective_on_index";`);
    this.addSql(`drop index "collective_contract_kind_index";`);
    this.addSql(`drop index "collective_contract_filed_on_contract_no_idx";`);
  }

}
