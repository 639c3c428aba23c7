#!/usr/bin/env bash
# `make test-virtuoso`: run the graph on Virtuoso (Debian's virtuoso-opensource 7.2) and check it
# answers as the embedded store does.
#   1. install virtuoso-opensource when missing (apt, needs root; exit 77 = skipped when impossible)
#   2. start virtuoso-t on loopback with a fresh database in a temp dir (dba/dba), stop it on exit
#   3. push the fixture (or $PSKG_VIRTUOSO_GRAPH) by SPARQL Update at /sparql-auth (digest auth),
#      then by the Graph Store Protocol at /sparql-graph-crud-auth, each time after a "stale"
#      version so that re-pushing is shown to replace each graph as a unit
#   4. compare the smoke queries and queries/*.rq with pyoxigraph (python -m pskg.query.compare)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
GRAPH=${PSKG_VIRTUOSO_GRAPH:-tests/fixtures/store_mini.trig}

if ! command -v virtuoso-t >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then echo "virtuoso-test: virtuoso-t missing and not root: skipped" >&2; exit 77; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    if ! apt-cache policy virtuoso-opensource | grep -q 'Candidate: [0-9]'; then
        echo "virtuoso-test: no virtuoso-opensource package in the apt sources: skipped" >&2; exit 77
    fi
    apt-get install -y -qq virtuoso-opensource >/dev/null
fi

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
DB=$(mktemp -d -t pskg-virtuoso.XXXXXX)
SQL_PORT=$(free_port); HTTP_PORT=$(free_port)
VSP=/var/lib/virtuoso-opensource-7/vsp; [ -d "$VSP" ] || VSP=$DB
cat > "$DB/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $DB/virtuoso.db
ErrorLogFile       = $DB/virtuoso.log
LockFile           = $DB/virtuoso.lck
TransactionFile    = $DB/virtuoso.trx
xa_persistent_file = $DB/virtuoso.pxa
[TempDatabase]
DatabaseFile    = $DB/virtuoso-temp.db
TransactionFile = $DB/virtuoso-temp.trx
[Parameters]
ServerPort        = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
NumberOfBuffers   = 10000
MaxDirtyBuffers   = 6000
DirsAllowed       = ., $DB
[HTTPServer]
ServerPort    = 127.0.0.1:$HTTP_PORT
ServerRoot    = $VSP
ServerThreads = 10
Charset       = UTF-8
[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 120
EOF

virtuoso-t -f -c "$DB/virtuoso.ini" >"$DB/stdout.log" 2>&1 &
PID=$!
cleanup() {
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PID" 2>/dev/null || true
    rm -rf "$DB"
}
trap cleanup EXIT

BASE="http://127.0.0.1:$HTTP_PORT"
for i in $(seq 1 120); do
    if "$PY" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "$BASE/sparql?query=ASK%7B%7D" 2>/dev/null; then break; fi
    kill -0 "$PID" 2>/dev/null || { echo "virtuoso-t exited:"; tail -20 "$DB/virtuoso.log"; exit 1; }
    [ "$i" -eq 120 ] && { echo "virtuoso did not answer in 120 s"; tail -20 "$DB/virtuoso.log"; exit 1; }
    sleep 1
done
echo "virtuoso $(virtuoso-t -? 2>&1 | grep -m1 -o 'Version [0-9.]*' || true) on $BASE"

export PSKG_ENDPOINT_USER=dba PSKG_ENDPOINT_PASSWORD=dba   # the fresh database's default account
"$PY" -m pskg.query.compare --query-endpoint "$BASE/sparql" --update-endpoint "$BASE/sparql-auth" \
    --graph "$GRAPH" --stale-first
"$PY" -m pskg.query.compare --query-endpoint "$BASE/sparql" --graph-store "$BASE/sparql-graph-crud-auth" \
    --graph "$GRAPH" --stale-first
echo "virtuoso-test: OK"
