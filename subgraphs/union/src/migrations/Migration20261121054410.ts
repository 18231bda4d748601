import { Migration } from '@mikro-orm/migrations';

export class Migration20261121054410 extends Migration {

  override name = 'Migration20261121054410';

  override up(): void | Promise<void> {
    this.addSql(`create table "collective_contract" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "contract_no" varchar(40) not null, "enterprise_credit_code" varchar(18) not null, "kind" text not null, "signed_on" date not null, "filed_on" date not null, "effective_on" date not null, "expires_on" date not null, "wage_increase_pct" numeric(5,2) not null, "covered_workers" int not null, primary key ("id"));`);
    this.addSql(`alter table "collective_contract" add constraint "collective_contract_contract_no_unique" unique ("contract_no");`);
    this.addSql(`create index "collective_contract_enterprise_credit_code_index" on "collective_contract" ("enterprise_credit_code");`);
    this.addSql(`create index "collective_contract_expires_on_index" on "collective_contract" ("expires_on");`);
    this.addSql(`alter table "collective_contract" add constraint "collective_contract_kind_check" check ("kind" in ('COMPREHENSIVE', 'WAGE', 'FEMALE_WORKERS', 'WORK_SAFETY'));`);

    this.addSql(`create table "hardship_aid" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "aid_no" varchar(40) not null, "recipient" jsonb not null, "recipient_ref" varchar(32) not null, "enterprise_credit_code" varchar(18) null, "kind" text not null, "amount" numeric(15,2) not null, "granted_on" date not null, "reason" text not null, primary key ("id"));`);
    this.addSql(`alter table "hardship_aid" add constraint "hardship_aid_aid_no_unique" unique ("aid_no");`);
    this.addSql(`create index "hardship_aid_recipient_ref_index" on "hardship_aid" ("recipient_ref");`);
    this.addSql(`create index "hardship_aid_enterprise_credit_code_index" on "hardship_aid" ("enterprise_credit_code");`);
    this.addSql(`alter table "hardship_aid" add constraint "hardship_aid_kind_check" check ("kind" in ('LIVING', 'MEDICAL', 'EDUCATION', 'EMERGENCY'));`);

    this.addSql(`create table "legal_consultation" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "consultation_no" varchar(40) not null, "worker" jsonb null, "worker_ref" varchar(32) null, "enterprise_credit_code" varchar(18) null, "channel" text not null, "topic" varchar(200) not null, "answer_summary" text not null, "consulted_on" date not null, "referred_to_legal_aid" boolean not null default false, "dispute_no" varchar(20) null, primary key ("id"));`);
    this.addSql(`alter table "legal_consultation" add constraint "legal_consultation_consultation_no_unique" unique ("consultation_no");`);
    this.addSql(`create index "legal_consultation_worker_ref_index" on "legal_consultation" ("worker_ref");`);
    this.addSql(`create index "legal_consultation_enterprise_credit_code_index" on "legal_consultation" ("enterprise_credit_code");`);
    this.addSql(`create index "legal_consultation_dispute_no_index" on "legal_consultation" ("dispute_no");`);
    this.addSql(`alter table "legal_consultation" add constraint "legal_consultation_channel_check" check ("channel" in ('HOTLINE', 'WALK_IN', 'ONLINE', 'ON_SITE'));`);

    this.addSql(`create table "mediation_case" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "workers" jsonb not null, "worker_refs" text[] not null, "enterprise_credit_code" varchar(18) not null, "mediator" varchar(40) not null, "claims" text not null, "notes" text not null default '', "applied_on" date not null, "due_on" date not null, "closed_on" date null, "status" text not null default 'APPLIED', "outcome" text null, "agreement" text null, primary key ("id"));`);
    this.addSql(`alter table "mediation_case" add constraint "mediation_case_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "mediation_case_dispute_no_index" on "mediation_case" ("dispute_no");`);
    this.addSql(`create index "mediation_case_enterprise_credit_code_index" on "mediation_case" ("enterprise_credit_code");`);
    this.addSql(`create index "mediation_case_due_on_index" on "mediation_case" ("due_on");`);
    this.addSql(`create index "mediation_case_status_index" on "mediation_case" ("status");`);
    this.addSql(`create index "mediation_case_worker_refs_idx" on "mediation_case" using gin ("worker_refs");`);
    this.addSql(`alter table "mediation_case" add constraint "mediation_case_status_check" check ("status" in ('APPLIED', 'MEDIATING', 'CLOSED'));`);
    this.addSql(`alter table "mediation_case" add constraint "mediation_case_outcome_check" check ("outcome" in ('AGREED', 'FAILED', 'WITHDRAWN', 'LAPSED'));`);

    this.addSql(`create table "union_organization" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "kind" text not null, "enterprise_credit_codes" text[] not null, "district" varchar(50) not null, "founded_on" date not null, "chair_name" varchar(40) not null, "member_count" int not null, primary key ("id"));`);
    this.addSql(`create index "union_organization_district_index" on "union_organization" ("district");`);
    this.addSql(`create index "union_organization_enterprise_credit_codes_idx" on "union_organization" using gin ("enterprise_credit_codes");`);
    this.addSql(`alter table "union_organization" add constraint "union_organization_kind_check" check ("kind" in ('ENTERPRISE', 'JOINT', 'INDUSTRY'));`);
  }

}
