"""Seeds one team through the API, then measures (see bench/one-instance.sh)."""
import base64
import json
import subprocess
import sys
import threading
import time
import urllib.request

app, key, contacts, quotes, work, pid, ready_ms, started_in = sys.argv[1:9]
contacts, quotes = int(contacts), int(quotes)


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(user, roles, teams):
    now = int(time.time())
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "funnel-bench", "sub": user, "preferred_username": user, "groups": roles,
                             "teams": teams, "iat": now, "exp": now + 3600}).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=f"{header}.{claims}".encode(),
                               capture_output=True, check=True).stdout
    return f"{header}.{claims}.{b64(signature)}"


def gql(tok, query, **variables):
    req = urllib.request.Request(f"{app}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=60) as r:
        answer = json.load(r)
    if answer.get("errors"):
        raise RuntimeError(answer)
    return answer["data"]


def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) // 1024


def parallel(n, threads, work_item):
    items = list(range(n))
    lock = threading.Lock()

    def run():
        while True:
            with lock:
                if not items:
                    return
                i = items.pop()
            work_item(i)

    ts = [threading.Thread(target=run) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


rss_idle = rss_mb()
admin = token("root", ["admin"], [])
gql(admin, 'mutation { createTeam(input: {code: "bench", name: "Bench"}) { code } }')
sales = token("sam", ["sales"], ["bench"])
billing = token("erp", ["billing"], ["bench"])
ids = [None] * contacts
t0 = time.time()


def seed(i):
    ids[i] = gql(sales, 'mutation($n: String!) { createContact(input: {displayName: $n, source: QUOTE_REQUEST}) { id } }',
                 n=f"Contact {i:06d}")["createContact"]["id"]
    for direction in ("OUTBOUND", "INBOUND"):
        gql(sales, "mutation($id: ID!, $d: Direction!) { recordInteraction(input: {contactId: $id, channel: EMAIL, direction: $d}) { id } }",
            id=ids[i], d=direction)


parallel(contacts, 8, seed)
quote_ids = [None] * quotes


def seed_quote(i):
    q = gql(sales, """mutation($id: ID!) { createQuote(input: {contactId: $id, currency: "EUR", validUntil: "2999-12-31",
        lines: [{description: "Audit", quantity: 3, unitPrice: 19.99, taxRate: 20}]}) { id } }""", id=ids[i % contacts])
    quote_ids[i] = q["createQuote"]["id"]
    gql(sales, "mutation($id: ID!) { sendQuote(id: $id) { id } }", id=quote_ids[i])


parallel(quotes, 8, seed_quote)
seed_s = time.time() - t0

page = ("{ contacts(filter: {stages: [PROSPECT]}, orderBy: {field: LAST_INTERACTION_AT}, first: 50) { totalCount "
        "edges { node { id displayName stage temperature lastInteractionAt interactions(first: 1) { edges { node { channel occurredAt } } } "
        "quotes(first: 5) { edges { node { id status gross { amount } } } } } } } }")
with open(f"{work}/page.json", "w") as f:
    json.dump({"query": page}, f)
gql(sales, page)
results = {}
peak = [rss_idle]


def sample_rss(stop):
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.2)


stop = threading.Event()
sampler = threading.Thread(target=sample_rss, args=(stop,))
sampler.start()
subprocess.run(["hey", "-z", "5s", "-c", "8", "-m", "POST", "-T", "application/json", "-H", f"Authorization: Bearer {sales}",
                "-D", f"{work}/page.json", f"{app}/graphql"], capture_output=True)  # warm-up
for c in (1, 8, 32):
    out = subprocess.run(["hey", "-z", "15s", "-c", str(c), "-m", "POST", "-T", "application/json",
                          "-H", f"Authorization: Bearer {sales}", "-D", f"{work}/page.json", f"{app}/graphql"],
                         capture_output=True, text=True).stdout
    rps = float(next(l for l in out.splitlines() if "Requests/sec" in l).split()[1])
    p50 = next((l.split()[2] for l in out.splitlines() if l.strip().startswith("50%")), "?")
    p99 = next((l.split()[2] for l in out.splitlines() if l.strip().startswith("99%")), "?")
    non200 = [l.strip() for l in out.splitlines() if l.strip().startswith("[") and not l.strip().startswith("[200]")]
    results[c] = (rps, p50, p99, non200)

t1 = time.time()
parallel(quotes, 8, lambda i: gql(billing, "mutation($q: ID!, $k: String!) { convertQuote(input: {quoteId: $q, idempotencyKey: $k}) { invoice { number } } }",
                                  q=quote_ids[i], k=f"bench-{i}"))
convert_rps = quotes / (time.time() - t1)
stop.set()
sampler.join()

print(f"JVM start to first ready response: {ready_ms} ms (Quarkus: {started_in})")
print(f"seeded {contacts} contacts, {2 * contacts} interactions, {quotes} sent quotes through the API in {seed_s:.1f} s")
print(f"RSS idle after start: {rss_idle} MB; peak under load: {peak[0]} MB")
for c, (rps, p50, p99, non200) in results.items():
    print(f"contacts page (50 prospects + last interaction + quotes), concurrency {c}: {rps:.0f} req/s, p50 {p50}s, p99 {p99}s {non200 or ''}")
print(f"convertQuote, {quotes} distinct quotes of one team, 8 threads (Python client): {convert_rps:.0f} conversions/s")
