#!/usr/bin/env bash
# Load benchmark of the running service on real PostgreSQL. See README "Benchmark".
#   bench/run.sh               local PostgreSQL at 127.0.0.1:5432 if it answers, else the embedded one
#   BENCH_SECONDS=20 bench/run.sh   longer runs
# Prints req/s, p50/p99 and status counts per scenario, resident memory, the JMH hashing ceiling, and
# checks afterwards that every 201 has exactly one row and that no email appears twice.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export BENCH_DIR=$ROOT/bench
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
PORT=${BENCH_PORT:-18080}
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
# Each hashing thread keeps one Argon2id hash's memory (19 MiB) for reuse, so hashing allocates next to
# nothing: the heap needs about 64 MiB plus 20 MiB per hashing thread, and a small young generation.
# Two glibc malloc arenas instead of one per thread keep native memory down. The code cache keeps its
# default reservation (only what is used is resident): a small one makes the JVM run a full collection
# each time compiled code grows by 15 % of it, 100 ms each here; metaspace likewise starts its first
# collection at 96 MiB instead of 21.
JVM_FLAGS=${BENCH_JVM_FLAGS:-"-XX:+UseSerialGC -Xms128m -Xmx128m -Xmn32m -XX:MetaspaceSize=96m -Xss512k"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
SERVICE_PID=""

cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  [ -n "${SAMPLER_PID:-}" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian packages"
  (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null))
fi

echo "== building"
./mvnw -q -B -DskipTests package -pl bootstrap,benchmarks -am

echo "== database"
if command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -q -c 'DROP DATABASE IF EXISTS accounts_bench' -c 'CREATE DATABASE accounts_bench'
  export SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:5432/accounts_bench SPRING_R2DBC_USERNAME=postgres SPRING_R2DBC_PASSWORD=
  PSQL=(psql -h 127.0.0.1 -U postgres -d accounts_bench -tA)
  echo "local PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version'), database accounts_bench"
else
  export ACCOUNTS_EMBEDDED_POSTGRES_DATA_DIR=$WORK/postgres
  PSQL=()
  echo "embedded PostgreSQL in $WORK/postgres (row checks need psql and are skipped without it)"
fi

echo "== starting the service: $JVM_FLAGS"
ACCOUNTS_RATE_LIMIT_ENABLED=false ACCOUNTS_TOKENS_SIGNING_KEY_FILE=$WORK/key.pem ACCOUNTS_COOKIES_SECURE=true \
  "$JAVA_HOME/bin/java" $JVM_FLAGS -jar bootstrap/target/accounts.jar --server.port=$PORT >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do curl -sf "$URL/actuator/health/readiness" >/dev/null && break; sleep 0.5; done
curl -sf "$URL/actuator/health/readiness" >/dev/null || { echo "the service did not start:"; tail -20 "$WORK/service.log"; exit 1; }

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVICE_PID/status"; }
peak_file=$WORK/peak
echo 0 >"$peak_file"
( while kill -0 "$SERVICE_PID" 2>/dev/null; do
    now=$(rss 2>/dev/null || echo 0); peak=$(cat "$peak_file")
    [ "${now:-0}" -gt "$peak" ] && echo "$now" >"$peak_file"
    sleep 0.2
  done ) &
SAMPLER_PID=$!

PASSWORD="tangerine otter kayak mosaic"
body() { printf '{"firstName":"Bench","lastName":"User","email":"%s","password":"%s","confirmPassword":"%s"}' "$1" "$PASSWORD" "$PASSWORD"; }
curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$(body dup@bench.example.com)" "$URL/users/register"
curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$(body login@bench.example.com)" "$URL/users/register"
sleep 2
IDLE_RSS=$(rss)

# probe SECONDS: sequential unique registrations with curl, timing each answer by its status, for the
# latency of the 503s themselves (wrk's percentiles mix them with the slow 201s)
probe() {
  local until=$((SECONDS + $1)) i=0 status n
  while [ $SECONDS -lt $until ]; do
    i=$((i + 1))
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      -d "$(body "probe-$i@bench.example.com")" "$URL/users/register"
  done >"$WORK/probe.raw"
  for status in $(cut -d' ' -f1 "$WORK/probe.raw" | sort -u); do
    awk -v s="$status" '$1 == s { printf "%.1f\n", $2 * 1000 }' "$WORK/probe.raw" | sort -n >"$WORK/probe.$status"
    n=$(wc -l <"$WORK/probe.$status")
    printf '%s: n=%d p50_ms=%s p99_ms=%s; ' "$status" "$n" \
      "$(sed -n "$(((n - 1) * 50 / 100 + 1))p" "$WORK/probe.$status")" "$(sed -n "$(((n - 1) * 99 / 100 + 1))p" "$WORK/probe.$status")"
  done
}

# run NAME THREADS CONNECTIONS SCRIPT [URLPATH]: prints one RESULT line and keeps it for the summary
run() {
  local name=$1 threads=$2 connections=$3 script=$4 path=${5:-/users/register}
  local line
  line=$(wrk -t"$threads" -c"$connections" -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$BENCH_DIR/$script" "$URL$path" | grep '^RESULT')
  printf '%-28s %s\n' "$name" "${line#RESULT }" | tee -a "$WORK/results"
}
# CPU time, in clock ticks, of the service's hashing threads, and of the whole machine (all cores, idle included)
hashing_ticks() {
  cat /proc/"$SERVICE_PID"/task/*/stat 2>/dev/null | awk '/\(password-hashin/ { sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}
machine_ticks() { awk '/^cpu / { for (i = 2; i <= NF; i++) t += $i; print t }' /proc/stat; }
warm() { wrk -t2 -c"$2" -d"${4:-10}s" -s "$BENCH_DIR/$1" "$URL${3:-/users/register}" >/dev/null; }

echo "== scenarios (${SECONDS_PER_RUN}s each, after warm-up: the JIT compiler needs about 30 s of traffic before the first, 60 s of sign-ups at 40 a second, 10 s before the others)"
CORES=$(nproc)
HASH_CONNECTIONS=$((CORES * 4))

export BENCH_BODY; BENCH_BODY=$(body "not-an-email")
warm register-fixed.lua 64 /users/register 30
run "invalid email (64 conn)" 2 64 register-fixed.lua

BENCH_BODY=$(body dup@bench.example.com)
warm register-fixed.lua 64
run "duplicate email (64 conn)" 2 64 register-fixed.lua

export BENCH_RUN=warm
warm register-unique.lua "$HASH_CONNECTIONS" /users/register 60
export BENCH_RUN=unique
HASHING_TICKS_BEFORE=$(hashing_ticks); MACHINE_TICKS_BEFORE=$(machine_ticks)
run "unique registrations" 2 "$HASH_CONNECTIONS" register-unique.lua
HASHING_SHARE=$(( 100 * ($(hashing_ticks) - HASHING_TICKS_BEFORE) / ($(machine_ticks) - MACHINE_TICKS_BEFORE) ))
echo "the hashing threads had ${HASHING_SHARE}% of the machine's CPU time during that run" | tee -a "$WORK/results"

export BENCH_EMAIL=login@bench.example.com
run "login" 2 "$HASH_CONNECTIONS" login.lua /auth/login

TOKEN=$(curl -sf -c "$WORK/jar" -H 'Content-Type: application/json' -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$PASSWORD\"}" \
  "$URL/auth/login" -o /dev/null && awk '/access_token/ {print $7}' "$WORK/jar")
export BENCH_TOKEN=$TOKEN
warm me.lua 64 /users/me
run "/users/me (64 conn)" 2 64 me.lua /users/me

export BENCH_SESSIONS=$WORK/sessions
: >"$BENCH_SESSIONS"
for _ in $(seq 1 8); do
  curl -sf -c "$WORK/s" -D "$WORK/h" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$PASSWORD\"}" "$URL/auth/login"
  echo "$(awk '/refresh_token/ {print $7}' "$WORK/s") $(awk 'tolower($1) == "x-csrf-token:" {print $2}' "$WORK/h" | tr -d '\r')" >>"$BENCH_SESSIONS"
done
run "refresh (8 sessions)" 8 8 refresh.lua /auth/refresh

echo "== overload: registrations at 4x the hashing capacity, with a health probe alongside"
OVERLOAD_CONNECTIONS=$((HASH_CONNECTIONS * 4))
export BENCH_RUN=warm-overload
warm register-unique.lua "$OVERLOAD_CONNECTIONS"
export BENCH_RUN=overload
wrk -t2 -c2 -d"${SECONDS_PER_RUN}s" -s "$BENCH_DIR/health.lua" "$URL/actuator/health/liveness" | grep '^RESULT' >"$WORK/health" &
HEALTH_PID=$!
probe "$SECONDS_PER_RUN" >"$WORK/probe" &
PROBE_PID=$!
run "overload ($OVERLOAD_CONNECTIONS conn)" 2 "$OVERLOAD_CONNECTIONS" register-unique.lua
wait $HEALTH_PID $PROBE_PID
printf '%-28s %s\n' "health during overload" "$(sed 's/^RESULT //' "$WORK/health")" | tee -a "$WORK/results"
printf '%-28s %s\n' "probe: latency by status" "$(cat "$WORK/probe")" | tee -a "$WORK/results"
PEAK_RSS=$(cat "$peak_file")

echo "== checks"
created=$(grep -E '^(unique registrations|overload)' "$WORK/results" | grep -o '201=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
probe_created=$(grep -o '201: n=[0-9]*' "$WORK/probe" | cut -d= -f2 || true)  # the probe's own 201s
created=$((created + ${probe_created:-0}))
# wrk stops at the deadline without reading the answers then in flight: those requests may have
# committed a row nobody counted, at most one per connection of the counted runs.
in_flight=$((HASH_CONNECTIONS + OVERLOAD_CONNECTIONS + 2))
echo "201 answers to unique registrations: $created"
if [ ${#PSQL[@]} -gt 0 ]; then
  rows=$("${PSQL[@]}" -c "select count(*) from users where email like 'unique-%' or email like 'overload-%' or email like 'probe-%'")
  duplicates=$("${PSQL[@]}" -c "select count(*) from (select email_normalized from users group by 1 having count(*) > 1) d")
  echo "rows for them: $rows (at most $in_flight more than 201s: answers in flight when wrk stopped); emails stored twice: $duplicates"
  if [ "$rows" -ge "$created" ] && [ "$rows" -le $((created + in_flight)) ] && [ "$duplicates" = 0 ]; then
    echo "OK: every 201 has its row, no email is stored twice"
  else
    echo "MISMATCH: fewer rows than 201s, too many rows, or an email stored twice"
  fi
fi
others=$(grep '^overload' "$WORK/results" | grep -oE '(^|[ ,=])[0-9]{3}=' | tr -d ' ,=' | grep -vE '^(201|409|429|503)$' || true)
[ -z "$others" ] && echo "OK: the overload run answered only 201/409/429/503" || echo "UNEXPECTED statuses in overload: $others"

echo "== hashing ceiling (JMH, $CORES threads, the service's Argon2id parameters)"
# Every module of the reactor writes the file in turn; benchmarks comes last, so its classpath stays.
./mvnw -q -B -DskipTests package dependency:build-classpath -pl benchmarks -am -Dmdep.outputFile="$WORK/classpath" -Dmdep.includeScope=runtime
CP=$(cat "$WORK/classpath")
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
"$JAVA_HOME/bin/java" -cp "benchmarks/target/classes:$CP" org.openjdk.jmh.Main HashingCeilingBenchmark \
  -jvmArgsAppend "$JVM_FLAGS" -rf text -rff "$WORK/jmh.txt" >"$WORK/jmh.log" 2>&1
cat "$WORK/jmh.txt"
CEILING=$(awk '/HashingCeilingBenchmark.hash/ && /thrpt/ {print $5}' "$WORK/jmh.txt" | tail -1)
UNIQUE=$(grep '^unique registrations' "$WORK/results" | grep -o 'req/s=[0-9]*' | cut -d= -f2)
echo "ceiling: $CEILING hashes/s; unique registrations: $UNIQUE/s; ratio: $(echo "scale=2; $UNIQUE / $CEILING" | bc)"

echo "== memory ($JVM_FLAGS)"
echo "resident: idle ${IDLE_RSS} MiB, peak ${PEAK_RSS} MiB"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
