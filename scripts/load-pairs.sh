#!/usr/bin/env bash
# Same-minute load comparisons: runs the load command against each given server build in turn, round after round,
# each run with a fresh server and database, and prints one summary line per run (docs/performance.md).
#
#   scripts/load-pairs.sh [-p sqlite|postgres] [-r rounds] [-c clients] [-s seconds] [-w warmup] [-m mix] [-u users] LABEL=DIR[:ENV=VALUE,...] ...
#
# DIR is a folder with a Release build of MovieGpt.Server (dotnet build src/MovieGpt.Server -c Release -o DIR); the text
# after ':' sets environment variables for that server only (e.g. base=/tmp/a new=/tmp/b nice0=/tmp/b:Database__ReviewWriterNice=0).
# -m is the load command's --mix (POST review, GET a movie's reviews, GET stats, GET reviews; default 50,25,15,10).
# -u writes as that many accounts with bearer tokens (the load command's --users) instead of anonymously.
# PostgreSQL runs take the server from psql's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD; the user creates a database per run).
set -euo pipefail
cd "$(dirname "$0")/.."

provider=sqlite rounds=3 clients=32 seconds=20 warmup=30 mix=50,25,15,10 port=5099
users=()
while getopts "p:r:c:s:w:m:u:" opt; do
  case $opt in
    p) provider=$OPTARG ;; r) rounds=$OPTARG ;; c) clients=$OPTARG ;; s) seconds=$OPTARG ;; w) warmup=$OPTARG ;; m) mix=$OPTARG ;;
    u) users=(--users "$OPTARG") ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n 2,10p "$0"; exit 2; }

load=src/MovieGpt.LoadTest/bin/Release/net10.0/moviegpt-load.dll
[ -f "$load" ] || dotnet build src/MovieGpt.LoadTest -c Release -v q >/dev/null

run() { # label dir env
  local label=$1 dir=$2 env=$3 db="moviegpt_load_$RANDOM$RANDOM" out pid
  local -a settings=()
  if [ "$provider" = postgres ]; then
    psql -d postgres -qc "CREATE DATABASE $db" >/dev/null
    settings+=(Database__Provider=Postgres
      "Database__ConnectionString=Host=${PGHOST:-127.0.0.1};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};Database=$db")
  else
    rm -f /tmp/moviegpt-load.db*
    settings+=("Database__ConnectionString=Data Source=/tmp/moviegpt-load.db")
  fi
  IFS=, read -ra extra <<< "$env"
  # The first load account is an admin, so that a run with -u can delete its movies at the end.
  (cd "$dir" && exec env RateLimits__Enabled=false Auth__AllowAnonymousWrites=true Auth__AdminEmails__0=load0@moviegpt.load \
    "${settings[@]}" "${extra[@]}" Logging__LogLevel__Default=Warning \
    dotnet MovieGpt.Server.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
  pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  out=$(dotnet "$load" --url "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds" --warmup "$warmup" --mix "$mix" --server-pid "$pid" "${users[@]}")
  kill "$pid" 2>/dev/null || { echo "the server ($label) stopped early: is port $port taken?" >&2; exit 1; }
  wait "$pid" 2>/dev/null || true
  if [ "$provider" = postgres ]; then psql -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null; fi
  # POST p50/p90/p99, the GET endpoints' p99, all requests/s, errors, the stored-reviews check, server CPU and the
  # machine's load average (other work on the two cores makes a run worth less).
  awk -v label="$label" -v provider="$provider" -v at="$(date -u +%H:%M)" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    /^POST \/api\/reviews\// { post = sprintf("POST p50/p90/p99 %s / %s / %s ms", $5, $6, $7) }
    /^GET / { gets = gets sprintf(" %s", $7) }
    /^all / { rps = $3; errors = $4 }
    /^check/ { check = $NF }
    /^server  :/ && /CPU per request/ { cpu = $(NF-4) }
    END { printf "%s %-8s %-10s %s | GET p99%s ms | %s req/s, %s errors, stored %s, %s ms CPU/req, load %s\n", at, provider, label, post, gets, rps, errors, check, cpu, load }' <<< "$out"
}

for round in $(seq 1 "$rounds"); do
  for spec in "$@"; do
    label=${spec%%=*} rest=${spec#*=}
    dir=${rest%%:*} env=""
    [[ $rest == *:* ]] && env=${rest#*:}
    run "$label" "$dir" "$env"
  done
done
