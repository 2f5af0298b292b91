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
# The flags ./run uses (bin/jvm-flags says why); two glibc malloc arenas instead of one per thread keep
# native memory down.
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JVM_FLAGS=${BENCH_JVM_FLAGS:-$(bin/jvm-flags)}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
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
JMH_CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"

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

# start_service [NAME=value...]: starts the service with the flags ./run uses and this environment (rate limits
# off unless told), waits until it is ready, notes how long that took, and samples its resident memory
start_service() {
  STARTED=$(date +%s%N)
  # Mail goes to the development mailbox: every sign-up still stores its token and outbox row and has its
  # message written from the templates, but no SMTP server's speed is measured.
  env ACCOUNTS_RATE_LIMIT_ENABLED=false ACCOUNTS_TOKENS_SIGNING_KEY_FILE="$WORK/key.pem" ACCOUNTS_COOKIES_SECURE=true \
    ACCOUNTS_MAIL_DEVELOPMENT_MAILBOX=true "$@" \
    "$JAVA_HOME/bin/java" $JVM_FLAGS "${START[@]}" --server.port=$PORT >>"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 1200); do curl -sf "$URL/actuator/health/readiness" >/dev/null && break; sleep 0.05; done
  READY_SECONDS=$(echo "scale=2; ($(date +%s%N) - $STARTED) / 1000000000" | bc)
  curl -sf "$URL/actuator/health/readiness" >/dev/null || { echo "the service did not start:"; tail -20 "$WORK/service.log"; exit 1; }
  echo "ready (readiness UP) ${READY_SECONDS} s after java started"
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do
      now=$(rss 2>/dev/null || echo 0); peak=$(cat "$peak_file")
      [ "${now:-0}" -gt "$peak" ] && echo "$now" >"$peak_file"
      sleep 0.2
    done ) &
  SAMPLER_PID=$!
}
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVICE_PID/status"; }
peak_file=$WORK/peak
echo 0 >"$peak_file"
echo "== starting the service: $JVM_FLAGS, as ./run starts it (extracted, with the JDK's start-up cache: bin/aot-cache)"
mapfile -t START < <(env ACCOUNTS_TOKENS_SIGNING_KEY_FILE="$WORK/key.pem" ACCOUNTS_MAIL_DEVELOPMENT_MAILBOX=true JAVA_OPTS="$JVM_FLAGS" \
  bin/aot-cache bootstrap/target/accounts-dev.jar --server.port=$PORT)
start_service
FIRST_READY_SECONDS=$READY_SECONDS

PASSWORD="tangerine otter kayak mosaic"
body() { printf '{"firstName":"Bench","lastName":"User","email":"%s","password":"%s","confirmPassword":"%s"}' "$1" "$PASSWORD" "$PASSWORD"; }
# sign_up_ms NAME: one sign-up on a new connection; prints its status and time in ms
sign_up_ms() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d "$(body "$1@bench.example.com")" \
    "$URL/users/register" | awk '{ printf "%s %.0f\n", $1, $2 * 1000 }'
}
# The first sign-ups after readiness, against ones made once the service is warm (below): no refusal, no wait for the JIT.
FIRST_SIGN_UP=$(sign_up_ms first-1)
FIRST_SIGN_UPS="$FIRST_SIGN_UP, $(sign_up_ms first-2), $(sign_up_ms first-3)"
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
      -d "$(body "probe-${BENCH_RUN:-run}-$i@bench.example.com")" "$URL/users/register"
  done >"$WORK/probe.raw"
  for status in $(cut -d' ' -f1 "$WORK/probe.raw" | sort -u); do
    awk -v s="$status" '$1 == s { printf "%.1f\n", $2 * 1000 }' "$WORK/probe.raw" | sort -n >"$WORK/probe.$status"
    n=$(wc -l <"$WORK/probe.$status")
    printf '%s: n=%d p50_ms=%s p99_ms=%s; ' "$status" "$n" \
      "$(sed -n "$(((n - 1) * 50 / 100 + 1))p" "$WORK/probe.$status")" "$(sed -n "$(((n - 1) * 99 / 100 + 1))p" "$WORK/probe.$status")"
  done
}

