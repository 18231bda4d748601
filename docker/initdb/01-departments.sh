#!/bin/sh
# One database and one LOGIN role per department; no department role can connect to another's database.
set -eu
create() {
  role="$1"; db="$2"; password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $role LOGIN PASSWORD '$password';
CREATE DATABASE $db OWNER $role ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $db TO $role;
SQL
}
create hr_bureau_svc hr_bureau "$HR_BUREAU_DB_PASSWORD"
create union_svc union_db "$UNION_DB_PASSWORD"
create court_svc court "$COURT_DB_PASSWORD"
create justice_svc justice "$JUSTICE_DB_PASSWORD"
