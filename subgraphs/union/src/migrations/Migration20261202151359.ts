import { Migration } from '@mikro-orm/migrations';

export class Migration20261202151359 extends Migration {

  override name = 'Migration20261202151359';

  override up(): void | Promise<void> {
    this.addSql(`create index "legal_consultation_channel_index" on "legal_consultation" ("channel");`);
    this.addSql(`create index "legal_consultation_consulted_on_consultation_no_idx" on "legal_consultation" ("consulted_on" desc, "consultation_no");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "legal_consultation_channel_index";`);
    this.addSql(`drop index "legal_consultation_consulted_on_consultation_no_idx";`);
  }

}
