import { Migration } from '@mikro-orm/migrations';

/**
 * The access log (访问日志), append-only at the database level. Hand-written to match `AccessLogEntry`
 * (shared/src/access-log) exactly, the same in all four subgraphs:
 * - the table, its indexes (time; subject keys, GIN, for "who read this worker"), and a unique
 *   `prev_hash` (no two entries can claim the same predecessor);
 * - a statement trigger that refuses every UPDATE and DELETE, for every role (declared on the entity,
 *   so the schema diff knows it), and one that refuses TRUNCATE (not declared: MikroORM cannot see
 *   TRUNCATE triggers), on the same function;
 * - as a second line, UPDATE, DELETE and TRUNCATE revoked from the role that runs the migrations, the
 *   service's own. Being the owner it could grant them back or drop the triggers; the service never
 *   does, and a change made that way still breaks the hash chain (`npm run audit:verify`).
 */
export class Migration20261121062137 extends Migration {

  override name = 'Migration20261121062137';

  override up(): void | Promise<void> {
    this.addSql(`create table "access_log" ("id" bigserial primary key, "at" timestamptz not null, "subject" text not null, "subject_name" text null, "department" text not null, "roles" text[] not null, "operation_name" text null, "purpose" text null, "subject_keys" text[] not null, "fields" text[] not null, "channel_id" text null, "outcome" text not null, "request_id" text not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "access_log_at_index" on "access_log" ("at");`);
    this.addSql(`alter table "access_log" add constraint "access_log_prev_hash_unique" unique ("prev_hash");`);
    this.addSql(`create index "access_log_subject_keys_idx" on "access_log" using gin ("subject_keys");`);
    this.addSql(`alter table "access_log" add constraint "access_log_department_check" check ("department" in ('HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'));`);
    this.addSql(`alter table "access_log" add constraint "access_log_outcome_check" check ("outcome" in ('GRANTED', 'MASKED', 'DENIED'));`);

    this.addSql(`create or replace function "access_log_refuse_change_fn"() returns trigger as \$\$ begin raise exception 'access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "refuse_change" BEFORE UPDATE OR DELETE on "access_log" for each STATEMENT execute function "access_log_refuse_change_fn"();`);
    this.addSql(`create trigger "refuse_truncate" BEFORE TRUNCATE on "access_log" for each STATEMENT execute function "access_log_refuse_change_fn"();`);
    this.addSql(`revoke update, delete, truncate on "access_log" from current_user;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "refuse_truncate" on "access_log";`);
    this.addSql(`drop trigger if exists "refuse_change" on "access_log";`);
    this.addSql(`drop function if exists "access_log_refuse_change_fn"();`);
    this.addSql(`drop table if exists "access_log" cascade;`);
  }

}
