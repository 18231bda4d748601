import { Migration } from '@mikro-orm/migrations';

export class Migration20261121054330 extends Migration {

  override name = 'Migration20261121054330';

  override up(): void | Promise<void> {
    this.addSql(`create table "legal_aid_case" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "applicant" jsonb not null, "applicant_ref" varchar(32) not null, "enterprise_credit_code" varchar(18) not null, "eligibility_basis" text not null, "lawyer" varchar(40) null, "applied_on" date not null, "granted_on" date null, "status" text not null default 'APPLIED', "hardship_evidence" text null, primary key ("id"));`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "legal_aid_case_dispute_no_index" on "legal_aid_case" ("dispute_no");`);
    this.addSql(`create index "legal_aid_case_applicant_ref_index" on "legal_aid_case" ("applicant_ref");`);
    this.addSql(`create index "legal_aid_case_enterprise_credit_code_index" on "legal_aid_case" ("enterprise_credit_code");`);
    this.addSql(`create index "legal_aid_case_status_index" on "legal_aid_case" ("status");`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_lawyer_check" check (status not in ('GRANTED', 'CLOSED') or (lawyer is not null and granted_on is not null));`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_hardship_evidence_check" check ((eligibility_basis = 'MIGRANT_WAGE_CLAIM') = (hardship_evidence is null));`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_eligibility_basis_check" check ("eligibility_basis" in ('ECONOMIC_HARDSHIP', 'MIGRANT_WAGE_CLAIM', 'WORK_INJURY', 'OTHER'));`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_status_check" check ("status" in ('APPLIED', 'GRANTED', 'REFUSED', 'CLOSED'));`);

    this.addSql(`create table "people_mediation_committee" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(40) not null, "name" varchar(200) not null, "level" text not null, "district" varchar(50) not null, "enterprise_credit_code" varchar(18) null, "mediator_count" int not null, "established_on" date not null, primary key ("id"));`);
    this.addSql(`alter table "people_mediation_committee" add constraint "people_mediation_committee_code_unique" unique ("code");`);
    this.addSql(`create index "people_mediation_committee_level_index" on "people_mediation_committee" ("level");`);
    this.addSql(`create index "people_mediation_committee_district_index" on "people_mediation_committee" ("district");`);
    this.addSql(`create index "people_mediation_committee_enterprise_credit_code_index" on "people_mediation_committee" ("enterprise_credit_code");`);
    this.addSql(`alter table "people_mediation_committee" add constraint "people_mediation_committee_enterprise_check" check ((level = 'ENTERPRISE') = (enterprise_credit_code is not null));`);
    this.addSql(`alter table "people_mediation_committee" add constraint "people_mediation_committee_level_check" check ("level" in ('ENTERPRISE', 'INDUSTRY', 'TOWN', 'ZONE', 'DISTRICT'));`);

    this.addSql(`create table "people_mediation_case" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "committee_id" uuid not null, "parties" jsonb not null, "party_refs" text[] not null, "enterprise_credit_code" varchar(18) not null, "summary" text not null, "applied_on" date not null, "due_on" date not null, "closed_on" date null, "status" text not null default 'APPLIED', "outcome" text null, primary key ("id"));`);
    this.addSql(`alter table "people_mediation_case" add constraint "people_mediation_case_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "people_mediation_case_dispute_no_index" on "people_mediation_case" ("dispute_no");`);
    this.addSql(`create index "people_mediation_case_committee_id_index" on "people_mediation_case" ("committee_id");`);
    this.addSql(`create index "people_mediation_case_enterprise_credit_code_index" on "people_mediation_case" ("enterprise_credit_code");`);
    this.addSql(`create index "people_mediation_case_due_on_index" on "people_mediation_case" ("due_on");`);
    this.addSql(`create index "people_mediation_case_status_index" on "people_mediation_case" ("status");`);
    this.addSql(`create index "people_mediation_case_party_refs_idx" on "people_mediation_case" using gin ("party_refs");`);
    this.addSql(`alter table "people_mediation_case" add constraint "people_mediation_case_closed_check" check ((status = 'CLOSED') = (closed_on is not null and outcome is not null));`);
    this.addSql(`alter table "people_mediation_case" add constraint "people_mediation_case_status_check" check ("status" in ('APPLIED', 'MEDIATING', 'CLOSED'));`);
    this.addSql(`alter table "people_mediation_case" add constraint "people_mediation_case_outcome_check" check ("outcome" in ('AGREED', 'FAILED', 'WITHDRAWN'));`);

    this.addSql(`alter table "people_mediation_case" add constraint "people_mediation_case_committee_id_foreign" foreign key ("committee_id") references "people_mediation_committee" ("id");`);
  }

}
