import { Migration } from '@mikro-orm/migrations';

export class Migration20261121062618 extends Migration {

  override name = 'Migration20261121062618';

  override up(): void | Promise<void> {
    this.addSql(`create table "sharing_channel" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(60) not null, "provider" text not null, "consumers" text[] not null, "grants" jsonb not null, "purpose" text not null, "legal_basis" text not null, "valid_from" date not null, "valid_until" date null, "status" text not null default 'PROPOSED', "proposed_by" jsonb not null, "decided_by" jsonb null, "decided_at" timestamptz null, "decision_reason" text null, primary key ("id"));`);
    this.addSql(`alter table "sharing_channel" add constraint "sharing_channel_code_unique" unique ("code");`);
    this.addSql(`create index "sharing_channel_provider_index" on "sharing_channel" ("provider");`);
    this.addSql(`create index "sharing_channel_status_index" on "sharing_channel" ("status");`);

    this.addSql(`alter table "sharing_channel" add constraint "sharing_channel_provider_check" check ("provider" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "sharing_channel" add constraint "sharing_channel_status_check" check ("status" in ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'REVOKED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sharing_channel" cascade;`);
  }

}
