import { Migration } from '@mikro-orm/migrations';

/**
 * Sharing channels name the scope kind of the records they grant their fields for. The seed channels get
 * theirs; any other channel already in the registry keeps none, and so grants nothing until its provider
 * proposes it again with a scope (a channel must not go on granting a whole type).
 */
export class Migration20261122090000 extends Migration {

  override name = 'Migration20261122090000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sharing_channel" add column "scope" varchar(60) null;`);
    this.addSql(`update "sharing_channel" set "scope" = seed.scope from (values
      ('HR-UNION-ARREARS', 'HR_OPEN_WAGE_ARREARS'),
      ('HR-UNION-LAYOFF', 'HR_CURRENT_LAYOFFS'),
      ('HR-COURT-ARBITRATION', 'HR_ENDED_ARBITRATION'),
      ('UNION-JUSTICE-REFERRAL', 'UNION_REFERRED_DISPUTES'),
      ('JUSTICE-UNION-REFERRAL-REPLY', 'JUSTICE_UNION_DISPUTES'),
      ('COURT-UNION-ENFORCEMENT', 'COURT_CURRENT_ENFORCEMENT'),
      ('COURT-HR-SUGGESTIONS', 'COURT_SUGGESTIONS_TO_CONSUMER')
    ) as seed(code, scope) where "sharing_channel"."code" = seed.code;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sharing_channel" drop column "scope";`);
  }

}
