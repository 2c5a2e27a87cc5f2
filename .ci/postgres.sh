# Sourced by .ci/run (bash): a throwaway PostgreSQL server on loopback for PostgresRepositoryTest.
# start_test_postgres installs PostgreSQL from Debian when it is missing, creates a cluster in a temporary
# folder, starts it on 127.0.0.1:$CI_PG_PORT as a non-root user, creates a user and a database, and
# exports ARTICLE_EXPORTER_TEST_POSTGRES_URL. stop_test_postgres stops it and removes the folder.

CI_PG_PORT=${CI_PG_PORT:-54329}
CI_PG_USER=exporter
CI_PG_PASSWORD=exporter-ci
CI_PG_DB=exporter
CI_PG_DIR=

# The folder holding initdb, pg_ctl and postgres: on PATH, or the newest /usr/lib/postgresql/*/bin.
_ci_pg_bindir() {
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a command as the cluster's owner: the postgres user when we are root (PostgreSQL refuses to run as root).
_ci_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_test_postgres() {
  local bin
  bin=$(_ci_pg_bindir)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "CI: installing PostgreSQL from Debian"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(_ci_pg_bindir)
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "CI: PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
    return 1
  fi

  # A port left busy (another run, a server that was not stopped) must not fail the build: take the next free one.
  while "$bin/pg_isready" -q -h 127.0.0.1 -p "$CI_PG_PORT" >/dev/null 2>&1 \
      || (exec 3<>"/dev/tcp/127.0.0.1/$CI_PG_PORT") 2>/dev/null; do
    CI_PG_PORT=$((CI_PG_PORT + 1))
  done
  CI_PG_DIR=$(mktemp -d /tmp/article-exporter-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$CI_PG_DIR"
  # Local (socket) connections trust the owner, so the setup below needs no password; TCP needs one.
  _ci_pg_as_owner "$bin/initdb" -D "$CI_PG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$CI_PG_DIR/initdb.log" \
    || { cat "$CI_PG_DIR/initdb.log" >&2; return 1; }
  _ci_pg_as_owner "$bin/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $CI_PG_PORT -c unix_socket_directories=$CI_PG_DIR" start >/dev/null \
    || { cat "$CI_PG_DIR/server.log" >&2; return 1; }
  local i
  for i in $(seq 1 30); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$CI_PG_PORT" && break
    sleep 1
  done
  "$bin/pg_isready" -h 127.0.0.1 -p "$CI_PG_PORT" >/dev/null || { cat "$CI_PG_DIR/server.log" >&2; return 1; }

  _ci_pg_as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$CI_PG_DIR" -p "$CI_PG_PORT" -U postgres -d postgres \
    -c "CREATE USER $CI_PG_USER PASSWORD '$CI_PG_PASSWORD'" \
    -c "CREATE DATABASE $CI_PG_DB OWNER $CI_PG_USER" >/dev/null || return 1

  export ARTICLE_EXPORTER_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$CI_PG_PORT/$CI_PG_DB?user=$CI_PG_USER&password=$CI_PG_PASSWORD"
  echo "CI: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$CI_PG_PORT (data in $CI_PG_DIR)"
}

# Runs from an EXIT trap: no errexit here (in a trap, a bare 'return' reports the status that ended the
# script, which under 'set -e' would abort the clean-up and leave the server running).
stop_test_postgres() {
  set +e
  [ -n "$CI_PG_DIR" ] && [ -d "$CI_PG_DIR" ] || return 0
  local bin
  bin=$(_ci_pg_bindir)
  _ci_pg_as_owner "$bin/pg_ctl" -D "$CI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$CI_PG_DIR"
  CI_PG_DIR=
}
