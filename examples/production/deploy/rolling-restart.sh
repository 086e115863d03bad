#!/usr/bin/env bash
# A rolling restart of the production example under load: two instances of the built jar behind
# nginx (deploy/nginx.conf with free ports put in), clients looping POST /notes and GET /notes
# through nginx, and each instance in turn stopped with SIGTERM and started again once the other
# serves. Fails if a single request got anything but a 2xx, or an instance did not exit cleanly.
#
#   examples/production/deploy/rolling-restart.sh [ROUNDS]          (default 1)
#
# Build first: ./mvnw -q -pl examples/production -am -DskipTests package
# JAVA: a Java 21+ (default: java on PATH); NGINX (default: nginx on PATH, else /usr/sbin/nginx);
# CLIENTS: load loops (default 4); AURORA_* variables reach both instances as overrides.
# RollingRestartIT runs it in the build (one round; -Pdeploy: three).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
jar="$module/target/aurora-example-production.jar"
rounds="${1:-1}"
clients="${CLIENTS:-4}"
java="${JAVA:-java}"
nginx="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

fail() { echo "rolling-restart: $*" >&2; exit 1; }
[ -f "$jar" ] || fail "build first: ./mvnw -q -pl examples/production -am -DskipTests package"
[ -x "$nginx" ] || fail "nginx not found (Debian: apt-get install nginx-light; or set NGINX)"
command -v curl > /dev/null || fail "curl not found"

work="$(mktemp -d)"
declare -a port pid
nginx_pid=""
loaders=()
cleanup() {
  rm -f "$work/running"
  for p in "${loaders[@]}" "${pid[@]}" $nginx_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# A port nothing listens on now (bash's /dev/tcp connect fails), from a range the kernel does not
# hand out to clients.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null || { echo "$p"; return; }
  done
}

# Polls until $1 answers 2xx, or the process $2 died, or 30 s passed.
await_ok() {
  local url="$1" process="$2" deadline=$((SECONDS + 30))
  until curl -fsS -o /dev/null "$url" 2> /dev/null; do
    kill -0 "$process" 2> /dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# Requests an instance has served so far (its own counter, read past nginx).
served() {
  curl -fsS "http://127.0.0.1:${port[$1]}/metrics" | awk '$1 == "aurora_requests_total" { print int($2) }'
}

launch() {
  local i="$1"
  AURORA_SERVER_HOST=127.0.0.1 AURORA_SERVER_PORT="${port[$i]}" \
    "$java" -Xmx256m -jar "$jar" "$module/aurora.toml" >> "$work/instance-$i.log" 2>&1 &
  pid[$i]=$!
}
await_ready() {
  await_ok "http://127.0.0.1:${port[$1]}/health/ready" "${pid[$1]}" \
    || { tail -20 "$work/instance-$1.log" >&2; fail "instance $1 did not become ready"; }
}

# The load: each loop runs curl over 100 URLs on one kept-alive connection, one status per line.
load() {
  local n="$1" url="http://127.0.0.1:$nginx_port/notes?n=[1-100]"
  while [ -e "$work/running" ]; do
    if [ $((n % 2)) = 0 ]; then
      curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
        -d '{"text":"rolling restart"}' "$url" >> "$work/codes-$n" || true
    else
      curl -s -o /dev/null -w '%{http_code}\n' "$url" >> "$work/codes-$n" || true
    fi
  done
}

port[0]="$(free_port)"
port[1]="$(free_port)"
nginx_port="$(free_port)"
launch 0
launch 1
await_ready 0
await_ready 1

# deploy/nginx.conf as shipped, with this run's ports, inside a main file of its own.
sed -e "s/127\.0\.0\.1:8081/127.0.0.1:${port[0]}/" -e "s/127\.0\.0\.1:8082/127.0.0.1:${port[1]}/" \
  -e "s/listen 80;/listen 127.0.0.1:$nginx_port;/" "$here/nginx.conf" > "$work/aurora-production.conf"
user=""; [ "$(id -u)" = 0 ] && user="user root;"   # root's workers would run as nobody, locked out of $work
cat > "$work/nginx.conf" <<EOF
$user
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  include $work/aurora-production.conf;
}
EOF
"$nginx" -t -q -p "$work" -c "$work/nginx.conf" || fail "nginx -t refused the configuration"
"$nginx" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
await_ok "http://127.0.0.1:$nginx_port/health/ready" "$nginx_pid" || fail "nginx did not start: $(cat "$work/error.log")"

touch "$work/running"
for n in $(seq 1 "$clients"); do
  load "$n" &
  loaders+=($!)
done

started=$SECONDS
for round in $(seq 1 "$rounds"); do
  for i in 0 1; do
    # Traffic reaches both before one stops: the other (possibly just restarted) one serves.
    other=$((1 - i))
    base="$(served "$other")"
    deadline=$((SECONDS + 30))
    until [ "$(served "$other")" -gt $((base + 50)) ]; do
      [ "$SECONDS" -lt "$deadline" ] || fail "instance $other got no traffic through nginx"
      sleep 0.2
    done
    stop_started=$SECONDS
    kill -TERM "${pid[$i]}"
    status=0
    wait "${pid[$i]}" || status=$?
    [ "$status" = 143 ] || [ "$status" = 0 ] || fail "instance $i exited with $status (see $work/instance-$i.log)"
    echo "round $round: instance $i stopped (exit $status) in $((SECONDS - stop_started)) s"
    launch "$i"
    await_ready "$i"
  done
done
# The last restarted instance serves too, then the load stops.
base="$(served 1)"
until [ "$(served 1)" -gt $((base + 50)) ]; do sleep 0.2; done
rm -f "$work/running"
wait "${loaders[@]}"
loaders=()

total="$(cat "$work"/codes-* | wc -l)"
failed="$(cat "$work"/codes-* | grep -cv '^2' || true)"
echo "requests: $total in $((SECONDS - started)) s, failed: $failed"
if [ "$failed" != 0 ]; then
  cat "$work"/codes-* | grep -v '^2' | sort | uniq -c >&2
  fail "$failed requests failed"
fi
[ "$total" -ge 500 ] || fail "only $total requests were made; the load did not run"
