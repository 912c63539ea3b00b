# Helpers the national benchmarks share (bench/national.sh, bench/national-more.sh); sourced after scripts/lib.sh.

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Seconds PostgreSQL's own \copy takes to load a membership export (with its header) into a plain table in a
# throwaway database: the floor for getting those rows into a database at all, each import's baseline.
copy_baseline() {
  local csv="$1" t0 s
  psql_admin -c "drop database if exists bench_baseline" >/dev/null 2>&1
  psql_admin -c "create database bench_baseline" >/dev/null
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d bench_baseline -qc "create table member_copy (
    membership_number text, first_name text, last_name text, email text, phone text, postcode text,
    date_of_birth text, clp text, ward text, status text, joined_on text)"
  t0=$(now)
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d bench_baseline \
    -qc "\\copy member_copy from '$csv' with (format csv, header true)"
  s=$(secs "$t0" "$(now)")
  psql_admin -c "drop database bench_baseline" >/dev/null
  echo "$s"
}

# Members a service has projected, read from its database.
projected() {
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -qAtc \
    "select count(*) from member_projection"
}

# Uploads a CSV file as an import, signed in as organiser-national, waits until it has finished and prints the
# finished job (JSON); fails when the upload is refused or the import fails.
import_csv() {
  local csv="$1" name="$2" job status
  job=$(curl -s -H "Authorization: Bearer $(token organiser-national)" -H 'Content-Type: text/csv' \
    --data-binary @"$csv" "http://127.0.0.1:8081/imports?fileName=$name" | jq -r .id)
  [ "$job" != null ] || { echo "upload refused" >&2; return 1; }
  while :; do
    status=$(curl -s -H "Authorization: Bearer $(token organiser-national)" "http://127.0.0.1:8081/imports/$job" \
      | jq -r .status)
    [ "$status" = COMPLETED ] && break
    [ "$status" = FAILED ] && { echo "import failed" >&2; return 1; }
    sleep 0.5
  done
  curl -s -H "Authorization: Bearer $(token organiser-national)" "http://127.0.0.1:8081/imports/$job"
}
