import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070052 extends Migration {

  override name = 'Migration20261121070052';

  override up(): void | Promise<void> {
    this.addSql(`create table "notice" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "idempotency_key" varchar(100) not null, "channel_code" varchar(60) not null, "sender" text not null, "recipient" text not null, "kind" text not null, "severity" text not null, "enterprise_credit_code" varchar(18) null, "dispute_no" varchar(20) null, "person_ref" varchar(32) null, "summary" text not null, "sent_at" timestamptz not null, "due_on" date not null, "acknowledged_at" timestamptz null, "acknowledged_by" jsonb null, "answer" text null, "answered_at" timestamptz null, "answered_by" jsonb null, "status" text not null default 'SENT', primary key ("id"));`);
    this.addSql(`create index "notice_channel_code_index" on "notice" ("channel_code");`);
    this.addSql(`create index "notice_recipient_index" on "notice" ("recipient");`);
    this.addSql(`create index "notice_enterprise_credit_code_index" on "notice" ("enterprise_credit_code");`);
    this.addSql(`create index "notice_dispute_no_index" on "notice" ("dispute_no");`);
    this.addSql(`create index "notice_due_on_index" on "notice" ("due_on");`);
    this.addSql(`create index "notice_status_index" on "notice" ("status");`);
    this.addSql(`alter table "notice" add constraint "notice_sender_idempotency_key_unique" unique ("sender", "idempotency_key");`);

    this.addSql(`alter table "notice" add constraint "notice_sender_check" check ("sender" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "notice" add constraint "notice_recipient_check" check ("recipient" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "notice" add constraint "notice_kind_check" check ("kind" in ('WAGE_ARREARS', 'LAYOFF', 'REFERRAL', 'JUDICIAL_SUGGESTION', 'HAZARD'));`);
    this.addSql(`alter table "notice" add constraint "notice_severity_check" check ("severity" in ('MAJOR', 'ROUTINE'));`);
    this.addSql(`alter table "notice" add constraint "notice_status_check" check ("status" in ('SENT', 'ACKNOWLEDGED', 'ANSWERED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notice" cascade;`);
  }

}