# health_probe SECONDS: the liveness probe ten times a second, as a load balancer would ask; prints its p50/p99
health_probe() {
  local until=$((SECONDS + $1)) n
  while [ $SECONDS -lt $until ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "$URL/actuator/health/liveness"
    sleep 0.1
  done | awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n >"$WORK/health.raw"
  n=$(wc -l <"$WORK/health.raw")
  printf 'n=%d p50_ms=%s p99_ms=%s' "$n" "$(sed -n "$(((n - 1) * 50 / 100 + 1))p" "$WORK/health.raw")" \
    "$(sed -n "$(((n - 1) * 99 / 100 + 1))p" "$WORK/health.raw")"
}

# run NAME THREADS CONNECTIONS SCRIPT [URLPATH [SECONDS]]: prints one RESULT line and keeps it for the summary
run() {
  local name=$1 threads=$2 connections=$3 script=$4 path=${5:-/users/register} seconds=${6:-$SECONDS_PER_RUN}
  local line
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/$script" "$URL$path" | grep '^RESULT')
  printf '%-28s %s\n' "$name" "${line#RESULT }" | tee -a "$WORK/results"
}
# cpu_ticks: CPU time in clock ticks since boot, one "category ticks" line each: the service's hashing
# threads, its JIT compiler threads, the rest of the service, PostgreSQL, wrk, other processes (kernel
# threads, other tenants), time no live process accounts for (interrupts, exited processes), and idle.
cpu_ticks() {
  # cat fails when a process ends between the glob and the read; what it did read still counts
  { (cat /proc/"$SERVICE_PID"/task/*/stat 2>/dev/null || true) | sed 's/^/service /'
    (cat /proc/[0-9]*/stat 2>/dev/null || true) | grep -v "^$SERVICE_PID " | sed 's/^/process /'
    head -1 /proc/stat; } | awk '
    /^cpu / { for (i = 2; i <= NF; i++) total += $i; idle = $5 + $6; next }
    { kind = $1; line = $0; name = line; sub(/^[^(]*\(/, "", name); sub(/\) .*$/, "", name)
      sub(/^.*\) /, "", line); split(line, f, " "); t = f[12] + f[13]
      if (kind == "service") c = name ~ /^password-hashin/ ? "hashing" : name ~ /^C[12] CompilerThre/ ? "jit" : "service_other"
      else c = name == "postgres" ? "postgres" : name == "wrk" ? "wrk" : "process_other"
      ticks[c] += t }
    END { busy = total - idle; for (c in ticks) { print c, ticks[c]; busy -= ticks[c] }
          print "other", busy; print "idle", idle; print "total", total }'
}
# share FROM TO CATEGORY: percent of the machine's CPU time between two cpu_ticks snapshots
share() { awk -v c="$3" 'FNR == NR { a[$1] = $2; next } { b[$1] = $2 } END { printf "%.1f", 100 * (b[c] - a[c]) / (b["total"] - a["total"]) }' "$1" "$2"; }
delta() { awk -v c="$3" 'FNR == NR { a[$1] = $2; next } { b[$1] = $2 } END { print b[c] - a[c] }' "$1" "$2"; }
# ceiling LABEL: the JMH hashing ceiling now (the service idles meanwhile), in hashes per second
ceiling() {
  "$JAVA_HOME/bin/java" -cp "$JMH_CLASSPATH" org.openjdk.jmh.Main HashingCeilingBenchmark -wi 2 -w 5s -i 3 -r 10s \
    -jvmArgsAppend "$JVM_FLAGS" -rf text -rff "$WORK/jmh-$1.txt" >"$WORK/jmh-$1.log" 2>&1
  awk '/HashingCeilingBenchmark.hash/ && /thrpt/ {print $5, $7}' "$WORK/jmh-$1.txt" | tail -1
}
warm() { wrk -t2 -c"$2" -d"${4:-10}s" -s "$BENCH_DIR/$1" "$URL${3:-/users/register}" >/dev/null; }

echo "== scenarios (${SECONDS_PER_RUN}s each, sign-ups twice that, each after warm-up traffic of its own kind)"
CORES=$(nproc)
HASH_CONNECTIONS=$((CORES * 4))

export BENCH_BODY; BENCH_BODY=$(body "not-an-email")
warm register-fixed.lua 64 /users/register 30
run "invalid email (64 conn)" 2 64 register-fixed.lua

BENCH_BODY=$(body dup@bench.example.com)
warm register-fixed.lua 64
run "duplicate email (64 conn)" 2 64 register-fixed.lua

export BENCH_RUN=warm
# At forty sign-ups a second the JIT keeps compiling their path (web, R2DBC, the insert, Argon2) for minutes,
# on the same two cores: warm_sign_ups warms on until its compiler threads used under 1 % of the machine for 15 s.
warm_sign_ups() {
  local slice
  warm register-unique.lua "$HASH_CONNECTIONS" /users/register 60
  for slice in $(seq 1 12); do
    cpu_ticks >"$WORK/cpu.a"; warm register-unique.lua "$HASH_CONNECTIONS" /users/register 15; cpu_ticks >"$WORK/cpu.b"
    JIT_SHARE=$(share "$WORK/cpu.a" "$WORK/cpu.b" jit)
    [ "$(echo "$JIT_SHARE < 1" | bc)" = 1 ] && break
  done
  echo "sign-up warm-up: 60 s + $((slice * 15)) s, until the JIT compiler had ${JIT_SHARE}% of the CPU over 15 s"
}
warm_sign_ups
WARM_SIGN_UP_MS=$(for i in 1 2 3 4 5; do sign_up_ms "warm-single-$i"; done | cut -d' ' -f2 | sort -n | sed -n 3p)
echo "single sign-ups right after readiness (status ms): $FIRST_SIGN_UPS; warm: median ${WARM_SIGN_UP_MS} ms" | tee -a "$WORK/results"
# The ceiling just before and just after the sign-up run: this machine's speed drifts by a third within minutes.
CEILING_BEFORE=$(ceiling before)
export BENCH_RUN=unique
SIGNUP_SECONDS=$((SECONDS_PER_RUN * 2))
cpu_ticks >"$WORK/cpu.a"
run "unique registrations" 2 "$HASH_CONNECTIONS" register-unique.lua /users/register "$SIGNUP_SECONDS"
cpu_ticks >"$WORK/cpu.b"
CEILING_AFTER=$(ceiling after)
SIGNUPS=$(grep '^unique registrations' "$WORK/results" | grep -o '201=[0-9]*' | cut -d= -f2)
TICKS_PER_SECOND=$(getconf CLK_TCK)
echo "CPU during the sign-up run: hashing threads $(share "$WORK/cpu.a" "$WORK/cpu.b" hashing)%," \
  "JIT $(share "$WORK/cpu.a" "$WORK/cpu.b" jit)%, rest of the service $(share "$WORK/cpu.a" "$WORK/cpu.b" service_other)%," \
  "PostgreSQL $(share "$WORK/cpu.a" "$WORK/cpu.b" postgres)%, wrk $(share "$WORK/cpu.a" "$WORK/cpu.b" wrk)%," \
  "other processes $(share "$WORK/cpu.a" "$WORK/cpu.b" process_other)%, unattributed $(share "$WORK/cpu.a" "$WORK/cpu.b" other)%," \
  "idle $(share "$WORK/cpu.a" "$WORK/cpu.b" idle)%" | tee -a "$WORK/results"
HASHING_MS=$(echo "scale=1; 1000 * $(delta "$WORK/cpu.a" "$WORK/cpu.b" hashing) / $TICKS_PER_SECOND / $SIGNUPS" | bc)
echo "hashing-thread CPU per sign-up (hash and strength estimate): ${HASHING_MS} ms" | tee -a "$WORK/results"

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

echo "== overload: sign-ups at 8, 64 and 256 closed-loop connections (1, 8 and 32 times the hashing slots), each with"
echo "   a health probe (10 a second) and a per-status latency probe (a polite client: a new connection per request)"
OVERLOAD_SECONDS=$((SECONDS_PER_RUN * 2))
# overload CONNECTIONS: one run, its health and probe lines, and its goodput (completed sign-ups per second, not
# answers: a run full of fast refusals would hide a collapse) in $WORK/goodput.CONNECTIONS
overload() {
  export BENCH_RUN=warm-overload-$1
  warm register-unique.lua "$1"
  export BENCH_RUN=overload-$1
  health_probe "$OVERLOAD_SECONDS" >"$WORK/overload-health.$1" &
  local health_pid=$!
  probe "$OVERLOAD_SECONDS" >"$WORK/overload-probe.$1" &
  local probe_pid=$!
  run "overload ($1 conn)" 2 "$1" register-unique.lua /users/register "$OVERLOAD_SECONDS"
  wait $health_pid $probe_pid
  printf '%-28s %s\n' "health during it" "$(cat "$WORK/overload-health.$1")" | tee -a "$WORK/results"
  printf '%-28s %s\n' "probe: latency by status" "$(cat "$WORK/overload-probe.$1")" | tee -a "$WORK/results"
  # completed sign-ups of the closed loop and of the probe together
  local looped probed
  looped=$(grep "^overload ($1 conn)" "$WORK/results" | grep -o '201=[0-9]*' | cut -d= -f2)
  probed=$(grep -o '201: n=[0-9]*' "$WORK/overload-probe.$1" | cut -d= -f2 || true)
  echo "scale=1; (${looped:-0} + ${probed:-0}) / $OVERLOAD_SECONDS" | bc >"$WORK/goodput.$1"
}
overload 8
overload 64
overload 256
echo "== the same with rate limits on (limits high enough never to refuse) and the load from 16 client addresses"
if ! command -v cc >/dev/null 2>&1; then
  echo "installing gcc from Debian packages, for the source-address shim"
  (apt-get install -y gcc libc6-dev >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y gcc libc6-dev >/dev/null))
