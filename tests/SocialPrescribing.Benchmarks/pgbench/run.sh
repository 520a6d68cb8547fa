#!/usr/bin/env bash
# The store's one-event append against raw's single-row insert, on the server alone (pgbench, one client, prepared,
# 2-second runs alternated 6 times). Needs PGHOST, PGPORT and PGPASSWORD for the roles of setup.sql; prints the mean
# transactions per second of each row and each run's figure. `append` runs twice: as the owner (whom the tenant
# policies do not bind here: the scope statement's own cost) and as the application's role (what the store runs).
set -euo pipefail
cd "$(dirname "$0")"
rows="raw:raw:postgres append-without-feed:append-without-feed:postgres append-unscoped:append-unscoped:postgres append-scope-statement:append:postgres append:append:sp_app"
for round in 1 2 3 4 5 6; do
  for row in $rows; do
    IFS=: read -r name script user <<< "$row"
    printf '%s ' "$name"
    pgbench -U "$user" -d sp -n -M prepared -c 1 -T 2 -f "$script.sql" 2>&1 | awk '/^tps/ {print $3}'
  done
done | awk '{s[$1]+=$2; n[$1]++; v[$1]=v[$1]" "int($2)} END {for (k in s) printf "%-24s %6d  (%s )\n", k, s[k]/n[k], v[k]}'
