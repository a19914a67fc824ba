"""The benchmark of docs/benchmarks.md, run by bench/run.sh (which prepares the cluster and the data).

For each data size it starts the packaged application in production mode against that database and
measures the main screen's latency (C) and start-up (D). At the largest size it also measures, side
by side: A (the main screen over HTTP), A' (pgbench replaying the very SQL the application issued
for it, captured from PostgreSQL's statement log), A'' (PostGraphile serving the equivalent query
from the same database), B (convertQuote on fresh quotes) and B' (pgbench replaying the captured
conversion transaction on other fresh quotes). Then, the JVM stopped, the native executable (when
there is one, NATIVE_RUNNER) at the largest size: D, A and B again. It prints the table and the
ratios and writes them to target/bench/results.md.

E (events), at the largest size, before the JVM instance stops: webhook delivery by the instance to a
local receiver (bench/receiver.js), live (rate, latency from the change to its receipt, the drain
after the last change) and from a backlog (the relay's numbering held back meanwhile); then the
outbox's cost on convertQuote and recordInteraction: this build against the build before events
(BEFORE_APP: on this build's schema without the outbox, and on its own schema) and against itself
with its relay off, four instances started afresh, each on its own copy of the database
(funnel_before_<size>, funnel_beforeall_<size>, funnel_norelay_<size>, made by bench/run.sh), taking
turns, each measurement after a checkpoint, with ratios and the database's work per request. Without BEFORE_APP, recordInteraction is
measured on the instance alone.
"""
import base64
import datetime
import decimal
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

SMOKE = os.environ.get("SMOKE") == "1"
SIZES = [int(s) for s in os.environ["SIZES"].split()]
PG_PORT = int(os.environ["PG_PORT"])
PG_CLUSTER = os.environ["PG_CLUSTER"]
DURATION = int(os.environ.get("DURATION", "1" if SMOKE else "10"))
CONCURRENCY = [1, 8, 32]
JAVA_OPTS = os.environ.get("JAVA_OPTS", "-Xmx512m").split()
NATIVE_RUNNER = os.environ.get("NATIVE_RUNNER", "")  # bench/run.sh names target/*-runner when there is one
NATIVE_OPTS = os.environ.get("NATIVE_OPTS", "-Xmx512m").split()  # the JVM's heap cap, for a like-for-like RSS
BEFORE_APP = os.environ.get("BEFORE_APP", "")  # target/quarkus-app of the build before events (bench/run.sh)
BEFORE_DB = f"funnel_before_{SIZES[-1]}"  # the largest size's data, this build's schema without the outbox
BEFOREALL_DB = f"funnel_beforeall_{SIZES[-1]}"  # the largest size's data, schema as the build before events left it
NORELAY_DB = f"funnel_norelay_{SIZES[-1]}"  # the largest size's data again, for this build with its relay off
EVENTS = int(os.environ.get("EVENTS", "500" if SMOKE else "20000"))  # changes per E delivery phase
F_ONLY = os.environ.get("F_ONLY") == "1"  # F alone, at every size (target/bench/results-funnel.md)
COST_ONLY = os.environ.get("E_COST_ONLY") == "1"  # E's before/after comparison alone (target/bench/results-cost.md)
G_ONLY = os.environ.get("G_ONLY") == "1"  # G (contact import and export) alone (target/bench/results-imports.md)
G_ROWS = [int(n) for n in os.environ.get("G_ROWS", "1000" if SMOKE else "100000 1000000").split()]  # rows per imported file
E_WARMUP = int(os.environ.get("E_WARMUP", "2" if SMOKE else "30"))  # E's warm-up per build and operation: at least this many seconds,
E_WARMUP_MAX = int(os.environ.get("E_WARMUP_MAX", str(E_WARMUP) if SMOKE else "300"))  # at most this many,
E_SETTLED = float(os.environ.get("E_SETTLED", "0.03"))  # and until the JIT's compilers use less than this share of a core
E_ROUNDS = int(os.environ.get("E_ROUNDS", "4"))  # E's rounds of the builds in turn, the order reversed every other
# E's builds with BEFORE_APP: before (the build before events, this schema less the outbox) and after (this build), which the
# target compares, and beforeall (the build before events on its own schema) and norelay (this build, relay off), which explain
E_BUILDS = os.environ.get("E_BUILDS", "before beforeall after norelay").split()
if not {"before", "after"} <= set(E_BUILDS) <= {"before", "beforeall", "after", "norelay"}:
    raise SystemExit(f"E_BUILDS {E_BUILDS}: before and after, and beforeall or norelay or both, or neither")
WORK = "target/bench"
KEY = "dev/dev-signing-key.pem"
APP_PORT, PEER_PORT, RECEIVER_PORT, BEFORE_PORT, NORELAY_PORT, BEFOREALL_PORT = 8290, 8291, 8293, 8294, 8295, 8296
APP, PEER = f"http://127.0.0.1:{APP_PORT}", f"http://127.0.0.1:{PEER_PORT}"
ISSUER = "funnel-bench"
TEAM = "bench-1"
EVENT_TEAM = "bench-2"  # E's webhook endpoint and the changes it is sent: a team the other measurements leave alone
PAGE = 50
LOG = f"/var/log/postgresql/postgresql-15-{PG_CLUSTER}.log"
# fresh rows of the conversion benchmarks get ids and numbers no generated row has (numbers within
# GraphQL's Int), so that the captured conversion can be told apart from everything else in its statements
FRESH_CONTACT, FRESH_QUOTE, FRESH_INVOICE = 3_000_000_000, 1_000_000_000, 2_000_000_000
FRESH_QUOTE_NUMBER, FRESH_INVOICE_NUMBER = 1_200_000_000, 1_500_000_000
FRESH_EVENT_CONTACT = 4_000_000_000  # contacts E's delivery phases create through the API
# the relay's advisory lock on numbering (event/EventRelay.NUMBERING_LOCK, "funnel" in ASCII)
NUMBERING_LOCK = 0x66756e6e656c

MAIN_SCREEN = """query($after: String) {
  contacts(filter: {stages: [PROSPECT]}, orderBy: {field: LAST_INTERACTION_AT}, first: 50, after: $after) {
    totalCount
    edges { node { id displayName stage temperature lastInteractionAt
      interactions(first: 1) { edges { node { channel direction occurredAt } } }
      quotes(statuses: [SENT], first: 5) { edges { node { id number status gross { amount } } } } } }
    pageInfo { hasNextPage endCursor } } }"""
CONVERT = ("mutation($q: ID!, $k: String!) { convertQuote(input: {quoteId: $q, idempotencyKey: $k}) "
           "{ replayed invoice { id number gross { amount } } contact { id stage } } }")
RECORD = ("mutation($c: ID!) { recordInteraction(input: {contactId: $c, channel: EMAIL, direction: INBOUND, "
          "summary: \"Answered the bench\"}) { id occurredAt contact { id stage lastInteractionAt } } }")
CREATE = ("mutation($n: String!) { createContact(input: {team: \"" + EVENT_TEAM + "\", displayName: $n, "
          "inFunnel: false, kind: ORGANIZATION, country: \"FR\", employeeCount: 12}) { id } }")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ tokens, HTTP, SQL

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(user, roles, teams):
    now = int(time.time())
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": ISSUER, "sub": user, "preferred_username": user, "groups": roles,
                             "teams": teams, "iat": now, "exp": now + 7200}).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=f"{header}.{claims}".encode(),
                               capture_output=True, check=True).stdout
    return f"{header}.{claims}.{b64(signature)}"


SALES = token("sam", ["sales"], [TEAM])
BILLING = token("erp", ["billing"], [TEAM])
EVENT_SALES = token("sue", ["sales"], [EVENT_TEAM])
EVENT_MANAGER = token("meg", ["manager"], [EVENT_TEAM])


def post(base, tok, query, variables=None):
    req = urllib.request.Request(f"{base}/graphql", json.dumps({"query": query, "variables": variables or {}}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=120) as r:
        answer = json.load(r)
    if answer.get("errors"):
        raise RuntimeError(json.dumps(answer)[:2000])
    return answer["data"]


def sql(db, statement):
    """Runs SQL as the superuser; returns the rows as lists of strings."""
    out = subprocess.run(["su", "postgres", "-c", f"psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -p {PG_PORT} -d {db}"],
                         input=statement, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return [line.split("|") for line in out.stdout.splitlines() if line]


def gid(kind, n):
    return b64(f"{kind}:{n}".encode())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) // 1024


class PeakRss:
    """Samples a process's RSS every 100 ms while running."""

    def __init__(self, pid):
        self.pid, self.peak, self.stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.1)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


# ------------------------------------------------------------------ load tools

def lua_static(name, body, tok):
    path = f"{WORK}/{name}.lua"
    with open(path, "w") as f:
        f.write(f"""wrk.method = "POST"
wrk.body = {json.dumps(body)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {tok}"
""" + LUA_ERRORS)
    return path


# counts answers that are not 200 or carry GraphQL errors, over all of wrk's threads
LUA_ERRORS = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
bad = 0
first_bad = nil
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    bad = bad + 1
    if first_bad == nil then first_bad = body:sub(1, 300) end
  end
end
function done(summary, latency, requests)
  local total, sample = 0, nil
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
    sample = sample or t:get("first_bad")
  end
  io.write("bad answers: " .. total .. "\\n")
  if sample then io.write("first bad answer: " .. sample .. "\\n") end
