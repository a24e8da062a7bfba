#!/usr/bin/env bash
# A local single-node OpenSearch 2.19 for development and CI (Java 17 + Maven).
#   scripts/opensearch.sh start    build the launcher if needed, start, wait until healthy
#   scripts/opensearch.sh stop     stop it
#   scripts/opensearch.sh status   print the cluster health
# Data and logs live in var/opensearch; the port is OPENSEARCH_PORT (default 9200).
set -euo pipefail
cd "$(dirname "$0")/.."
home=var/opensearch
port=${OPENSEARCH_PORT:-9200}
jar=opensearch/target/jingwu-opensearch.jar
url="http://127.0.0.1:$port"

healthy() { curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if healthy; then echo "OpenSearch already running at $url"; exit 0; fi
    if [[ ! -f $jar || opensearch/pom.xml -nt $jar || -n $(find opensearch/src -newer "$jar") ]]; then
      echo "Building the OpenSearch launcher (first time: downloads about 50 MB from Maven Central)..."
      mvn -q -B -f opensearch/pom.xml package
    fi
    mkdir -p "$home"
    nohup java -Xms512m -Xmx512m -XX:TieredStopAtLevel=1 -Dlog4j.shutdownHookEnabled=false \
      -jar "$jar" "$home" "$port" >"$home/console.log" 2>&1 &
    echo $! >"$home/pid"
    for _ in $(seq 1 120); do
      if healthy; then echo "OpenSearch ready at $url (pid $(cat "$home/pid"))"; exit 0; fi
      if ! kill -0 "$(cat "$home/pid")" 2>/dev/null; then
        echo "OpenSearch exited; see $home/console.log" >&2; tail -n 20 "$home/console.log" >&2; exit 1
      fi
      sleep 1
    done
    echo "OpenSearch did not become healthy in 120 s; see $home/console.log" >&2
    exit 1
    ;;
  stop)
    if [[ -f $home/pid ]] && kill "$(cat "$home/pid")" 2>/dev/null; then
      for _ in $(seq 1 30); do kill -0 "$(cat "$home/pid")" 2>/dev/null || break; sleep 1; done
      echo "OpenSearch stopped"
    fi
    rm -f "$home/pid"
    ;;
  status)
    curl -fsS "$url/_cluster/health?pretty" || { echo "OpenSearch is not running at $url"; exit 1; }
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2; exit 2
    ;;
esac