fi
cc -shared -fPIC -o "$WORK/bind-source.so" "$BENCH_DIR/bind-source.c" -ldl
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service ACCOUNTS_RATE_LIMIT_ENABLED=true ACCOUNTS_RATE_LIMIT_REGISTER_LIMIT=1000000000 ACCOUNTS_RATE_LIMIT_REGISTER_BURST=1000000000
export BENCH_RUN=warm-spread
warm_sign_ups
# spread ADDRESSES CONNECTIONS_EACH: one wrk per client address 127.0.0.2…, all at once, with the probes alongside
spread() {
  local total=$(($1 * $2)) i pids=()
  health_probe "$OVERLOAD_SECONDS" >"$WORK/spread-health.$total" &
  pids+=($!)
  BENCH_RUN=probe-spread-$total probe "$OVERLOAD_SECONDS" >"$WORK/spread-probe.$total" &
  pids+=($!)
  for i in $(seq 1 "$1"); do
    BENCH_RUN=spread-$total-$i BENCH_SOURCE_ADDRESS=127.0.0.$((i + 1)) LD_PRELOAD="$WORK/bind-source.so" \
      wrk -t1 -c"$2" -d"${OVERLOAD_SECONDS}s" --timeout 10s -s "$BENCH_DIR/register-unique.lua" "$URL/users/register" \
      | grep '^RESULT' >"$WORK/spread-wrk.$total.$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  local created refused others probed
  created=$(cat "$WORK"/spread-wrk."$total".* | grep -o '201=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
  refused=$(cat "$WORK"/spread-wrk."$total".* | grep -o '503=[0-9]*' | cut -d= -f2 | paste -sd+ | bc || true)
  others=$(cat "$WORK"/spread-wrk."$total".* | grep -oE '[0-9]{3}=' | tr -d '=' | grep -vE '^(201|503)$' | sort -u | paste -sd, || true)
  probed=$(grep -o '201: n=[0-9]*' "$WORK/spread-probe.$total" | cut -d= -f2 || true)
  echo "scale=1; (${created:-0} + ${probed:-0}) / $OVERLOAD_SECONDS" | bc >"$WORK/spread-goodput.$total"
  printf '%-28s %s\n' "$1 addresses x $2 conn" "201=${created:-0} 503=${refused:-0}${others:+ other=$others} goodput=$(cat "$WORK/spread-goodput.$total")/s" \
    | tee -a "$WORK/results"
  printf '%-28s %s\n' "health during it" "$(cat "$WORK/spread-health.$total")" | tee -a "$WORK/results"
  printf '%-28s %s\n' "probe: latency by status" "$(cat "$WORK/spread-probe.$total")" | tee -a "$WORK/results"
}
spread 8 1
spread 16 4
spread 16 16
PEAK_RSS=$(cat "$peak_file")

echo "== checks"
created=$(grep -E '^(unique registrations|overload|[0-9]+ addresses)' "$WORK/results" | grep -o '201=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
probe_created=$(cat "$WORK"/overload-probe.* "$WORK"/spread-probe.* | grep -o '201: n=[0-9]*' | cut -d= -f2 | paste -sd+ | bc || true)  # the probes' own 201s
created=$((created + ${probe_created:-0}))
# wrk stops at the deadline without reading the answers then in flight: those requests may have
# committed a row nobody counted, at most one per connection of the counted runs.
in_flight=$((HASH_CONNECTIONS + 2 * (8 + 64 + 256) + 12))
echo "201 answers to unique registrations: $created"
if [ ${#PSQL[@]} -gt 0 ]; then
  rows=$("${PSQL[@]}" -c "select count(*) from users where email like 'unique-%' or email like 'overload-%' or email like 'spread-%' or email like 'probe-%'")
  duplicates=$("${PSQL[@]}" -c "select count(*) from (select email_normalized from users group by 1 having count(*) > 1) d")
  echo "rows for them: $rows (at most $in_flight more than 201s: answers in flight when wrk stopped); emails stored twice: $duplicates"
  if [ "$rows" -ge "$created" ] && [ "$rows" -le $((created + in_flight)) ] && [ "$duplicates" = 0 ]; then
    echo "OK: every 201 has its row, no email is stored twice"
  else
    echo "MISMATCH: fewer rows than 201s, too many rows, or an email stored twice"
  fi
fi
others=$(grep -E '^(overload|[0-9]+ addresses)' "$WORK/results" | grep -oE '(^|[ ,=])[0-9]{3}=' | tr -d ' ,=' | grep -vE '^(201|503)$' || true)
[ -z "$others" ] && echo "OK: the overload runs answered only 201 and 503" || echo "UNEXPECTED statuses in overload: $others"

echo "== hashing ceiling (JMH, $CORES threads, the service's Argon2id parameters, just before and just after the sign-up run)"
echo "before: ${CEILING_BEFORE% *} ± ${CEILING_BEFORE#* } hashes/s; after: ${CEILING_AFTER% *} ± ${CEILING_AFTER#* } hashes/s"
CEILING=$(echo "scale=1; (${CEILING_BEFORE% *} + ${CEILING_AFTER% *}) / 2" | bc)
UNIQUE=$(grep '^unique registrations' "$WORK/results" | grep -o 'req/s=[0-9]*' | cut -d= -f2)
echo "ceiling: $CEILING hashes/s (mean), $(echo "scale=1; $CORES * 1000 / $CEILING" | bc) ms of CPU per hash;" \
  "unique registrations: $UNIQUE/s; ratio: $(echo "scale=2; $UNIQUE / $CEILING" | bc)"

echo "== targets (issue #12)"
# target NAME VALUE COMPARISON LIMIT: prints the value against its limit with "met" or "not met"
target() { printf '%-58s %-10s %s %-8s %s\n' "$1" "$2" "$3" "$4" "$(echo "$2 $3 $4" | bc -l | grep -q 1 && echo met || echo "NOT MET")"; }
EIGHT=$(cat "$WORK/goodput.8")
for c in 64 256; do
  target "goodput at $c conn / at 8 conn ($(cat "$WORK/goodput.$c") / $EIGHT per s)" "$(echo "scale=2; $(cat "$WORK/goodput.$c") / $EIGHT" | bc)" ">=" 0.9
  target "admitted sign-ups p99 at $c conn (probe, ms)" "$(grep -o '201: n=[0-9]* p50_ms=[0-9.]* p99_ms=[0-9.]*' "$WORK/overload-probe.$c" | sed 's/.*p99_ms=//')" "<=" 2000
  target "refusals p99 at $c conn (probe, ms)" "$(grep -o '503: n=[0-9]* p50_ms=[0-9.]* p99_ms=[0-9.]*' "$WORK/overload-probe.$c" | sed 's/.*p99_ms=//' | grep . || echo none)" "<=" 50
  target "health p99 at $c conn (ms)" "$(grep -o 'p99_ms=[0-9.]*' "$WORK/overload-health.$c" | cut -d= -f2)" "<=" 50
done
for c in 64 256; do
  target "goodput, 16 addresses, limits on: $c conn / 8 ($(cat "$WORK/spread-goodput.$c") / $(cat "$WORK/spread-goodput.8"))" \
    "$(echo "scale=2; $(cat "$WORK/spread-goodput.$c") / $(cat "$WORK/spread-goodput.8")" | bc)" ">=" 0.9
  refusal_p99=$(grep -o '503: n=[0-9]* p50_ms=[0-9.]* p99_ms=[0-9.]*' "$WORK/spread-probe.$c" | sed 's/.*p99_ms=//' || true)
  if [ -n "$refusal_p99" ]; then
    target "refusals p99, 16 addresses, $c conn (probe, ms)" "$refusal_p99" "<=" 50
  else
    echo "refusals, 16 addresses, $c conn: the probe, at an address of its own, was never refused (its fair share)"
  fi
done
target "start-up: readiness UP after java -jar, running PostgreSQL (s)" "$FIRST_READY_SECONDS" "<=" 5
target "first sign-up after readiness: status" "${FIRST_SIGN_UP% *}" "==" 201
target "first sign-up after readiness / a warm one (${FIRST_SIGN_UP#* } / ${WARM_SIGN_UP_MS} ms)" \
  "$(echo "scale=2; ${FIRST_SIGN_UP#* } / $WARM_SIGN_UP_MS" | bc)" "<=" 2
target "sign-ups at 8 conn / JMH ceiling" "$(echo "scale=2; $UNIQUE / $CEILING" | bc)" ">=" 0.9

echo "== memory ($JVM_FLAGS)"
echo "resident: idle ${IDLE_RSS} MiB, peak ${PEAK_RSS} MiB"
target "resident memory idle (MiB)" "$IDLE_RSS" "<=" 200
target "resident memory at peak over the whole run (MiB)" "$PEAK_RSS" "<=" 265
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
