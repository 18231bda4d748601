import { Migration } from '@mikro-orm/migrations';

/**
 * The heads of the other departments' access logs this department witnesses (见证的访问日志头).
 * Hand-written to match `WitnessedLogHead` (shared/src/access-log), the same in all four subgraphs:
 * - the table, an index on the time received, and a partial unique index: at most one kept
 *   (WITNESSED) head per department and entry count; refused heads are kept beside them as evidence;
 * - append-only as the access log is: a statement trigger refuses every UPDATE and DELETE (declared on
 *   the entity), one refuses TRUNCATE (not declared: MikroORM cannot see TRUNCATE triggers), and UPDATE,
 *   DELETE and TRUNCATE are revoked from the service's own role.
 */
export class Migration20261121090004 extends Migration {

  override name = 'Migration20261121090004';

  override up(): void | Promise<void> {
    this.addSql(`create table "witnessed_log_head" ("id" bigserial primary key, "provider" text not null, "entries" bigint not null, "last_hash" varchar(64) not null, "last_id" text null, "signed_at" timestamptz not null, "received_at" timestamptz not null, "status" text not null, "reason" text null, "signed_head" text not null);`);
    this.addSql(`create index "witnessed_log_head_received_at_index" on "witnessed_log_head" ("received_at");`);
    this.addSql(`create unique index "witnessed_log_head_position_unique" on "witnessed_log_head" ("provider", "entries") where "status" = 'WITNESSED';`);
    this.addSql(`alter table "witnessed_log_head" add constraint "witnessed_log_head_provider_check" check ("provider" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "witnessed_log_head" add constraint "witnessed_log_head_status_check" check ("status" in ('WITNESSED', 'REFUSED'));`);

    this.addSql(`create or replace function "witnessed_log_head_refuse_change_fn"() returns trigger as \$\$ begin raise exception 'witnessed_log_head is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "refuse_change" BEFORE UPDATE OR DELETE on "witnessed_log_head" for each STATEMENT execute function "witnessed_log_head_refuse_change_fn"();`);
    this.addSql(`create trigger "refuse_truncate" BEFORE TRUNCATE on "witnessed_log_head" for each STATEMENT execute function "witnessed_log_head_refuse_change_fn"();`);
    this.addSql(`revoke update, delete, truncate on "witnessed_log_head" from current_user;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "refuse_truncate" on "witnessed_log_head";`);
    this.addSql(`drop trigger if exists "refuse_change" on "witnessed_log_head";`);
    this.addSql(`drop function if exists "witnessed_log_head_refuse_change_fn"();`);
    this.addSql(`drop table if exists "witnessed_log_head" cascade;`);
  }

}