end
"""


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, script, connections, duration=DURATION):
    out = subprocess.run(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{duration}s",
                          "--latency", "--timeout", "30s", "-s", script, url], capture_output=True, text=True)
    text = out.stdout + out.stderr
    try:
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
        p50 = ms(re.search(r"\n\s+50%\s+(\S+)", text).group(1))
        p99 = ms(re.search(r"\n\s+99%\s+(\S+)", text).group(1))
        bad = int(re.search(r"bad answers: (\d+)", text).group(1))
        requests = int(re.search(r"(\d+) requests in", text).group(1))
    except AttributeError:
        raise RuntimeError("wrk said:\n" + text)
    if bad or "Non-2xx" in text or "Socket errors" in text:
        raise RuntimeError(f"{bad} bad answers under load:\n{text}")
    return {"rps": rps, "p50": p50, "p99": p99, "requests": requests}


def pgbench(db, script, clients, duration=DURATION, transactions=None):
    limit = ["-t", str(transactions)] if transactions else ["-T", str(duration)]
    out = subprocess.run(["su", "postgres", "-c",
                          f"PGPASSWORD=funnel pgbench -n -M prepared -h 127.0.0.1 -p {PG_PORT} -U funnel "
                          f"-c {clients} -j {min(clients, 2)} {' '.join(limit)} -r -f {os.path.abspath(script)} {db}"],
                         capture_output=True, text=True)
    text = out.stdout + out.stderr
    failed = re.search(r"number of failed transactions: (\d+)", text)
    if out.returncode != 0 or not failed or failed.group(1) != "0":
        raise RuntimeError("pgbench said:\n" + text)
    tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
    latency = float(re.search(r"latency average = ([\d.]+) ms", text).group(1))
    done = int(re.search(r"number of transactions actually processed: (\d+)", text).group(1))
    return {"rps": tps, "avg": latency, "transactions": done}


# ------------------------------------------------------------------ statement capture

def capture(db, action):
    """The statements (with their parameters) the application sends to PostgreSQL while action() runs."""
    sql(db, "ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf();")
    time.sleep(0.5)
    start = os.path.getsize(LOG)
    result = action()
    time.sleep(0.5)
    sql(db, "ALTER SYSTEM RESET log_statement; SELECT pg_reload_conf();")
    with open(LOG, encoding="utf-8", errors="replace") as f:
        f.seek(start)
        text = f.read()
    records = []  # a log record and its continuation lines (which start with a tab)
    for line in text.splitlines():
        if line.startswith("\t") and records:
            records[-1] += " " + line.strip()
        else:
            records.append(line)
    statements = []
    marker = f" funnel@{db} "
    for record in records:
        if marker not in record:
            continue
        head, body = record.split(marker, 1)
        pid = re.search(r"\[(\d+)\]", head).group(1)  # Debian's log_line_prefix: '%m [%p] %q%u@%d '
        m = re.match(r"LOG:\s+(?:execute [^:]+|statement): (.*)", body)
        if m:
            statements.append([m.group(1).strip(), {}, pid])
            continue
        m = re.match(r"DETAIL:\s+parameters: (.*)", body)
        if m and statements:
            statements[-1][1] = {int(n): v for n, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", m.group(1))}
    # the JDBC driver's set-up of a connection the pool opened meanwhile, and its once-per-connection
    # column metadata look-up: not part of a request
    statements = [s for s in without_relay(statements) if not s[0].startswith("SET ") and "pg_catalog." not in s[0]]
    if not statements:
        raise RuntimeError(f"no statement of database {db} in {LOG}")
    return [s[:2] for s in statements], result


# what the event relay's transactions say (event/EventRelay, webhook/WebhookDispatcher): its connections
# see every team, it numbers, fans out, claims, records and measures; none of it is the request's
RELAY_MARKS = ("set_config('funnel.all_teams', 'on'", "event_position", "webhook_delivery", "where position is null",
               "max(position)", "occurred_at < now() - make_interval")


def without_relay(statements):
    """The request's statements alone. Every use of a pooled connection starts with its scoping to the
    caller's teams (security/TeamScope: set_config('role', ...)); the event relay takes connections from the
    same pool beside the request (woken by its commit), with no caller (role 'none'), and the log interleaves
    its statements with the request's. So: per backend, one use of a connection runs from a scoping to the
    next; a use scoped to no caller, or saying what the relay says, is left out, and so is what a backend
    ran before its first scoping within the capture (a use begun before the request)."""
    uses, current, last = [], {}, {}
    for i, (text, params, pid) in enumerate(statements):
        if text.startswith("select set_config('role', "):
            # the driver sends the transaction's BEGIN with the first statement, the scoping
            begin = last.get(pid) if last.get(pid) is not None and statements[last[pid]][0].upper() == "BEGIN" else None
            if begin is not None and pid in current:
                current[pid].remove(begin)
            current[pid] = [i] if begin is None else [begin, i]
            uses.append(current[pid])
        elif pid in current:
            current[pid].append(i)
        last[pid] = i
    keep = set()
    for use in uses:
        texts = [inline(*statements[j][:2]) for j in use]
        if not texts[0].startswith("select set_config('role', 'none'") and not any(m in t for t in texts for m in RELAY_MARKS):
            keep.update(use)
    return [s for i, s in enumerate(statements) if i in keep]


def inline(statement, params, variables=None):
    """The statement with its parameters written in, a parameter whose value is in variables as :name."""
    variables = variables or {}

    def value(m):
        v = params[int(m.group(1))]
        return ":" + variables[v] if v in variables else v

    return re.sub(r"\$(\d+)\b", value, statement)


# ------------------------------------------------------------------ the application and its peer

class Process:
    def __init__(self, name, args, env, url, probe):
        self.name, self.log = name, open(f"{WORK}/{name}.log", "w")
        self.started = time.time()
        self.proc = subprocess.Popen(args, env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            while True:  # until it serves a real request
                if self.proc.poll() is not None or time.time() - self.started > 180:
                    raise RuntimeError(f"{name} did not serve a request; see {WORK}/{name}.log")
                try:
                    probe()
                    break
                except (urllib.error.URLError, ConnectionError):  # not listening or not ready yet
                    time.sleep(0.02)
        except BaseException:
            self.proc.kill()
            raise
        self.ready_ms = (time.time() - self.started) * 1000

    def stop(self):
        self.proc.terminate()
        self.proc.wait(60)
        self.log.close()


def start_app(db, port=APP_PORT, name="funnel", command=None, settings=None):
    public = subprocess.run(f"openssl pkey -in {KEY} -pubout", shell=True, capture_output=True, text=True).stdout
    url = f"http://127.0.0.1:{port}"
    env = {"QUARKUS_HTTP_PORT": str(port),
           "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/{db}",
           "QUARKUS_DATASOURCE_USERNAME": "funnel", "QUARKUS_DATASOURCE_PASSWORD": "funnel",
           "QUARKUS_OIDC_PUBLIC_KEY": "".join(l for l in public.splitlines() if "-----" not in l),
           "QUARKUS_OIDC_TOKEN_ISSUER": ISSUER, "QUARKUS_OIDC_DISCOVERY_ENABLED": "false",
           "QUARKUS_LOG_CONSOLE_JSON_ENABLED": "false",
           "FUNNEL_EVENTS_WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS": "true",  # E's receiver is on this machine
           **(settings or {})}
    command = command or ["java", *JAVA_OPTS, "-jar", "target/quarkus-app/quarkus-run.jar"]
    app = Process(name, command, env, url, lambda: post(url, SALES, MAIN_SCREEN))
    app.url = url
    return app


def start_peer(db):
    public = f"{WORK}/bench-key.pub"
    subprocess.run(f"openssl pkey -in {KEY} -pubout -out {public}", shell=True, check=True)
    env = {"DATABASE_URL": f"postgres://funnel:funnel@127.0.0.1:{PG_PORT}/{db}", "PORT": str(PEER_PORT),
           "JWT_PUBLIC_KEY_FILE": public, "JWT_ISSUER": ISSUER, "NODE_ENV": "production",
           "PG_POOL_MAX": "20"}  # as Funnel's pool
    return Process("postgraphile", ["node", "bench/postgraphile/server.js"], env, PEER,
                   lambda: post(PEER, SALES, PEER_QUERIES["as Funnel orders"]))


def peer_queries():
    """The equivalent query, and a variant ordered by team first (same rows for a one-team token), which
    lets PostgreSQL walk the main-screen index under the row-level security condition instead of sorting
    all the team's prospects."""
    with open("bench/postgraphile/main-screen.graphql") as f:
        query = f.read()
    order = "orderBy: [LAST_INTERACTION_AT_NULLS_LAST_DESC, ID_DESC]"
    if order not in query:
        raise RuntimeError(f"bench/postgraphile/main-screen.graphql no longer orders by {order}")
    return {"as Funnel orders": query,
            "team first": query.replace(order, "orderBy: [TEAM_ID_ASC, LAST_INTERACTION_AT_NULLS_LAST_DESC, ID_DESC]")}


PEER_QUERIES = peer_queries()


# ------------------------------------------------------------------ the measurements

def main_screen_body(after=None):
    return {"query": MAIN_SCREEN, "variables": {"after": after}}


