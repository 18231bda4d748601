import { Migration } from '@mikro-orm/migrations';

export class Migration20261121070124 extends Migration {

  override name = 'Migration20261121070124';

  override up(): void | Promise<void> {
    this.addSql(`create table "meeting_agenda_item" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "meeting_id" uuid not null, "position" int not null, "subject_kind" text not null, "enterprise_credit_code" varchar(18) null, "dispute_no" varchar(20) null, "topic" text null, "raised_by" text not null, "reason" text not null, primary key ("id"));`);
    this.addSql(`create index "meeting_agenda_item_meeting_id_index" on "meeting_agenda_item" ("meeting_id");`);

    this.addSql(`create table "meeting_decision" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "meeting_id" uuid not null, "summary" text not null, "lead_department" text not null, "participating_departments" text[] not null, "due_on" date not null, "status" text not null default 'OPEN', primary key ("id"));`);
    this.addSql(`create index "meeting_decision_meeting_id_index" on "meeting_decision" ("meeting_id");`);

    this.addSql(`create table "decision_follow_up" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "decision_id" uuid not null, "followed_up_on" date not null, "by" text not null, "note" text not null, "result" text not null, primary key ("id"));`);
    this.addSql(`create index "decision_follow_up_decision_id_index" on "decision_follow_up" ("decision_id");`);

    this.addSql(`create table "joint_meeting" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text not null, "scheduled_at" timestamptz not null, "place" text not null, "convened_by" text not null, "participating_departments" text[] not null, "participants" jsonb not null, "status" text not null default 'PLANNED', "minutes" text null, "started_at" timestamptz null, "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "joint_meeting_scheduled_at_index" on "joint_meeting" ("scheduled_at");`);
    this.addSql(`create index "joint_meeting_status_index" on "joint_meeting" ("status");`);

    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_subject_kind_check" check ("subject_kind" in ('ENTERPRISE', 'DISPUTE', 'TOPIC'));`);
    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_raised_by_check" check ("raised_by" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);

    this.addSql(`alter table "meeting_decision" add constraint "meeting_decision_lead_department_check" check ("lead_department" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "meeting_decision" add constraint "meeting_decision_status_check" check ("status" in ('OPEN', 'DONE', 'CANCELLED'));`);

    this.addSql(`alter table "decision_follow_up" add constraint "decision_follow_up_by_check" check ("by" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);

    this.addSql(`alter table "joint_meeting" add constraint "joint_meeting_kind_check" check ("kind" in ('REGULAR_BIMONTHLY', 'AD_HOC'));`);
    this.addSql(`alter table "joint_meeting" add constraint "joint_meeting_convened_by_check" check ("convened_by" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "joint_meeting" add constraint "joint_meeting_status_check" check ("status" in ('PLANNED', 'IN_SESSION', 'CLOSED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "meeting_agenda_item" cascade;`);
    this.addSql(`drop table if exists "meeting_decision" cascade;`);
    this.addSql(`drop table if exists "decision_follow_up" cascade;`);
    this.addSql(`drop table if exists "joint_meeting" cascade;`);
  }

}
