#!/usr/bin/env bash
# Two ClickHouse server instances on 127.0.0.1 forming a 2-shard cluster `entente` (for the event
# engine's tests and benchmarks: packages/events/src/clickhouse, docs/events.md "At scale").
#
#   scripts/clickhouse-cluster.sh start DIR   configs, data and logs under DIR; waits until both
#                                             answer; writes DIR/shard{1,2}.pid; prints the
#                                             engine URL (clickhouse://…?shards=…)
#   scripts/clickhouse-cluster.sh stop DIR    kills the two servers by the PIDs in DIR
#
# Ports (override with ENTENTE_CH_PORT_BASE, default 18120): shard k (k = 1, 2) listens on HTTP
# base+k, native TCP base+10+k and interserver HTTP base+20+k, all on 127.0.0.1 only. The shards
# reach each other over the native port. Written for Debian's clickhouse-server 18.16 (the
# <yandex> config root); newer servers accept the same files.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2
base=${ENTENTE_CH_PORT_BASE:-18120}
server=${CLICKHOUSE_SERVER:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}

http_port() { echo $((base + $1)); }
tcp_port() { echo $((base + 10 + $1)); }
inter_port() { echo $((base + 20 + $1)); }

write_config() {
  local k=$1 d=$2
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas" "$d/log"
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      <load_balancing>in_order</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
XML
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>$d/log/server.log</log>
    <errorlog>$d/log/error.log</errorlog>
    <size>50M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$k")</http_port>
  <tcp_port>$(tcp_port "$k")</tcp_port>
  <interserver_http_port>$(inter_port "$k")</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>50</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <umask>027</umask>
  <remote_servers>
    <entente>
      <shard><replica><host>127.0.0.1</host><port>$(tcp_port 1)</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$(tcp_port 2)</port></replica></shard>
    </entente>
  </remote_servers>
  <macros><shard>$k</shard></macros>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
XML
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  for k in 1 2; do
    local d="$dir/shard$k"
    if alive "$d.pid"; then
      echo "clickhouse-cluster: shard $k already running (pid $(cat "$d.pid"))" >&2
      continue
    fi
    write_config "$k" "$d"
    # In the foreground of a background job, so that $! is the server's own PID.
    "$server" --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 </dev/null &
    echo $! >"$d.pid"
  done
  for k in 1 2; do
    local ok=""
    for _ in $(seq 1 300); do
      if curl -fsS "http://127.0.0.1:$(http_port "$k")/ping" >/dev/null 2>&1; then ok=1; break; fi
      if ! alive "$dir/shard$k.pid"; then break; fi
      sleep 0.1
    done
    if [ -z "$ok" ]; then
      echo "clickhouse-cluster: shard $k did not answer on port $(http_port "$k"); its log:" >&2
      tail -n 20 "$dir/shard$k/log/error.log" "$dir/shard$k/log/stdout.log" >&2 2>/dev/null || true
      stop
      exit 1
    fi
  done
  # The engine URL: the entry shard, and every shard's HTTP endpoint for the local tables' DDL.
  echo "clickhouse://127.0.0.1:$(http_port 1)?shards=127.0.0.1:$(http_port 1),127.0.0.1:$(http_port 2)"
}

stop() {
  for k in 1 2; do
    local p="$dir/shard$k.pid"
    [ -f "$p" ] || continue
    local pid
    pid=$(cat "$p")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$p"
  done
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
