# Helpers the import benchmarks share (bench/import.sh, bench/national.sh, bench/national-more.sh); sourced after
# scripts/lib.sh.

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Seconds PostgreSQL's own \copy takes to load a membership export (with its header) into a plain table in a
# throwaway database, a text column for each column of the header: the floor for getting those rows into a database
# at all, each import's baseline.
copy_baseline() {
  local csv="$1" t0 s columns
  columns=$(head -1 "$csv" | awk -F, '{ for (i = 1; i <= NF; i++) printf "%sc%d text", (i > 1 ? ", " : ""), i }')
  psql_admin -c "drop database if exists bench_baseline" >/dev/null 2>&1
  psql_admin -c "create database bench_baseline" >/dev/null
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d bench_baseline \
    -qc "create table member_copy ($columns)"
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

# A token for organiser-national, signed in again only when the last one is 4 minutes old (they last 5): a client
# keeps its token, and each sign-in costs Keycloak about 80 ms of CPU (password hashing), which polling an import
# twice a second took from the system being measured (11 CPU seconds over a national import, 2026-12-06).
NATIONAL_TOKEN=""; NATIONAL_TOKEN_AT=0
national_token() {
  if [ $(( $(date +%s) - NATIONAL_TOKEN_AT )) -ge 240 ]; then
    NATIONAL_TOKEN=$(token organiser-national); NATIONAL_TOKEN_AT=$(date +%s)
  fi
}

# Uploads a CSV file as an import, signed in as organiser-national, waits until it has finished and prints the
# finished job (JSON); fails when the upload is refused or the import fails.
import_csv() {
  local csv="$1" name="$2" job status
  national_token
  job=$(curl -s -H "Authorization: Bearer $NATIONAL_TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @"$csv" "http://127.0.0.1:8081/imports?fileName=$name" | jq -r .id)
  [ "$job" != null ] || { echo "upload refused" >&2; return 1; }
  # Polled twice a second with curl alone: a jq per poll tripled what the poll cost (29 ms of CPU against 9.5), about
  # 5 CPU seconds of a national import taken from the system being measured.
  while :; do
    national_token
    status=$(curl -s -H "Authorization: Bearer $NATIONAL_TOKEN" "http://127.0.0.1:8081/imports/$job")
    [[ $status == *'"status":"COMPLETED"'* ]] && break
    [[ $status == *'"status":"FAILED"'* ]] && { echo "import failed" >&2; return 1; }
    sleep 0.5
  done
  national_token
  curl -s -H "Authorization: Bearer $NATIONAL_TOKEN" "http://127.0.0.1:8081/imports/$job"
}

# CPU seconds each kind of process has used so far (postgres, members, actions, mentoring, notifier, keycloak, kafka,
# other: the bench itself, GreenMail), one "name seconds" line each, sorted: two readings joined give what each took
# in between. Read from /proc in clock ticks (1/100 s), fine enough to divide by the requests of a 20 s run.
cpu() {
  local hz p; hz=$(getconf CLK_TCK)
  for p in /proc/[0-9]*; do
    # utime, stime and the same of children that ended and were waited for: fields 14 to 17 of stat, counted after the
    # command name in brackets (which may hold spaces). Without the children's, a PostgreSQL backend that ends during
    # a measurement (the services' connection pools close idle ones, autovacuum workers come and go) took all the CPU
    # it ever used out of the sum: PostgreSQL read 0.78 ms a request for a typo search that takes 2.4 ms.
    { awk '{ sub(/.*\) /, ""); printf "%d ", $12 + $13 + $14 + $15 }' "$p/stat"; tr '\0' ' ' < "$p/cmdline"; echo; } \
      2>/dev/null \
      || true
  done | awk -v hz="$hz" '$1 ~ /^[0-9]+$/ { n = "other"; if ($0 ~ /postgres/) n = "postgres";
    else if ($0 ~ /members-service/) n = "members"; else if ($0 ~ /actions-service/) n = "actions";
    else if ($0 ~ /mentoring-service/) n = "mentoring"; else if ($0 ~ /notifier-service/) n = "notifier";
    else if ($0 ~ /keycloak/) n = "keycloak"; else if ($0 ~ /kafka/) n = "kafka"; s[n] += $1 / hz }
    END { for (k in s) printf "%s %.2f\n", k, s[k] }' | sort
}
