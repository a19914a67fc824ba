"""Webhook fault checks of scripts/keycloak-e2e.sh, against packaged Funnel instances, with a real
receiver (an HTTP server in this process on 127.0.0.1) that checks every signature (HMAC-SHA256
over id.timestamp.body, Standard Webhooks) and counts each webhook-id.

  webhook_faults.py <issuer> <app> <app2> burst
      1,000 changes through two instances at once: each event delivered exactly once.
  webhook_faults.py <issuer> <app> <app2> db-restart <cluster>
      PostgreSQL restarted (pg_ctlcluster 15 <cluster> restart) while changes are made: every
      change that was answered is delivered.
  webhook_faults.py <issuer> <app> - kill <ready-file>
      the receiver holds the first attempt; this script writes <ready-file> and the caller kills
      the instance (SIGKILL) and starts it again: the event is delivered after the restart.

The instances run with a claim lease of a few seconds (keycloak-e2e.sh), so that an attempt
claimed by a killed instance is taken over quickly."""
import base64
import hashlib
import hmac
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

issuer, first, second, phase = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
passed, failed = 0, 0


def check(what, ok, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok else f" {detail}"), flush=True)


def token(form):
    with urllib.request.urlopen(f"{issuer}/protocol/openid-connect/token", urllib.parse.urlencode(form).encode()) as r:
        return json.load(r)["access_token"]


def gql(app, tok, query, **variables):
    req = urllib.request.Request(f"{app}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def password(user):
    return token({"grant_type": "password", "client_id": "funnel-web", "username": user, "password": user})


class Receiver:
    """Keeps the 2xx deliveries by webhook-id; hold(id) makes the first attempt of the next event wait."""

    def __init__(self):
        self.secret = None
        self.lock = threading.Lock()
        self.delivered = {}  # webhook-id -> [body, ...] answered 2xx
        self.attempts = []  # every request: (webhook-id, status)
        self.bad_signatures = 0
        self.holding = threading.Event()
        self.hold_first = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0))).decode()
                wid, ts, sig = self.headers.get("webhook-id"), self.headers.get("webhook-timestamp"), self.headers.get("webhook-signature")
                key = base64.b64decode(receiver.secret[len("whsec_"):])
                expected = "v1," + base64.b64encode(hmac.new(key, f"{wid}.{ts}.{body}".encode(), hashlib.sha256).digest()).decode()
                signed = any(hmac.compare_digest(expected, s) for s in (sig or "").split(" "))
                with receiver.lock:
                    hold = receiver.hold_first and not receiver.holding.is_set()
                    if hold:
                        receiver.holding.set()
                if hold:
                    time.sleep(60)  # the instance is killed meanwhile: this answer never reaches it
                    return
                status = 204 if signed else 400
                with receiver.lock:
                    receiver.attempts.append((wid, status))
                    if signed:
                        receiver.delivered.setdefault(wid, []).append(json.loads(body))
                    else:
                        receiver.bad_signatures += 1
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def subjects(self):
        with self.lock:
            return {b["data"]["contact"]["id"] for bodies in self.delivered.values() for b in bodies}


carol = password("carol")  # manager of red and blue
alice = password("alice")  # sales in red
receiver = Receiver()
endpoint = gql(first, carol, """mutation($url: String!) { createWebhookEndpoint(input: {team: "red", url: $url,
    eventTypes: [CONTACT_CREATED], description: "webhook fault checks"}) { endpoint { id } secret } }""", url=receiver.url)
receiver.secret = endpoint["data"]["createWebhookEndpoint"]["secret"]
endpoint_id = endpoint["data"]["createWebhookEndpoint"]["endpoint"]["id"]


def create(app, name):
    """A contact outside the funnel: one event, contact.created. Its id, or None when the call failed."""
    try:
        r = gql(app, alice, 'mutation($n: String!) { createContact(input: {team: "red", displayName: $n, inFunnel: false}) { id } }', n=name)
        return (r.get("data") or {}).get("createContact", {}).get("id") if r.get("data") else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def wait_for(done, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if done():
            return True
        time.sleep(0.2)
    return done()


try:
    if phase == "burst":
        started = time.time()
        with ThreadPoolExecutor(8) as pool:
            ids = list(pool.map(lambda i: create(first if i % 2 == 0 else second, f"Burst {i}"), range(1000)))
        made = time.time() - started
        check("1,000 changes through two instances", all(ids), f"{sum(1 for i in ids if not i)} failed")
        wanted = set(i for i in ids if i)
        complete = wait_for(lambda: wanted <= receiver.subjects(), 120)
        delivered_at = time.time() - started
        time.sleep(3)  # anything sent twice would arrive by now
        with receiver.lock:
            twice = [w for w, bodies in receiver.delivered.items() if len(bodies) > 1]
            attempts = len(receiver.attempts)
        check(f"every event delivered ({len(receiver.subjects() & wanted)}/{len(wanted)}; changes made in {made:.1f} s,"
              f" all delivered {delivered_at:.1f} s after the first)", complete)
        check(f"each event delivered exactly once per endpoint ({attempts} attempts, {len(twice)} sent twice)",
              not twice and attempts == len(receiver.delivered), twice[:5])
        check("every signature verified", receiver.bad_signatures == 0, receiver.bad_signatures)

    elif phase == "db-restart":
        cluster = sys.argv[5]
        answered, stop = [], threading.Event()

        def changes():
            i = 0
            while not stop.is_set():
                i += 1
                cid = create(first if i % 2 else second, f"Restart {i}")
                if cid:
                    answered.append(cid)
                else:
                    time.sleep(0.2)

        workers = [threading.Thread(target=changes) for _ in range(4)]
        for w in workers:
            w.start()
        time.sleep(2)
        subprocess.run(["pg_ctlcluster", "15", cluster, "restart"], check=True)
        restarted = len(answered)
        time.sleep(6)
        stop.set()
        for w in workers:
            w.join()
        wanted = set(answered)
        complete = wait_for(lambda: wanted <= receiver.subjects(), 120)
        missing = wanted - receiver.subjects()
        check(f"PostgreSQL restarted during a burst: every answered change delivered ({len(wanted)} changes,"
              f" {restarted} before the restart, {len(missing)} missing)", complete and len(wanted) > restarted, sorted(missing)[:5])
        check("every signature verified", receiver.bad_signatures == 0, receiver.bad_signatures)

    elif phase == "kill":
        ready_file = sys.argv[5]
        receiver.hold_first = True
        cid = create(first, "Killed during delivery")
        held = receiver.holding.wait(30)
        check("the first attempt reached the receiver and is held", held)
        with open(ready_file, "w") as f:
            f.write(cid or "")
        # the caller kills the instance now and starts it again
        delivered = wait_for(lambda: cid in receiver.subjects(), 150)
        check("killed during delivery: delivered after the restart", delivered)
finally:
    try:
        gql(first, carol, "mutation($id: ID!) { updateWebhookEndpoint(input: {id: $id, enabled: false}) { enabled } }", id=endpoint_id)
    except (urllib.error.URLError, OSError):
        pass
    receiver.server.shutdown()

print(f"webhook-faults {phase}: {passed} passed, {failed} failed", flush=True)
sys.exit(1 if failed else 0)
