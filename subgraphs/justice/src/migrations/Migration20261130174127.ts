import { Migration } from '@mikro-orm/migrations';

export class Migration20261130174127 extends Migration {

  override name = 'Migration20261130174127';

  override up(): void | Promise<void> {
    this.addSql(`create table "provider_channel" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(60) not null, "content" jsonb not null, "status" text not null, "decided_by" jsonb not null, "decided_at" timestamptz not null, "decision_reason" text null, primary key ("id"));`);
    this.addSql(`alter table "provider_channel" add constraint "provider_channel_code_unique" unique ("code");`);
    this.addSql(`create index "provider_channel_status_index" on "provider_channel" ("status");`);

    this.addSql(`alter table "legal_aid_case" drop constraint "legal_aid_case_lawyer_check";`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_lawyer_check" check (status not in ('GRANTED', 'CLOSED') or (lawyer is not null and granted_on is not null));`);

    this.addSql(`alter table "provider_channel" add constraint "provider_channel_status_check" check ("status" in ('ACTIVE', 'SUSPENDED', 'REVOKED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "provider_channel" cascade;`);

    this.addSql(`alter table "legal_aid_case" drop constraint "legal_aid_case_lawyer_check";`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_lawyer_check" check ((status <> ALL (ARRAY['GRANTED'::text, 'CLOSED'::text])) OR ((lawyer IS NOT NULL) AND (granted_on IS NOT NULL)));`);
  }

}
