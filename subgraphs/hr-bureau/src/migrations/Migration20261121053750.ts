import { Migration } from '@mikro-orm/migrations';

export class Migration20261121053750 extends Migration {

  override name = 'Migration20261121053750';

  override up(): void | Promise<void> {
    this.addSql(`create table "enterprise" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "credit_code" varchar(18) not null, "name" varchar(200) not null, "industry" varchar(50) not null, "district" varchar(50) not null, "address" varchar(300) not null, "ownership" text not null, "employee_count" int not null, "registered_on" date not null, primary key ("id"));`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "enterprise_industry_index" on "enterprise" ("industry");`);
    this.addSql(`create index "enterprise_district_index" on "enterprise" ("district");`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_ownership_check" check ("ownership" in ('STATE_OWNED', 'COLLECTIVE', 'PRIVATE', 'FOREIGN_INVESTED', 'HK_MACAO_TAIWAN_INVESTED', 'JOINT_STOCK'));`);

    this.addSql(`create table "arbitration_case" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "applicants" jsonb not null, "applicant_refs" text[] not null, "respondent_id" uuid not null, "claims" text not null, "claim_amount" numeric(15,2) not null, "filed_on" date not null, "accepted_on" date null, "due_on" date null, "extended" boolean not null default false, "closed_on" date null, "status" text not null default 'FILED', "outcome" text null, "award_summary" text null, primary key ("id"));`);
    this.addSql(`alter table "arbitration_case" add constraint "arbitration_case_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "arbitration_case_dispute_no_index" on "arbitration_case" ("dispute_no");`);
    this.addSql(`create index "arbitration_case_respondent_id_index" on "arbitration_case" ("respondent_id");`);
    this.addSql(`create index "arbitration_case_due_on_index" on "arbitration_case" ("due_on");`);
    this.addSql(`create index "arbitration_case_status_index" on "arbitration_case" ("status");`);
    this.addSql(`create index "arbitration_case_applicant_refs_idx" on "arbitration_case" using gin ("applicant_refs");`);
    this.addSql(`alter table "arbitration_case" add constraint "arbitration_case_status_check" check ("status" in ('FILED', 'ACCEPTED', 'DECLINED', 'CLOSED'));`);
    this.addSql(`alter table "arbitration_case" add constraint "arbitration_case_outcome_check" check ("outcome" in ('AWARD', 'SETTLED', 'WITHDRAWN', 'NOT_ACCEPTED'));`);

    this.addSql(`create table "labor_inspection" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inspection_no" varchar(40) not null, "enterprise_id" uuid not null, "kind" text not null, "inspected_on" date not null, "findings" text not null, "violation_found" boolean not null, "rectification_due_on" date null, "closed_on" date null, "status" text not null, primary key ("id"));`);
    this.addSql(`alter table "labor_inspection" add constraint "labor_inspection_inspection_no_unique" unique ("inspection_no");`);
    this.addSql(`create index "labor_inspection_enterprise_id_index" on "labor_inspection" ("enterprise_id");`);
    this.addSql(`alter table "labor_inspection" add constraint "labor_inspection_kind_check" check ("kind" in ('RANDOM', 'COMPLAINT', 'SPECIAL_CAMPAIGN'));`);
    this.addSql(`alter table "labor_inspection" add constraint "labor_inspection_status_check" check ("status" in ('OPEN', 'RECTIFYING', 'CLOSED'));`);

    this.addSql(`create table "layoff_report" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "report_no" varchar(40) not null, "enterprise_id" uuid not null, "planned_count" int not null, "reason" text not null, "reported_on" date not null, "effective_on" date not null, "placement_plan" text not null, primary key ("id"));`);
    this.addSql(`alter table "layoff_report" add constraint "layoff_report_report_no_unique" unique ("report_no");`);
    this.addSql(`create index "layoff_report_enterprise_id_index" on "layoff_report" ("enterprise_id");`);

    this.addSql(`create table "wage_arrears_alert" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "alert_no" varchar(40) not null, "enterprise_id" uuid not null, "project" varchar(200) not null, "level" text not null, "amount_owed" numeric(15,2) not null, "workers_affected" int not null, "raised_on" date not null, "resolved_on" date null, primary key ("id"));`);
    this.addSql(`alter table "wage_arrears_alert" add constraint "wage_arrears_alert_alert_no_unique" unique ("alert_no");`);
    this.addSql(`create index "wage_arrears_alert_enterprise_id_index" on "wage_arrears_alert" ("enterprise_id");`);
    this.addSql(`alter table "wage_arrears_alert" add constraint "wage_arrears_alert_level_check" check ("level" in ('BLUE', 'YELLOW', 'ORANGE', 'RED'));`);

    this.addSql(`create table "worker" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_ref" varchar(32) not null, "name" varchar(40) not null, "id_number" varchar(18) not null, "phone" varchar(11) not null, "employer_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "worker" add constraint "worker_person_ref_unique" unique ("person_ref");`);
    this.addSql(`alter table "worker" add constraint "worker_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "worker_employer_id_index" on "worker" ("employer_id");`);

    this.addSql(`alter table "arbitration_case" add constraint "arbitration_case_respondent_id_foreign" foreign key ("respondent_id") references "enterprise" ("id");`);

    this.addSql(`alter table "labor_inspection" add constraint "labor_inspection_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`);

    this.addSql(`alter table "layoff_report" add constraint "layoff_report_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`);

    this.addSql(`alter table "wage_arrears_alert" add constraint "wage_arrears_alert_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`);

    this.addSql(`alter table "worker" add constraint "worker_employer_id_foreign" foreign key ("employer_id") references "enterprise" ("id") on delete set null;`);
  }

}