def cursor_of_page(db, page):
    """The cursor after which page `page` of the main screen starts (or the last page, if fewer)."""
    total = int(sql(db, f"SELECT count(*) FROM contact c JOIN team t ON t.id = c.team_id "
                        f"WHERE t.code = '{TEAM}' AND c.stage = 'PROSPECT'")[0][0])
    page = max(1, min(page, (total + PAGE - 1) // PAGE))
    if page == 1:
        return 1, None
    row = sql(db, f"""SELECT c.id, to_char(c.last_interaction_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        FROM contact c JOIN team t ON t.id = c.team_id WHERE t.code = '{TEAM}' AND c.stage = 'PROSPECT'
        ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC OFFSET {(page - 1) * PAGE - 1} LIMIT 1""")[0]
    return page, b64(f"{row[0]}|={row[1]}".encode())


def fresh_quotes(db, count):
    """count new prospects of the team, each with a sent quote of two lines; table bench.fresh lists them."""
    sql(db, f"""
SET funnel.all_teams = 'on';
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.fresh;
CREATE TABLE bench.fresh (n BIGINT PRIMARY KEY, quote_id BIGINT NOT NULL, quote_number BIGINT NOT NULL,
                          contact_id BIGINT NOT NULL);
GRANT USAGE ON SCHEMA bench TO funnel_app, funnel;
GRANT SELECT ON bench.fresh TO funnel_app, funnel;
ALTER TABLE contact ALTER COLUMN id RESTART WITH {FRESH_CONTACT};
ALTER TABLE quote ALTER COLUMN id RESTART WITH {FRESH_QUOTE};
ALTER TABLE invoice ALTER COLUMN id RESTART WITH {FRESH_INVOICE};
INSERT INTO team_counter (team_id, kind, last_value) SELECT id, 'INVOICE', {FRESH_INVOICE_NUMBER} FROM team WHERE code = '{TEAM}'
    ON CONFLICT (team_id, kind) DO UPDATE SET last_value = excluded.last_value;
WITH c AS (
    INSERT INTO contact (team_id, kind, display_name, stage, temperature, source, decision_maker, website_visits,
                         web_form_received, quote_requested, last_interaction_at, unanswered_touches, version, created_at, updated_at)
    SELECT t.id, 'PERSON', 'Fresh ' || g, 'PROSPECT', 'HOT', 'QUOTE_REQUEST', true, 0, false, true, now(), 0, 0, now(), now()
    FROM team t, generate_series(1, {count}) g WHERE t.code = '{TEAM}'
    RETURNING id, team_id),
q AS (
    INSERT INTO quote (team_id, contact_id, number, currency, valid_until, status, net_total, tax_total, gross_total,
                       sent_at, version, created_at, updated_at)
    SELECT c.team_id, c.id, {FRESH_QUOTE_NUMBER} + c.id - {FRESH_CONTACT}, 'EUR', current_date + 30, 'SENT', 119.94, 15.29, 135.23,
           now(), 0, now(), now()
    FROM c RETURNING id, team_id, contact_id, number),
l AS (
    INSERT INTO quote_line (team_id, quote_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
    SELECT q.team_id, q.id, p, CASE WHEN p = 1 THEN 'Books' ELSE 'Pens' END, 3, 19.99, CASE WHEN p = 1 THEN 5.5 ELSE 20 END,
           59.97, CASE WHEN p = 1 THEN 3.30 ELSE 11.99 END, CASE WHEN p = 1 THEN 63.27 ELSE 71.96 END
    FROM q CROSS JOIN generate_series(1, 2) p)
INSERT INTO bench.fresh SELECT row_number() OVER (ORDER BY id), id, number, contact_id FROM q;
ANALYZE contact, quote, quote_line;
""")


def fresh_prospects(db, count):
    """count new prospects of the team for recordInteraction (after fresh_quotes, which sets the ids); bench.prospect lists them."""
    sql(db, f"""
SET funnel.all_teams = 'on';
CREATE TABLE bench.prospect (n BIGINT PRIMARY KEY, contact_id BIGINT NOT NULL);
WITH c AS (
    INSERT INTO contact (team_id, kind, display_name, stage, temperature, source, decision_maker, website_visits,
                         web_form_received, quote_requested, first_touch_direction, last_interaction_at, unanswered_touches,
                         version, created_at, updated_at)
    SELECT t.id, 'PERSON', 'Talking ' || g, 'PROSPECT', 'WARM', 'REFERRAL', true, 0, false, false, 'OUTBOUND', now(), 0, 0, now(), now()
    FROM team t, generate_series(1, {count}) g WHERE t.code = '{TEAM}'
    RETURNING id)
INSERT INTO bench.prospect SELECT row_number() OVER (ORDER BY id), id FROM c;
ANALYZE contact;
""")
    return [gid("Contact", int(c)) for (c,) in sql(db, "SELECT contact_id FROM bench.prospect ORDER BY n")]


def has_table(db, name):
    return sql(db, f"SELECT to_regclass('{name}') IS NOT NULL")[0][0] == "t"


def forget_fresh(db):
    """Removes what the conversion and interaction benchmarks added, and their events, so the database is
    as generated (and vacuumed)."""
    events = has_table(db, "event")  # not in the schema of the build before events
    sql(db, f"""
SET funnel.all_teams = 'on';
{"DELETE FROM event;" if events else ""}
DELETE FROM interaction WHERE contact_id >= {FRESH_CONTACT};
DELETE FROM idempotency_key WHERE invoice_id >= {FRESH_INVOICE};
DELETE FROM invoice_line WHERE invoice_id >= {FRESH_INVOICE};
DELETE FROM invoice WHERE id >= {FRESH_INVOICE};
DELETE FROM quote_line WHERE quote_id >= {FRESH_QUOTE};
DELETE FROM quote WHERE id >= {FRESH_QUOTE};
DELETE FROM stage_change WHERE contact_id >= {FRESH_CONTACT};
DELETE FROM contact WHERE id >= {FRESH_CONTACT};
UPDATE team_counter tc SET last_value = coalesce((SELECT max(number) FROM invoice i WHERE i.team_id = tc.team_id), 0)
    WHERE kind = 'INVOICE';
DROP SCHEMA IF EXISTS bench CASCADE;
-- dead rows left by the conversions would slow the next run's index-only counts (measured: 2x)
VACUUM (ANALYZE) contact, quote, quote_line, invoice, invoice_line, stage_change, idempotency_key, team_counter, interaction
    {", event" if events else ""};
""")


def convert_script(db, statements, fresh):
    """The captured conversion as a pgbench script that converts the next fresh quote each time."""
    if len(set(fresh)) != len(fresh):
        raise RuntimeError(f"the captured conversion's values are not all distinct: {fresh}")
    quote, quote_number, contact, key, invoice, number = (str(v) for v in fresh)
    variables = {f"'{quote}'": "quote_id", f"'{quote_number}'": "quote_number", f"'{contact}'": "contact_id", f"'{key}'": "key",
                 f"'{invoice}'": "invoice_id", f"'{number}'": "counter_last_value"}
    lines = ["SELECT quote_id, quote_number, contact_id, 'replay-' || n AS key FROM bench.fresh "
             "WHERE n = (SELECT nextval('bench.replay')) \\gset"]
    for statement, params in statements:
        text = inline(statement, outbox_params(statement, params), variables)
        if re.match(r"insert into invoice \(", text, re.I):
            lines.append(text + " \\gset invoice_")  # the new invoice's id, as :invoice_id
        elif re.match(r"insert into team_counter ", text, re.I):
            lines.append(text + " \\gset counter_")  # the invoice number, as :counter_last_value
        else:
            lines.append(text + ";")
    # an event's payload is replayed as captured (the same size each time; it names the captured quote)
    leftover = [v for v in (quote, quote_number, contact, invoice, number)
                if any(re.search(rf"\b{v}\b", l) for l in lines[1:] if not l.lower().startswith("insert into event "))]
    if leftover:
        raise RuntimeError(f"captured values not replaced: {leftover}")
    path = f"{WORK}/convert-replay.sql"
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path, len(lines) - 1


def outbox_params(statement, params):
    """The outbox's insert (event/Events: a transaction's events in one statement, each column a text
    array, ids from nextval in the statement itself) made replayable by pgbench: each array is written
    base64-encoded, so that pgbench does not take the ':null' of a JSON payload, or the ':49' of a
    time, for one of its variables."""
    m = re.match(r"insert into event\s*\([^)]*\)\s+select\s.*\sfrom\s+unnest\((.*?)\)\s+with ordinality", statement, re.I | re.S)
    if not m:
        return params
    params = dict(params)
    for n in (int(x) for x in re.findall(r"\$(\d+)::text\[\]", m.group(1))):
        literal = params[n][1:-1].replace("''", "'")  # a quoted SQL literal, '{...}'
        params[n] = f"convert_from(decode('{base64.b64encode(literal.encode()).decode()}', 'base64'), 'UTF8')"
    return params


def explain(db, statements):
    """EXPLAIN ANALYZE of each query the application sent, as the application's role and teams."""
    plans = []
    scope = next(inline(s, p) for s, p in statements if "set_config('role'" in inline(s, p))
    for statement, params in statements:
        text = inline(statement, params)
        lowered = text.lower()
        # queries only (EXPLAIN ANALYZE runs what it explains): a SELECT, or a WITH that writes nothing
        writes = any(w in lowered for w in ("insert ", "update ", "delete "))
        if not (lowered.startswith("select") or (lowered.startswith("with") and not writes)) or "set_config(" in text:
            continue
        rows = sql(db, f"{scope};\nEXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) {text};")
        plans.append((text, "\n".join(r[0] for r in rows[1:])))
    return plans


def start_all(figures):
    """One instance per data size, each started alone (D), all left running for C."""
    apps = {}
    for i, size in enumerate(SIZES):
        log(f"--- {size} contacts: starting Funnel on funnel_{size}")
        name = f"funnel-{size}"
        apps[size] = start_app(f"funnel_{size}", APP_PORT if size == SIZES[-1] else APP_PORT + 3 + i, name)
        figures[size] = start_figures(apps[size])
    return apps


def start_figures(app):
    """D: start to the first served main screen, Quarkus' own "started in", RSS right after."""
    started = re.search(r"started in ([\d.]+)s", open(app.log.name).read())
    return {"ready_ms": app.ready_ms, "rss_idle": rss_mb(app.proc.pid),
            "quarkus_started_s": float(started.group(1)) if started else None}


def measure_latency(apps, figures, rounds=3):
    """C: page 1 at every size and page 1,000 at the largest, concurrency 1, the sizes taking turns
    (a few rounds, the median kept), so that the machine's drift hits every size alike."""
    largest = SIZES[-1]
    db = f"funnel_{largest}"
    page1 = lua_static("page1", json.dumps(main_screen_body()), SALES)
    n, after = cursor_of_page(db, 1000)
    last = post(apps[largest].url, SALES, MAIN_SCREEN, {"after": after})["contacts"]
    if not last["edges"] or (n == 1000 and last["pageInfo"]["hasNextPage"]):
        raise RuntimeError(f"page {n} is not the 1,000th page of 50: {json.dumps(last)[:500]}")
    pageN = lua_static("pageN", json.dumps(main_screen_body(after)), SALES)
    for size, app in apps.items():
        log(f"C: warm-up at {size} contacts")
        wrk(f"{app.url}/graphql", page1, 8, duration=max(2, DURATION // 2))
    runs = {key: [] for key in [*SIZES, "pageN"]}
    for r in range(rounds):
        log(f"C: round {r + 1} of {rounds}")
        for size, app in apps.items():
            runs[size].append(wrk(f"{app.url}/graphql", page1, 1, duration=max(1, DURATION // 2)))
        runs["pageN"].append(wrk(f"{apps[largest].url}/graphql", pageN, 1, duration=max(1, DURATION // 2)))
    median = lambda rs: sorted(rs, key=lambda r: r["p50"])[len(rs) // 2]
    for size in SIZES:
        figures[size]["C_page1"] = median(runs[size])
    figures[largest]["C_page_n"] = n
    figures[largest]["C_pageN"] = median(runs["pageN"])
    statements, _ = capture(db, lambda: post(apps[largest].url, SALES, MAIN_SCREEN, {"after": after}))
    figures[largest]["plans_pageN"] = [p for p in explain(db, statements)
                                       if " order by " in p[0] and "from contact c1_0" in p[0]]
    return page1


# F: the funnel and campaign performance of the team of a quarter of the contacts (docs/funnel.md)
FUNNEL_QUERIES = {
    "funnel by source, last 90 days (created)": ("""query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to,
        groupBy: SOURCE) { total { contacts stages { stage entered { count } advanced { count } lost { count } wentBack { count }
        stillThere { count } nextStepRate cumulativeRate medianDays p90Days } leads { mql accepted rejected acceptanceRate medianHours } }
        groups { key contacts stages { stage entered { count } advanced { count } nextStepRate medianDays } } } }""", 90),
    "funnel by campaign, last 365 days (created)": ("""query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to,
        groupBy: CAMPAIGN) { total { contacts stages { stage entered { count } advanced { count } nextStepRate medianDays } }
        groups { key label contacts stages { stage entered { count } advanced { count } lost { count } nextStepRate } } } }""", 365),
    "funnel by campaign, last 90 days (created)": ("""query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to,
        groupBy: CAMPAIGN) { total { contacts stages { stage entered { count } advanced { count } nextStepRate medianDays } }
        groups { key label contacts stages { stage entered { count } advanced { count } lost { count } nextStepRate } } } }""", 90),
    "funnel by owner, last 90 days (active)": ("""query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to,
        cohort: ACTIVE, groupBy: OWNER) { total { contacts stages { stage entered { count } nextStepRate } }
        groups { key label contacts stages { stage entered { count } advanced { count } } } } }""", 90),
    "campaign performance, last 365 days (first touch)": ("""query($t: String!, $from: Date!, $to: Date!) {
        campaignPerformance(team: $t, from: $from, to: $to, attribution: FIRST_TOUCH) { campaigns { campaign { name }
        reached leads prospects clients revenue { amount currency } cost { amount } costPerClient { amount } roi note }
        channels { channel reached clients roi } } }""", 365),
}


def funnel_body(query, days):
    today = datetime.date.today()
    return {"query": query, "variables": {"t": TEAM, "from": str(today - datetime.timedelta(days=days - 1)), "to": str(today)}}


def measure_funnel(apps, figures, rounds=3):
    """F: each funnel query at every size, concurrency 1, sizes in turn (median of the rounds); the
    answers checked first (the stages add up); at the largest, the plans of its statements."""
    scripts = {}
    for i, (name, (query, days)) in enumerate(FUNNEL_QUERIES.items()):
        body = funnel_body(query, days)
        for size, app in apps.items():
            answer = post(app.url, SALES, body["query"], body["variables"])
            if "funnel" in answer:
                for g in [answer["funnel"]["total"], *answer["funnel"]["groups"]]:
                    for st in g["stages"]:
                        parts = [st[k]["count"] for k in ("entered", "advanced", "lost", "wentBack", "stillThere") if k in st]
                        if len(parts) == 5 and parts[0] != sum(parts[1:]):
                            raise RuntimeError(f"F: {name} at {size}: {st} does not add up")
        scripts[name] = lua_static(f"funnel{i}", json.dumps(body), SALES)
    runs = {(name, size): [] for name in FUNNEL_QUERIES for size in SIZES}
    for r in range(rounds):
        log(f"F: round {r + 1} of {rounds}")
        for name, script in scripts.items():
            for size, app in apps.items():
                runs[(name, size)].append(wrk(f"{app.url}/graphql", script, 1, duration=max(1, DURATION // 2)))
    median = lambda rs: sorted(rs, key=lambda r: r["p50"])[len(rs) // 2]
    for (name, size), rs in runs.items():
        figures[size].setdefault("F", {})[name] = median(rs)
    largest = SIZES[-1]
    db = f"funnel_{largest}"
    plans = []
    for name, (query, days) in list(FUNNEL_QUERIES.items())[:2] + list(FUNNEL_QUERIES.items())[3:]:
        body = funnel_body(query, days)
        statements, _ = capture(db, lambda: post(apps[largest].url, SALES, body["query"], body["variables"]))
        plans += [(name, text, plan) for text, plan in explain(db, statements) if "cohort" in text or "touched" in text]
    figures[largest]["F_plans"] = plans


def funnel_report(figures):
    if "F" not in figures[SIZES[0]]:
        return []
    out = ["| F: funnel and campaign performance, team of a quarter of the contacts, concurrency 1 (median of 3 rounds, "
           "sizes in turn) | " + " | ".join(f"{s:,} contacts" for s in SIZES) + " |", "|---|" + "---|" * len(SIZES)]
    for name in FUNNEL_QUERIES:
        out.append(f"| {name} | " + " | ".join(f"p50 {figures[s]['F'][name]['p50']:.1f} ms, p99 {figures[s]['F'][name]['p99']:.1f} ms"
                                              for s in SIZES) + " |")
    return out


def measure_main_screen(app, page1, figures, what="Funnel"):
    """A, and D's RSS peak meanwhile."""
    with PeakRss(app.proc.pid) as peak:
        for c in CONCURRENCY:
            log(f"A: {what} main screen, concurrency {c}")
            figures[f"A{c}"] = wrk(f"{app.url}/graphql", page1, c)
    figures["rss_load"] = peak.peak


def measure_largest(db, app, page1, figures):
    measure_main_screen(app, page1, figures)
    # A': the statements of one main-screen request, replayed
    statements, _ = capture(db, lambda: post(APP, SALES, MAIN_SCREEN))
    script = f"{WORK}/main-screen-replay.sql"
    with open(script, "w") as f:
        f.write("\n".join(inline(s, p) + ";" for s, p in statements) + "\n")
    figures["A_statements"] = len(statements)
    figures["plans"] = explain(db, statements)
    for c in CONCURRENCY:
        log(f"A': pgbench replay of {len(statements)} statements, concurrency {c}")
        figures[f"Ap{c}"] = pgbench(db, script, c)
    # A'': PostGraphile on the same database
    peer = start_peer(db)
    try:
        ours = funnel_page(post(APP, SALES, MAIN_SCREEN))
        for i, (name, query) in enumerate(PEER_QUERIES.items()):
            theirs = peer_page(post(PEER, SALES, query))
            if theirs != ours:
                raise RuntimeError(f"PostGraphile's query '{name}' answers otherwise than Funnel:\n{theirs}\n{ours}")
            body = lua_static(f"peer{i}", json.dumps({"query": query}), SALES)
            wrk(f"{PEER}/graphql", body, 8, duration=max(2, DURATION // 2))  # warm-up
            for c in CONCURRENCY:
                log(f"A'': PostGraphile ({name}), concurrency {c}")
                figures[f"App{i}_{c}"] = wrk(f"{PEER}/graphql", body, c)
    finally:
        peer.stop()
    measure_conversions(db, figures)


def measure_native(db, page1):
    """D, A and B for the native executable at the largest size, started once the JVM instances stopped."""
    figures = {"path": NATIVE_RUNNER, "bytes": os.path.getsize(NATIVE_RUNNER)}
    log(f"--- native: starting {NATIVE_RUNNER} on {db}")
    app = start_app(db, APP_PORT, "funnel-native", [NATIVE_RUNNER, *NATIVE_OPTS])
    try:
        figures.update(start_figures(app))
        log("A: native warm-up")  # as the JVM's before A (C's warm-up)
        wrk(f"{app.url}/graphql", page1, 8, duration=max(2, DURATION // 2))
        measure_main_screen(app, page1, figures, "native")
        measure_conversions(db, figures, replayed=False, what="native")
    finally:
        app.stop()
    return figures


def tree_bytes(top):
    return sum(os.path.getsize(os.path.join(d, name)) for d, _, names in os.walk(top) for name in names)


def db_id(opaque):
    return int(base64.urlsafe_b64decode(opaque + "==").decode().split(":")[1])


def instant(text):
    return None if text is None else datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def funnel_page(answer):
    """The main screen as comparable values: total, then per contact its id, last interaction, open quotes."""
    page = answer["contacts"]
    return page["totalCount"], [
        (db_id(n["id"]), n["stage"], n["temperature"], instant(n["lastInteractionAt"]),
         [(i["node"]["channel"], i["node"]["direction"], instant(i["node"]["occurredAt"])) for i in n["interactions"]["edges"]],
         [(db_id(q["node"]["id"]), q["node"]["number"], q["node"]["status"], decimal.Decimal(str(q["node"]["gross"]["amount"])))
          for q in n["quotes"]["edges"]])
        for n in (e["node"] for e in page["edges"])]


def peer_page(answer):
    """PostGraphile's answer as funnel_page() writes Funnel's."""
    page = answer["allContacts"]
    return page["totalCount"], [
        (int(n["id"]), n["stage"], n["temperature"], instant(n["lastInteractionAt"]),
         [(i["node"]["channel"], i["node"]["direction"], instant(i["node"]["occurredAt"]))
          for i in n["interactionsByContactId"]["edges"]],
         [(int(q["node"]["id"]), int(q["node"]["number"]), q["node"]["status"], decimal.Decimal(q["node"]["grossTotal"]))
          for q in n["quotesByContactId"]["edges"]])
        for n in (e["node"] for e in page["edges"])]


def measure_conversions(db, figures, replayed=True, what="Funnel"):
    """B (on the instance at APP), and B' when replayed."""
    per_run = 500 * DURATION  # fresh quotes per run: more than any machine converts in that time
    api_runs = [1, 8]
    replay = {1: 60 if SMOKE else 2000, 8: 10 if SMOKE else 400} if replayed else {}
    api_pool = per_run * (len(api_runs) + 1) + 1  # a warm-up, the runs, the captured one
    forget_fresh(db)  # what an interrupted run may have left
    try:
        convert_all(db, per_run, api_runs, replay, api_pool, figures, what)
    finally:
        forget_fresh(db)


def convert_all(db, per_run, api_runs, replay, api_pool, figures, what):
    fresh_quotes(db, api_pool + sum(c * t for c, t in replay.items()) + 10)
    sql(db, f"CREATE SEQUENCE bench.replay START {api_pool + 1}; GRANT USAGE ON SEQUENCE bench.replay TO funnel_app, funnel;")
    rows = sql(db, f"SELECT n, quote_id FROM bench.fresh WHERE n <= {api_pool} ORDER BY n")
    ids = [gid("Quote", int(q)) for _, q in rows]
    with open(f"{WORK}/convert-ids.txt", "w") as f:
        f.write("\n".join(ids[1:]) + "\n")
    # each wrk request converts the next quote of its slice of the list
    log(f"B: {what} convertQuote, warm-up")
    wrk(f"{APP}/graphql", lua_convert(0, per_run, 2), 8, duration=max(2, DURATION // 2))
    if replay:  # the first quote's conversion, captured once the code is warm
        key = "bench-capture"
        statements, answer = capture(db, lambda: post(APP, BILLING, CONVERT, {"q": ids[0], "k": key}))
        inv = answer["convertQuote"]["invoice"]
        invoice_id = int(base64.urlsafe_b64decode(inv["id"] + "==").decode().split(":")[1])
        quote_id, quote_number, contact_id = (int(x) for x in sql(db, "SELECT quote_id, quote_number, contact_id FROM bench.fresh WHERE n = 1")[0])
        script, figures["B_statements"] = convert_script(db, statements, (quote_id, quote_number, contact_id, key, invoice_id,
                                                                         inv["number"]))
    before = count_invoices(db)
    offset = per_run
    for c in api_runs:
        log(f"B: {what} convertQuote, concurrency {c}")
        r = wrk(f"{APP}/graphql", lua_convert(offset, per_run, min(c, 2)), c)  # fails if a thread runs out
        figures[f"B{c}"] = r
        offset += per_run
    made = count_invoices(db) - before
    answered = sum(figures[f"B{c}"]["requests"] for c in api_runs)
    if not answered <= made <= answered + sum(api_runs):  # wrk does not count the answers still on the way at the end
        raise RuntimeError(f"{answered} conversions answered, {made} invoices written")
    for c, t in replay.items():
        log(f"B': pgbench replay of the conversion ({len(statements)} statements), concurrency {c}")
        before = count_invoices(db)
        figures[f"Bp{c}"] = pgbench(db, script, c, transactions=t)
        if count_invoices(db) - before != c * t:
            raise RuntimeError("the replay did not write one invoice per transaction")
    check_conversions(db)


def check_conversions(db):
    check = sql(db, f"""SET funnel.all_teams = 'on';
        SELECT count(*) FILTER (WHERE c.stage <> 'CLIENT'), count(*) FILTER (WHERE (SELECT count(*) FROM invoice_line l WHERE l.invoice_id = i.id) <> 2),
               (SELECT count(*) - count(DISTINCT number) FROM invoice WHERE team_id = i.team_id)
        FROM invoice i JOIN contact c ON c.id = i.contact_id WHERE i.id >= {FRESH_INVOICE} GROUP BY i.team_id""")
    if check not in ([], [["0", "0", "0"]]):  # none when nothing was converted
        raise RuntimeError(f"conversions left contacts not clients, invoices without lines or doubled numbers: {check}")


LUA_THREADS = LUA_ERRORS.replace("function setup(thread) table.insert(threads, thread) end",
                                 "local next_tid = 1\nfunction setup(thread)\n  thread:set(\"tid\", next_tid)\n"
                                 "  thread:set(\"nthreads\", NTHREADS)\n  next_tid = next_tid + 1\n"
                                 "  table.insert(threads, thread)\nend")


def lua_convert(offset, count, threads, ids="convert-ids"):
    """Each request converts the next quote of its thread's slice of WORK/<ids>.txt, from offset on."""
    path = f"{WORK}/{ids}-{offset}.lua"
    with open(path, "w") as f:
        f.write(f"""local ids = {{}}
for line in io.lines("{os.path.abspath(WORK)}/{ids}.txt") do ids[#ids + 1] = line end
local n = 0
local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {BILLING}"}}
local template = {json.dumps(json.dumps({"query": CONVERT, "variables": {"q": "QUOTE", "k": "KEY"}}))}
request = function()
  n = n + 1
  -- each thread its own run of quotes; past its end it repeats its last one, which then fails loudly
  local per_thread = math.floor({count} / nthreads)
  local i = {offset} + (tid - 1) * per_thread + math.min(n, per_thread)
  local body = template:gsub("QUOTE", ids[i]):gsub("KEY", "bench-" .. i)
  return wrk.format("POST", "/graphql", headers, body)
end
""" + LUA_THREADS.replace("NTHREADS", str(threads)))
    return path


def lua_record(ids, threads):
    """Each request records an interaction with the next contact of its thread's share of WORK/<ids>.txt, in turn."""
    path = f"{WORK}/{ids}.lua"
    with open(path, "w") as f:
        f.write(f"""local ids = {{}}
for line in io.lines("{os.path.abspath(WORK)}/{ids}.txt") do ids[#ids + 1] = line end
local n = 0
local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {SALES}"}}
local template = {json.dumps(json.dumps({"query": RECORD, "variables": {"c": "CONTACT"}}))}
request = function()
  n = n + 1
  -- the threads' shares do not overlap: no two requests in flight wait for one contact's row
  local per_thread = math.floor(#ids / nthreads)
  local body = template:gsub("CONTACT", ids[(tid - 1) * per_thread + 1 + n % per_thread])
  return wrk.format("POST", "/graphql", headers, body)
end
""" + LUA_THREADS.replace("NTHREADS", str(threads)))
    return path


def count_invoices(db):
    return int(sql(db, "SET funnel.all_teams = 'on'; SELECT count(*) FROM invoice")[0][0])


# ------------------------------------------------------------------ E: events

ENDPOINT = ("mutation($url: String!) { createWebhookEndpoint(input: {team: \"" + EVENT_TEAM + "\", url: $url, "
            "eventTypes: [CONTACT_CREATED], description: \"bench\"}) { endpoint { id } secret } }")
RECEIVER = f"http://127.0.0.1:{RECEIVER_PORT}"


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def forget_events(db):
    """Removes what E's delivery phases added: the endpoint, its deliveries, the team's events, the contacts."""
    sql(db, f"""
SET funnel.all_teams = 'on';
DELETE FROM event WHERE team_id = (SELECT id FROM team WHERE code = '{EVENT_TEAM}');
DELETE FROM webhook_delivery WHERE team_id = (SELECT id FROM team WHERE code = '{EVENT_TEAM}');
DELETE FROM webhook_endpoint WHERE team_id = (SELECT id FROM team WHERE code = '{EVENT_TEAM}');
DELETE FROM contact WHERE id >= {FRESH_EVENT_CONTACT};
VACUUM (ANALYZE) contact, event, webhook_delivery, webhook_endpoint;
""")


def lua_create(count, threads, done):
    """Creates count contacts (not in the funnel: one contact.created event each) in EVENT_TEAM, count / threads
    per wrk thread, every answer checked. A thread whose share is answered writes <done><tid> and stops; until
    then, once its share is sent, its other connections ask for /q/health/live (no change)."""
    per_thread = count // threads
    path = f"{WORK}/create.lua"
    with open(path, "w") as f:
        f.write(f"""local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {EVENT_SALES}"}}
local template = {json.dumps(json.dumps({"query": CREATE, "variables": {"n": "NAME"}}))}
local issued, answered = 0, 0
request = function()
  -- wrk calls the first thread's request() once before it starts, to check it: that one is never sent
  if issued < {per_thread} + (tid == 1 and 1 or 0) then
    issued = issued + 1
    return wrk.format("POST", "/graphql", headers, template:gsub("NAME", "Event bench " .. tid .. "-" .. issued))
  end
  return wrk.format("GET", "/q/health/live")
end
function created(body)
  if body:find('"createContact"', 1, true) then
    answered = answered + 1
    if answered == {per_thread} then
      io.open("{os.path.abspath(done)}" .. tid, "w"):close()
      wrk.thread:stop()
    end
  end
end
""" + LUA_THREADS.replace("NTHREADS", str(threads)).replace(
            "function response(status, headers, body)\n", "function response(status, headers, body)\n  created(body)\n"))
    return path


def create_contacts(db, count, url=APP):
    """E's changes: count createContact requests at concurrency 8, as fast as the instance answers."""
    done = f"{WORK}/create-done-"
    for t in (1, 2):
        if os.path.exists(f"{done}{t}"):
            os.remove(f"{done}{t}")
    before = int(sql(db, f"SELECT count(*) FROM contact WHERE id >= {FRESH_EVENT_CONTACT}")[0][0])
    started = time.time()
    proc = subprocess.Popen(["wrk", "-t", "2", "-c", "8", "-d", "3600s", "--timeout", "30s", "-s", lua_create(count, 2, done),
                             f"{url}/graphql"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = started + max(120, count / 5)
    while not all(os.path.exists(f"{done}{t}") for t in (1, 2)) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    seconds = time.time() - started
    proc.send_signal(signal.SIGINT)  # wrk stops and reports
    text = proc.communicate(timeout=60)[0]
    made = int(sql(db, f"SELECT count(*) FROM contact WHERE id >= {FRESH_EVENT_CONTACT}")[0][0]) - before
    bad = re.search(r"bad answers: (\d+)", text)
    if not bad or bad.group(1) != "0" or made != count or "Non-2xx" in text:
        raise RuntimeError(f"{made} of {count} contacts created; wrk said:\n{text}")
    return seconds


def await_receipts(db, count):
    """The receiver's receipts once it has count of them (fails when none comes for 60 s, or on a bad one)."""
    seen, progress = -1, time.time()
    while True:
        now = get_json(f"{RECEIVER}/count")
        if now["bad"]:
            raise RuntimeError(f"the receiver refused {now['bad']} requests: {json.dumps(get_json(f'{RECEIVER}/receipts'))[:3000]}")
        if now["receipts"] >= count:
            break
        if now["receipts"] != seen:
            seen, progress = now["receipts"], time.time()
        elif time.time() - progress > 60:
            states = sql(db, "SET funnel.all_teams = 'on'; SELECT status, count(*), max(last_error) FROM webhook_delivery GROUP BY status")
            raise RuntimeError(f"{seen} of {count} events received, none for 60 s; deliveries: {states}")
        time.sleep(0.1)
    time.sleep(0.5)  # anything more (a duplicate) would come now
    answer = get_json(f"{RECEIVER}/receipts")
    receipts = answer["receipts"]
    if answer["bad"] or len(receipts) != count or len({r[2] for r in receipts}) != count:
        raise RuntimeError(f"{len(receipts)} receipts ({len({r[2] for r in receipts})} distinct) for {count} events, "
                           f"{answer['bad']} refused: {answer['samples']}")
    if any(r[4] != "contact.created" for r in receipts):
        raise RuntimeError(f"events of other types received: {[r for r in receipts if r[4] != 'contact.created'][:3]}")
    sequences = sorted(r[3] for r in receipts)
    if sequences != list(range(sequences[0], sequences[0] + count)):
        raise RuntimeError("the team's sequence numbers received are not consecutive")
    # every delivery recorded as delivered (the relay records results on its next cycle)
    for _ in range(100):
        states = dict((s, int(n)) for s, n in sql(db, "SET funnel.all_teams = 'on'; SELECT status, count(*) FROM webhook_delivery GROUP BY status"))
        if set(states) == {"DELIVERED"}:
            break
        time.sleep(0.1)
    else:
        raise RuntimeError(f"deliveries not all recorded as delivered: {states}")
    return receipts


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class NumberingHeld:
    """Holds the relay's numbering lock (a session advisory lock, as another instance's relay would hold it
    for its transaction): committed events wait unnumbered, so nothing is delivered, until released."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        self.proc = subprocess.Popen(["su", "postgres", "-c", f"psql -X -q -p {PG_PORT} -d {self.db}"],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.proc.stdin.write(f"SELECT pg_advisory_lock({NUMBERING_LOCK});\n")
        self.proc.stdin.flush()
        hi, lo = NUMBERING_LOCK >> 32, NUMBERING_LOCK & 0xFFFFFFFF
        for _ in range(300):
            if sql(self.db, f"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {hi} "
                            f"AND objid = {lo} AND objsubid = 1 AND pid <> pg_backend_pid()")[0][0] == "1":
                return self
            time.sleep(0.1)
        raise RuntimeError("could not take the relay's numbering lock")

    def release(self):
        if self.proc.poll() is None:
            self.proc.stdin.write(f"SELECT pg_advisory_unlock({NUMBERING_LOCK});\n\\q\n")
            self.proc.stdin.close()
            self.proc.wait(30)

    def __exit__(self, *exc):
        self.release()


def measure_delivery(app, db, figures):
    """E: events delivered by one instance to a local receiver, live and from a backlog."""
    forget_events(db)  # what an interrupted run may have left
    team = sql(db, f"SELECT id FROM team WHERE code = '{EVENT_TEAM}'")[0][0]
    sql(db, f"ALTER TABLE contact ALTER COLUMN id RESTART WITH {FRESH_EVENT_CONTACT}")
    answer = post(app.url, EVENT_MANAGER, ENDPOINT, {"url": f"{RECEIVER}/funnel-events"})["createWebhookEndpoint"]
    receiver = Process("receiver", ["node", "bench/receiver.js"], {"PORT": str(RECEIVER_PORT), "SECRET": answer["secret"]},
                       RECEIVER, lambda: get_json(f"{RECEIVER}/count"))
    e = figures.setdefault("E", {})
    try:
        log(f"E: {EVENTS:,} changes (createContact), each event delivered as it comes")
        load = os.getloadavg()[0]
        seconds = create_contacts(db, EVENTS, app.url)
        receipts = await_receipts(db, EVENTS)
        at = [r[0] / 1000 for r in receipts]
        occurred = [instant(r[1]).timestamp() for r in receipts]
        latency = [(a - o) * 1000 for a, o in zip(at, occurred)]
        e["live"] = {"events": EVENTS, "create_s": seconds, "changes_per_s": (EVENTS - 1) / (max(occurred) - min(occurred)),
                     "per_s": (EVENTS - 1) / (max(at) - min(at)), "p50_ms": percentile(latency, 50),
                     "p99_ms": percentile(latency, 99), "max_ms": max(latency), "drain_ms": (max(at) - max(occurred)) * 1000,
                     "load": [load, os.getloadavg()[0]]}
        log(f"E: {EVENTS:,} more changes while the relay's numbering is held back, then the backlog delivered")
        load = os.getloadavg()[0]
        with NumberingHeld(db) as held:
            seconds = create_contacts(db, EVENTS, app.url)
            time.sleep(1)
            waiting = int(sql(db, f"SET funnel.all_teams = 'on'; SELECT count(*) FROM event WHERE team_id = {team} AND position IS NULL")[0][0])
            early = get_json(f"{RECEIVER}/count")["receipts"]
            if waiting != EVENTS or early:
                raise RuntimeError(f"with numbering held back, {waiting} events of {EVENTS} waited and {early} were delivered")
            released = time.time()
            held.release()
        receipts = await_receipts(db, EVENTS)
        at = [r[0] / 1000 for r in receipts]
        e["backlog"] = {"events": EVENTS, "create_s": seconds, "per_s": (EVENTS - 1) / (max(at) - min(at)),
                        "first_ms": (min(at) - released) * 1000, "drain_ms": (max(at) - released) * 1000,
                        "load": [load, os.getloadavg()[0]]}
    finally:
        receiver.stop()
        forget_events(db)


def measure_outbox_cost(db, figures, app=None):
    """E: convertQuote and recordInteraction on this build and, with BEFORE_APP, on the build before events
    (on this build's schema without the outbox, and on its own schema) and on this build with its relay
    off (funnel.events.relay=false: events written, never numbered nor sent), each on its own copy of
    the database, all started afresh, warmed up alike, measured in turn, each measurement after a
    checkpoint (so that none pays for writing out the pages another dirtied)."""
    builds, started = {}, []
    dbs = {"before": BEFORE_DB, "beforeall": BEFOREALL_DB, "after": db, "norelay": NORELAY_DB}
    try:
        if BEFORE_APP:
            log(f"--- E: starting {', '.join(E_BUILDS)} (E_BUILDS): the build before events ({BEFORE_APP}) on {BEFORE_DB} "
                f"(before) and {BEFOREALL_DB} (beforeall), this build on {db} (after), and this build with its relay off on "
                f"{NORELAY_DB} (norelay)")
            for name, port in (("before", BEFORE_PORT), ("beforeall", BEFOREALL_PORT)):
                if name in E_BUILDS:
                    builds[name] = start_app(dbs[name], port, f"funnel-{name}",
                                             ["java", *JAVA_OPTS, "-jar", f"{BEFORE_APP}/quarkus-run.jar"])
                    started.append(builds[name])
            builds["after"] = start_app(db, APP_PORT, "funnel-after")
            started.append(builds["after"])
            if "norelay" in E_BUILDS:
                builds["norelay"] = start_app(NORELAY_DB, NORELAY_PORT, "funnel-norelay", settings={"FUNNEL_EVENTS_RELAY": "false"})
                started.append(builds["norelay"])
        else:
            builds["after"] = app
        rounds = E_ROUNDS if BEFORE_APP else 1
        ops = ("B", "R") if BEFORE_APP else ("R",)  # this build's convertQuote alone is B, above
        per_run = 500 * DURATION
        warm_quotes = WARM_RATE * max(E_WARMUP_MAX, E_WARMUP) + WARM_RATE * WARM_CHUNK
        for name in builds:
            forget_fresh(dbs[name])  # what an interrupted run may have left
            fresh_quotes(dbs[name], warm_quotes + per_run * 2 * rounds)
            quotes = [gid("Quote", int(q)) for (q,) in sql(dbs[name], "SELECT quote_id FROM bench.fresh ORDER BY n")]
            with open(f"{WORK}/e-convert-{name}.txt", "w") as f:
                f.write("\n".join(quotes) + "\n")
            with open(f"{WORK}/e-record-{name}.txt", "w") as f:
                f.write("\n".join(fresh_prospects(dbs[name], 200 if SMOKE else 2000)) + "\n")
        # warm until the JIT has settled: on 2 cores its compiler threads still take 60 % of a core
        # after 30 s of each operation, and a figure taken then measures how far each build's
        # compilation has got rather than its requests (docs/benchmarks.md, E)
        warmed = {name: warm_up(name, a, ops) for name, a in builds.items()}
        counts = {name: e_counts(dbs[name]) for name in builds}
        offsets = {name: warm_quotes for name in builds}
        runs = {name: {} for name in builds}
        loads = []
        for r in range(rounds):
            order = list(builds) if r % 2 == 0 else list(reversed(builds))
            for op in ops:
                for c in (1, 8):
                    for name in order:
                        log(f"E: {name}, {'convertQuote' if op == 'B' else 'recordInteraction'}, concurrency {c}, round {r + 1}")
                        loads.append(os.getloadavg()[0])
                        if op == "B":
                            script = lua_convert(offsets[name], per_run, min(c, 2), f"e-convert-{name}")
                            offsets[name] += per_run
                        else:
                            script = lua_record(f"e-record-{name}", min(c, 2))
                        sql(dbs[name], "CHECKPOINT")
                        was, compiling = db_work(dbs[name]), compiler_seconds(builds[name])
                        result = wrk(f"{builds[name].url}/graphql", script, c)
                        result["db"] = [n - m for n, m in zip(db_work(dbs[name]), was)]
                        result["jit"] = (compiler_seconds(builds[name]) - compiling) / DURATION
                        runs[name].setdefault(f"{op}{c}", []).append(result)
        for name in builds:
            made = [n - m for n, m in zip(e_counts(dbs[name]), counts[name])]
            for i, op in enumerate(("B", "R")):
                answered = sum(r["requests"] for c in (1, 8) for r in runs[name].get(f"{op}{c}", []))
                if not answered <= made[i] <= answered + 9 * rounds:  # wrk leaves answers on the way uncounted
                    raise RuntimeError(f"{name}: {answered} {op} requests answered, {made[i]} rows written")
            check_conversions(dbs[name])
        figures["E_cost"] = {"runs": runs, "rounds": rounds, "load": [min(loads), max(loads)], "warmed": warmed}
    finally:
        for a in started:
            a.stop()
        for name in builds:
            forget_fresh(dbs[name])


WARM_CHUNK = 2 if SMOKE else 10  # seconds of each operation between two readings of the compilers' time
WARM_RATE = 300  # quotes set aside per second of warm-up, above any conversion rate seen here


def compiler_seconds(app):
    """CPU seconds the JVM's JIT compiler threads ("C1 CompilerThread0"...) have used so far."""
    used = 0.0
    for task in os.listdir(f"/proc/{app.proc.pid}/task"):
        try:
            with open(f"/proc/{app.proc.pid}/task/{task}/comm") as f:
                if "CompilerThre" not in f.read():
                    continue
            with open(f"/proc/{app.proc.pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            used += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except FileNotFoundError:  # a compiler thread ended meanwhile
            pass
    return used


def warm_up(name, app, ops):
    """Runs each operation at concurrency 8 in turns of WARM_CHUNK seconds, for at least E_WARMUP
    seconds each, until the JIT's compiler threads used less than E_SETTLED of a core over a turn
    (or E_WARMUP_MAX seconds). Returns the seconds per operation and that last share."""
    done = 0
    while True:
        was = compiler_seconds(app)
        if "B" in ops:
            wrk(f"{app.url}/graphql", lua_convert(done * WARM_RATE, WARM_RATE * WARM_CHUNK, 2, f"e-convert-{name}"), 8,
                duration=WARM_CHUNK)
        wrk(f"{app.url}/graphql", lua_record(f"e-record-{name}", 2), 8, duration=WARM_CHUNK)
        done += WARM_CHUNK
        share = (compiler_seconds(app) - was) / (WARM_CHUNK * len(ops))
        if done >= E_WARMUP and (share < E_SETTLED or done >= E_WARMUP_MAX):
            log(f"E: {name} warmed up, {done} s per operation, the JIT's compilers at {share:.1%} of a core")
            return [done, share]


def db_work(db):
    """What the database has done so far: the database's commits and rows written (its statistics, which
    backends report within a second), and the cluster's WAL in bytes (the other databases idle meanwhile)."""
    return [int(v) for v in sql(db, f"""SELECT xact_commit, tup_inserted + tup_updated + tup_deleted,
        pg_current_wal_lsn() - '0/0' FROM pg_stat_database WHERE datname = current_database()""")[0]]


def e_counts(db):
    """Invoices of the fresh quotes, and interactions of the fresh prospects, so far."""
    return [int(v) for v in sql(db, f"""SET funnel.all_teams = 'on';
        SELECT (SELECT count(*) FROM invoice WHERE id >= {FRESH_INVOICE}),
               (SELECT count(*) FROM interaction WHERE contact_id IN (SELECT contact_id FROM bench.prospect))""")[0]]


# ------------------------------------------------------------------ the report

def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    pg = sql(f"funnel_{SIZES[0]}", "SHOW server_version")[0][0]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB; {java}; PostgreSQL {pg}; Node {node}"


def ratio(a, b):
    return a / b if b else float("nan")


def native_report(f):
    """D for the native executable beside the JVM's (at the largest size), with ratios."""
    n = f.get("native")
    if not n:
        return ["No native executable (target/*-runner, or NATIVE_RUNNER): no native figures."]
    http = lambda r: f"{r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms"
    row = lambda name, jvm, native, r: f"| {name} | {jvm} | {native} | {r:.2f} |"
    mib = lambda b: f"{b / 2**20:.0f} MiB"
    return ["| D: JVM and native, one after the other | JVM | native | native/JVM |", "|---|---|---|---|",
            row("start to first served main screen", f"{f['ready_ms']:.0f} ms", f"{n['ready_ms']:.0f} ms",
                ratio(n["ready_ms"], f["ready_ms"])),
            f"| Quarkus \"started in\" | {f['quarkus_started_s']} s | {n['quarkus_started_s']} s | |",
            row("RSS idle after start", f"{f['rss_idle']} MB", f"{n['rss_idle']} MB", ratio(n["rss_idle"], f["rss_idle"])),
            row("RSS peak under load (A, concurrency 1–32)", f"{f['rss_load']} MB", f"{n['rss_load']} MB",
                ratio(n["rss_load"], f["rss_load"])),
            *(row(f"A: main screen, concurrency {c}", http(f[f"A{c}"]), http(n[f"A{c}"]), ratio(n[f"A{c}"]["rps"], f[f"A{c}"]["rps"]))
              for c in CONCURRENCY),
            *(row(f"B: convertQuote, concurrency {c}", http(f[f"B{c}"]), http(n[f"B{c}"]), ratio(n[f"B{c}"]["rps"], f[f"B{c}"]["rps"]))
              for c in (1, 8)),
            f"| size | {mib(tree_bytes('target/quarkus-app'))} (target/quarkus-app) and a JDK | {mib(n['bytes'])} | |", "",
            f"Native executable: {n['path']} ({n['bytes']:,} bytes), options {' '.join(NATIVE_OPTS) or 'none'}, "
            "started after the JVM instances had stopped; the JVM's column repeats its A, B and D figures above. "
            "Ratios are req/s for A and B."]


def events_report(f):
    """E: webhook delivery, and the outbox's cost against the build before events (or this build alone)."""
    out = []
    e = f.get("E")
    if e:
        live, backlog = e["live"], e["backlog"]
        load = lambda x: f"{x['load'][0]:.1f}–{x['load'][1]:.1f}"
        out += [f"| E: webhook delivery by one instance to a local receiver, {live['events']:,} events a phase | live | from a backlog |",
                "|---|---|---|",
                f"| changes (createContact, concurrency 8, one contact.created each) | {live['changes_per_s']:.0f}/s, "
                f"{live['create_s']:.1f} s | {backlog['events'] / backlog['create_s']:.0f}/s, {backlog['create_s']:.1f} s, "
                "numbering held back meanwhile |",
                f"| **events delivered per second** (first to last receipt) | **{live['per_s']:.0f}** | **{backlog['per_s']:.0f}** |",
                f"| **change to receipt** (occurredAt to receipt) p50, p99, max | **{live['p50_ms']:.0f} ms, {live['p99_ms']:.0f} ms**, "
                f"{live['max_ms']:.0f} ms | |",
                f"| drain | last receipt {live['drain_ms']:.0f} ms after the last change | last receipt {backlog['drain_ms']:.0f} ms "
                f"after the release (first {backlog['first_ms']:.0f} ms after) |",
                f"| 1-minute load average, start and end | {load(live)} | {load(backlog)} |", "",
                "Every event was received once, signature checked, its delivery recorded DELIVERED; the team's sequence "
                "numbers received were consecutive.", ""]
    cost = f.get("E_cost")
    if not cost:
        return out
    runs, rounds = cost["runs"], cost["rounds"]
    mean = lambda rs, k: sum(r[k] for r in rs) / len(rs)
    cell = lambda rs: f"{mean(rs, 'rps'):.0f} req/s, p50 {mean(rs, 'p50'):.1f} ms, p99 {mean(rs, 'p99'):.1f} ms"
    names = {"B": "convertQuote", "R": "recordInteraction"}
    if "before" in runs:
        # the ratio of the means, then the median of the rounds' own ratios (each round's figures are
        # seconds apart), then each round's
        def versus(a, b):
            each = [ratio(x["rps"], y["rps"]) for x, y in zip(a, b)]
            return (f"**{ratio(mean(a, 'rps'), mean(b, 'rps')):.2f}**, {statistics.median(each):.2f} ("
                    + ", ".join(f"{e:.2f}" for e in each) + ")")
        titles = {"before": "before events, this schema without the outbox", "beforeall": "before events, its own schema",
                  "after": "this build", "norelay": "this build, relay off"}
        kinds = [k for k in titles if k in runs]
        extra = [(k, t) for k, t in (("beforeall", "this/before, its own schema"), ("norelay", "relay off/before")) if k in runs]
        out += [f"| E: the outbox's cost, {rounds} rounds in turn (means) | " + " | ".join(titles[k] for k in kinds)
                + " | **this/before** (target ≥ 0.9): of the means, median of the rounds (each round) | "
                + "".join(f"{t} | " for _, t in extra),
                "|---|" + "---|" * (len(kinds) + 1 + len(extra))]
        for op in ("B", "R"):
            for c in (1, 8):
                r = {k: runs[k][f"{op}{c}"] for k in kinds}
                vs = [versus(r["after"], r["beforeall"]) if k == "beforeall" else versus(r["norelay"], r["before"]) for k, _ in extra]
                out.append(f"| {names[op]}, concurrency {c} | " + " | ".join(cell(r[k]) for k in kinds)
                           + f" | {versus(r['after'], r['before'])} | " + "".join(f"{v} | " for v in vs))
        per = lambda rs, i: sum(r["db"][i] for r in rs) / sum(r["requests"] for r in rs)
        out += ["", "| E: database work per request, all rounds and both concurrencies (the database's statistics) | "
                + " | ".join(titles[k].replace(" without the outbox", "") for k in kinds) + " |",
                "|---|" + "---|" * len(kinds)]
        for op in ("B", "R"):
            rs = {k: runs[k][f"{op}1"] + runs[k][f"{op}8"] for k in kinds}
            out.append(f"| {names[op]}: commits, rows written, WAL | " + " | ".join(
                f"{per(rs[k], 0):.1f}, {per(rs[k], 1):.1f}, {per(rs[k], 2) / 1024:.1f} KiB" for k in kinds) + " |")
        copies = {"before": f"{BEFORE_DB}: the same data and this build's schema without the outbox, bench/without-events.sql",
                  "beforeall": f"{BEFOREALL_DB}: the schema the build before events left, bench/before-events.sql",
                  "norelay": f"{NORELAY_DB}: this build's"}
        count = {2: "two", 3: "three", 4: "four"}[len(kinds)]
        out += ["", f"The {count} ({', '.join(kinds)}; E_BUILDS) started afresh side by side, each on its own copy of the "
                    f"{SIZES[-1]:,}-contact database (" + "; ".join(copies[k] for k in kinds if k in copies)
                    + f"), warmed up alike, then measured in turn, the {count} figures of a row seconds apart, each after a "
                    "CHECKPOINT, the order reversed every other round."
                    + (" \"Relay off\": this build with funnel.events.relay=false, writing its events in each change's "
                       "transaction but never numbering them." if "norelay" in kinds else "")
                    + f" 1-minute load average {cost['load'][0]:.1f}–{cost['load'][1]:.1f}.", "", warm_note(cost)]
    else:
        out += ["| E: this build alone (no BEFORE_APP) | concurrency 1 | concurrency 8 |", "|---|---|---|",
                "| recordInteraction | " + " | ".join(cell(runs["after"][f"R{c}"]) for c in (1, 8)) + " |",
                "", "No BEFORE_APP (the build before events): the before/after comparison was skipped.", "", warm_note(cost)]
    return out


def warm_note(cost):
    """How long each build of E's comparison was warmed up, and how busy its JIT still was when measured."""
    jit = [r["jit"] for rs in cost["runs"].values() for ms in rs.values() for r in ms]
    return (f"Warm-up: each operation at concurrency 8, until the JIT's compiler threads used less than {E_SETTLED:.0%} of a "
            f"core over {WARM_CHUNK} s of each (at least {E_WARMUP} s, at most {E_WARMUP_MAX} s): "
            + ", ".join(f"{name} {s} s ({share:.1%})" for name, (s, share) in cost["warmed"].items())
            + f". During the measurements they used {min(jit):.1%}–{max(jit):.1%} of a core.")


def report(figures):
    largest, smallest = SIZES[-1], SIZES[0]
    f = figures[largest]
    http = lambda r: f"{r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms"
    replay = lambda r: f"{r['rps']:.0f} tx/s, avg {r['avg']:.2f} ms"
    out = [f"# Funnel benchmark, {time.strftime('%Y-%m-%d %H:%M')}{' (smoke)' if SMOKE else ''}", "",
           f"Machine: {machine()}.", f"JVM options: {' '.join(JAVA_OPTS)}; {DURATION} s per measurement.",
           f"Data sizes (contacts): {', '.join(f'{s:,}' for s in SIZES)}; A, B and D at {largest:,}.", "",
           "| | concurrency 1 | concurrency 8 | concurrency 32 |", "|---|---|---|---|",
           "| A: Funnel, main screen | " + " | ".join(http(f[f"A{c}"]) for c in CONCURRENCY) + " |",
           f"| A′: pgbench, its {f['A_statements']} statements | " + " | ".join(replay(f[f"Ap{c}"]) for c in CONCURRENCY) + " |",
           *(f"| A″: PostGraphile, {name} | " + " | ".join(http(f[f"App{i}_{c}"]) for c in CONCURRENCY) + " |"
             for i, name in enumerate(PEER_QUERIES)),
           "| **A/A′** (target ≥ 0.5) | " + " | ".join(f"{ratio(f[f'A{c}']['rps'], f[f'Ap{c}']['rps']):.2f}" for c in CONCURRENCY) + " |",
           *(f"| **A/A″**, PostGraphile {name} (target ≥ 3) | "
             + " | ".join(f"{ratio(f[f'A{c}']['rps'], f[f'App{i}_{c}']['rps']):.2f}" for c in CONCURRENCY) + " |"
             for i, name in enumerate(PEER_QUERIES)),
           "", "| | concurrency 1 | concurrency 8 |", "|---|---|---|",
           "| B: Funnel, convertQuote | " + " | ".join(http(f[f"B{c}"]) for c in (1, 8)) + " |",
           f"| B′: pgbench, its {f['B_statements']} statements | " + " | ".join(replay(f[f"Bp{c}"]) for c in (1, 8)) + " |",
           "| **B/B′** (target ≥ 0.3) | " + " | ".join(f"{ratio(f[f'B{c}']['rps'], f[f'Bp{c}']['rps']):.2f}" for c in (1, 8)) + " |",
           "", "| C: main screen, concurrency 1 (median of 3 rounds, sizes in turn) | p50 | p99 | req/s |",
           "|---|---|---|---|"]
    for size in SIZES:
        r = figures[size]["C_page1"]
        out.append(f"| {size:,} contacts, page 1 | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['rps']:.0f} |")
    r = f["C_pageN"]
    out.append(f"| {largest:,} contacts, page {f['C_page_n']:,} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['rps']:.0f} |")
    growth = ratio(f["C_page1"]["p50"], figures[smallest]["C_page1"]["p50"])
    deep = ratio(f["C_pageN"]["p50"], f["C_page1"]["p50"])
    out += ["", f"**C**: p50 at {largest:,} / at {smallest:,} contacts = {growth:.2f} (target ≤ 2); "
                f"page {f['C_page_n']:,} / page 1 = {deep:.2f}.", "",
            "| D: start and memory | " + " | ".join(f"{s:,} contacts" for s in SIZES) + " |",
            "|---|" + "---|" * len(SIZES),
            "| JVM start to first served main screen | " + " | ".join(f"{figures[s]['ready_ms']:.0f} ms" for s in SIZES) + " |",
            "| Quarkus \"started in\" | " + " | ".join(f"{figures[s]['quarkus_started_s']} s" for s in SIZES) + " |",
            "| RSS idle after start | " + " | ".join(f"{figures[s]['rss_idle']} MB" for s in SIZES) + " |",
            f"| RSS peak under load (A, concurrency 1–32) | {f['rss_load']} MB |" + " |" * (len(SIZES) - 1), "",
            *native_report(f), "",
            *events_report(f), "",
            *funnel_report(figures), "",
            "PostGraphile's answers were checked first: the same total, contacts, order, last interactions and open quotes as Funnel's.", "",
            f"## Plans at {largest:,} contacts", "",
            "EXPLAIN ANALYZE of the queries of one main screen (as the application's role, with its teams), then of "
            f"the contacts query of page {f['C_page_n']:,}."]
    for text, plan in f["plans"] + f["plans_pageN"]:
        shown = text if len(text) <= 300 else text[:300] + " …"
        out += ["", "```sql", shown, "```", "```", plan, "```"]
    if f.get("F_plans"):
        out += ["", f"EXPLAIN ANALYZE of the statements of F at {largest:,} contacts."]
    for name, text, plan in f.get("F_plans", []):
        shown = text if len(text) <= 300 else text[:300] + " …"
        out += ["", f"{name}:", "", "```sql", shown, "```", "```", plan, "```"]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ G: contact import and export

def import_file(rows):
    """A CSV file of new contacts as a CRM exports them: accents, a quoted comma, a quoted line break."""
    path = f"{WORK}/import-{rows}.csv"
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("externalId,displayName,email,phone,country,sector,employeeCount,source,offerKnowledge\r\n")
            for i in range(rows):
                note = '"Vu au salon, stand B\r\nà rappeler"' if i % 10 == 0 else "Aucune"
                f.write(f"crm-{i},Clément Lefèvre {i},c{i}@example.com,+33 1 23 45 {i % 100:02d} {i % 97:02d},FR,"
                        f"Bâtiment,{i % 500},{'WEB_FORM' if i % 7 == 0 else 'REFERRAL'},{note}\r\n")
    return path


def measure_imports(db, figures):
    """Each file uploaded, imported for real (upsert on externalId) and exported again, into a team of its own."""
    app = start_app(db, settings={"FUNNEL_IMPORTS_MAX_FILE_SIZE": "1G"})
    admin = token("root", ["admin"], [])
    try:
        for rows in G_ROWS:
            path = import_file(rows)
            team = f"imp-{rows}-{int(time.time())}"
            post(APP, admin, "mutation($i: CreateTeamInput!) { createTeam(input: $i) { code } }",
                 {"i": {"code": team, "name": f"Import {rows}"}})
            tok = token("ivy", ["sales"], [team])
            rss_before = rss_mb(app.proc.pid)
            with PeakRss(app.proc.pid) as sampled:
                started = time.time()
                with open(path, "rb") as body:
                    req = urllib.request.Request(f"{APP}/imports/contacts?team={team}&fileName=import.csv", body,
                                                 {"Content-Type": "text/csv", "Authorization": "Bearer " + tok,
                                                  "Content-Length": str(os.path.getsize(path))})
                    with urllib.request.urlopen(req, timeout=3600) as r:
                        job = json.load(r)
                uploaded = time.time()
                post(APP, tok, "mutation($i: StartContactImportInput!) { startContactImport(input: $i) { id } }",
                     {"i": {"job": job["id"], "upsertKey": "EXTERNAL_ID"}})
                while True:
                    state = post(APP, tok, "query($id: ID!) { importJob(id: $id) { status rowsDone created failed } }",
                                 {"id": job["id"]})["importJob"]
                    if state["status"] != "RUNNING":
                        break
                    time.sleep(0.5)
                imported = time.time()
            peak_import = sampled.peak
            if state["status"] != "COMPLETED" or state["created"] != rows:
                raise RuntimeError(f"G: import of {rows} rows ended {state}")
            with PeakRss(app.proc.pid) as sampled:
                exported_rows = -1  # the header
                export_start = time.time()
                req = urllib.request.Request(f"{APP}/exports/contacts.csv?team={team}", headers={"Authorization": "Bearer " + tok})
                with urllib.request.urlopen(req, timeout=3600) as r:
                    for _ in r:
                        exported_rows += 1
                exported = time.time()
            peak_export = sampled.peak
            # a quoted line break makes one contact two lines of the file
            exported_contacts = exported_rows - rows // 10 - (1 if rows % 10 else 0)
            figures[rows] = {"bytes": os.path.getsize(path), "upload_s": uploaded - started, "import_s": imported - uploaded,
                             "rss_before_mb": rss_before, "peak_import_mb": peak_import, "export_s": exported - export_start,
                             "exported": exported_contacts, "peak_export_mb": peak_export}
            log(f"bench G {rows}: {figures[rows]}")
    finally:
        app.stop()


def imports_report(figures):
    lines = [f"## G. Contact import and export ({machine()})", "",
             "| rows | file | upload | import | rows/s (upload + import) | export | export rows/s | RSS before | peak RSS import | peak RSS export |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for rows, f in sorted(figures.items()):
        total = f["upload_s"] + f["import_s"]
        lines.append(f"| {rows:,} | {f['bytes'] / 1e6:.0f} MB | {f['upload_s']:.1f} s | {f['import_s']:.1f} s | {rows / total:,.0f} "
                     f"| {f['export_s']:.1f} s | {f['exported'] / f['export_s']:,.0f} | {f['rss_before_mb']} MB "
                     f"| {f['peak_import_mb']} MB | {f['peak_export_mb']} MB |")
    return lines


def main():
    figures = {}
    if G_ONLY:
        measure_imports(f"funnel_{SIZES[0]}", figures)
        text = "\n".join(imports_report(figures)) + "\n"
        with open(f"{WORK}/results-imports.md", "w") as f:
            f.write(text)
        print(text)
        return
    if F_ONLY:
        apps = start_all(figures)
        try:
            measure_funnel(apps, figures)
        finally:
            for app in apps.values():
                app.stop()
        text = "\n".join(funnel_report(figures)) + "\n"
        for name, sql_text, plan in figures[SIZES[-1]].get("F_plans", []):
            text += f"\n{name}:\n\n```sql\n{sql_text[:300]}\n```\n```\n{plan}\n```\n"
        with open(f"{WORK}/results-funnel.md", "w") as f:
            f.write(text)
        print(text)
        return
    if COST_ONLY:
        if not BEFORE_APP:
            raise SystemExit("bench: E_COST_ONLY needs BEFORE_APP (the build before events)")
        figures[SIZES[-1]] = {}
        measure_outbox_cost(f"funnel_{SIZES[-1]}", figures[SIZES[-1]])
        text = "\n".join(events_report(figures[SIZES[-1]])) + "\n"
        with open(f"{WORK}/results-cost.md", "w") as f:
            f.write(text)
        print(text)
        return
    apps = start_all(figures)
    try:
        page1 = measure_latency(apps, figures)
        measure_funnel(apps, figures)
        for size in SIZES[:-1]:
            apps.pop(size).stop()
        db = f"funnel_{SIZES[-1]}"
        measure_largest(db, apps[SIZES[-1]], page1, figures[SIZES[-1]])
        measure_delivery(apps[SIZES[-1]], db, figures[SIZES[-1]])
        if not BEFORE_APP:
            log("bench: no BEFORE_APP (the build before events): E's before/after comparison skipped, "
                "recordInteraction measured on this build alone")
            measure_outbox_cost(db, figures[SIZES[-1]], apps[SIZES[-1]])
    finally:
        for app in apps.values():
            app.stop()
    if BEFORE_APP:  # both builds started afresh, once the other instances have stopped
        measure_outbox_cost(f"funnel_{SIZES[-1]}", figures[SIZES[-1]])
    if NATIVE_RUNNER:
        figures[SIZES[-1]]["native"] = measure_native(f"funnel_{SIZES[-1]}", page1)
    else:
        log("bench: no native executable (target/*-runner, or NATIVE_RUNNER): native figures skipped")
    imports = {}
    measure_imports(f"funnel_{SIZES[0]}", imports)
    text = report(figures) + "\n" + "\n".join(imports_report(imports)) + "\n"
    with open(f"{WORK}/results.md", "w") as f:
        f.write(text)
    with open(f"{WORK}/results.json", "w") as f:
        json.dump({**figures, "G": imports}, f, indent=1)
    print(text)


if __name__ == "__main__":
    main()
