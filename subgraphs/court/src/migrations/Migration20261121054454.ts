import { Migration } from '@mikro-orm/migrations';

export class Migration20261121054454 extends Migration {

  override name = 'Migration20261121054454';

  override up(): void | Promise<void> {
    this.addSql(`create table "enforcement_case" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "source_case_no" varchar(60) not null, "applicant" jsonb not null, "applicant_ref" varchar(32) not null, "respondent_credit_code" varchar(18) not null, "amount" numeric(15,2) not null, "recovered_amount" numeric(15,2) not null default '0.00', "filed_on" date not null, "closed_on" date null, "status" text not null default 'OPEN', "due_on" date null, primary key ("id"));`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "enforcement_case_dispute_no_index" on "enforcement_case" ("dispute_no");`);
    this.addSql(`create index "enforcement_case_source_case_no_index" on "enforcement_case" ("source_case_no");`);
    this.addSql(`create index "enforcement_case_applicant_ref_index" on "enforcement_case" ("applicant_ref");`);
    this.addSql(`create index "enforcement_case_respondent_credit_code_index" on "enforcement_case" ("respondent_credit_code");`);
    this.addSql(`create index "enforcement_case_status_index" on "enforcement_case" ("status");`);
    this.addSql(`create index "enforcement_case_due_on_index" on "enforcement_case" ("due_on");`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_status_check" check ("status" in ('OPEN', 'CONCLUDED', 'TERMINATED_NO_ASSETS'));`);

    this.addSql(`create table "judicial_confirmation" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "mediation_case_no" varchar(60) not null, "applicants" jsonb not null, "applicant_refs" text[] not null, "enterprise_credit_code" varchar(18) not null, "applied_on" date not null, "decided_on" date null, "status" text not null default 'APPLIED', "due_on" date null, primary key ("id"));`);
    this.addSql(`alter table "judicial_confirmation" add constraint "judicial_confirmation_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "judicial_confirmation_dispute_no_index" on "judicial_confirmation" ("dispute_no");`);
    this.addSql(`create index "judicial_confirmation_mediation_case_no_index" on "judicial_confirmation" ("mediation_case_no");`);
    this.addSql(`create index "judicial_confirmation_enterprise_credit_code_index" on "judicial_confirmation" ("enterprise_credit_code");`);
    this.addSql(`create index "judicial_confirmation_status_index" on "judicial_confirmation" ("status");`);
    this.addSql(`create index "judicial_confirmation_due_on_index" on "judicial_confirmation" ("due_on");`);
    this.addSql(`create index "judicial_confirmation_applicant_refs_idx" on "judicial_confirmation" using gin ("applicant_refs");`);
    this.addSql(`alter table "judicial_confirmation" add constraint "judicial_confirmation_status_check" check ("status" in ('APPLIED', 'CONFIRMED', 'REFUSED'));`);

    this.addSql(`create table "judicial_suggestion" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "suggestion_no" varchar(60) not null, "enterprise_credit_code" varchar(18) null, "recipient_department" text not null, "subject" varchar(200) not null, "content" text not null, "issued_on" date not null, "replied_on" date null, "due_on" date null, primary key ("id"));`);
    this.addSql(`alter table "judicial_suggestion" add constraint "judicial_suggestion_suggestion_no_unique" unique ("suggestion_no");`);
    this.addSql(`create index "judicial_suggestion_enterprise_credit_code_index" on "judicial_suggestion" ("enterprise_credit_code");`);
    this.addSql(`create index "judicial_suggestion_recipient_department_index" on "judicial_suggestion" ("recipient_department");`);
    this.addSql(`create index "judicial_suggestion_due_on_index" on "judicial_suggestion" ("due_on");`);
    this.addSql(`alter table "judicial_suggestion" add constraint "judicial_suggestion_recipient_department_check" check ("recipient_department" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);

    this.addSql(`create table "lawsuit" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "arbitration_case_no" varchar(60) not null, "plaintiffs" jsonb not null, "plaintiff_refs" text[] not null, "defendant_credit_codes" text[] not null, "cause" varchar(100) not null, "filed_on" date not null, "stage" text not null default 'FILED', "judgment_on" date null, "outcome" text null, "judgment_summary" text null, "sealed" boolean not null default false, "due_on" date null, primary key ("id"));`);
    this.addSql(`alter table "lawsuit" add constraint "lawsuit_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "lawsuit_dispute_no_index" on "lawsuit" ("dispute_no");`);
    this.addSql(`create index "lawsuit_arbitration_case_no_index" on "lawsuit" ("arbitration_case_no");`);
    this.addSql(`create index "lawsuit_stage_index" on "lawsuit" ("stage");`);
    this.addSql(`create index "lawsuit_due_on_index" on "lawsuit" ("due_on");`);
    this.addSql(`create index "lawsuit_defendant_credit_codes_idx" on "lawsuit" using gin ("defendant_credit_codes");`);
    this.addSql(`create index "lawsuit_plaintiff_refs_idx" on "lawsuit" using gin ("plaintiff_refs");`);
    this.addSql(`alter table "lawsuit" add constraint "lawsuit_stage_check" check ("stage" in ('FILED', 'IN_TRIAL', 'JUDGED', 'APPEALED', 'CLOSED'));`);
    this.addSql(`alter table "lawsuit" add constraint "lawsuit_outcome_check" check ("outcome" in ('UPHELD', 'PARTIALLY_UPHELD', 'DISMISSED', 'SETTLED', 'WITHDRAWN'));`);
  }

}
