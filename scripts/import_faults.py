"""Contact import check of scripts/keycloak-e2e.sh: a run killed midway, then started again.
  import_faults.py <issuer> <app> <ready-file>
      alice (sales, red) uploads a file of 40,000 new contacts and starts importing it; once some
      batches have committed this script writes <ready-file>, and the caller kills the instance
      (SIGKILL) and starts it again. The run then reads INTERRUPTED (the instances run with
      FUNNEL_IMPORTS_STALLED_AFTER=5s); started again with the same options it resumes, and every
      row is imported exactly once: 40,000 contacts with the file's e-mails, none twice, and a
      report of 40,000 CREATED rows."""
import csv
import io
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

issuer, app, ready_file = sys.argv[1], sys.argv[2], sys.argv[3]
ROWS = 40_000
passed, failed = 0, 0


def check(what, ok, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok else f" {detail}"), flush=True)


def alice():
    form = {"grant_type": "password", "client_id": "funnel-web", "username": "alice", "password": "alice"}
    with urllib.request.urlopen(f"{issuer}/protocol/openid-connect/token", urllib.parse.urlencode(form).encode()) as r:
        return json.load(r)["access_token"]


def gql(tok, query, **variables):
    req = urllib.request.Request(f"{app}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=30) as r:
        answer = json.load(r)
    if answer.get("errors"):
        raise RuntimeError(json.dumps(answer["errors"]))
    return answer["data"]


def job(tok, job_id):
    return gql(tok, "query($j: ID!) { importJob(id: $j) { status rowsDone created failed skipped errorCode } }", j=job_id)["importJob"]


START = "mutation($j: ID!) { startContactImport(input: {job: $j, upsertKey: EMAIL}) { status } }"

run = uuid.uuid4().hex[:8]
lines = ["displayName,email,source"] + [f"Killed Run {run} {i},k{i}-{run}@example.com,REFERRAL" for i in range(ROWS)]
tok = alice()
req = urllib.request.Request(f"{app}/imports/contacts?team=red&fileName=killed.csv", ("\n".join(lines) + "\n").encode(),
                             {"Content-Type": "text/csv", "Authorization": "Bearer " + tok})
with urllib.request.urlopen(req, timeout=120) as r:
    job_id = json.load(r)["id"]
gql(tok, START, j=job_id)
deadline = time.time() + 120
while time.time() < deadline and job(tok, job_id)["rowsDone"] < 3_000:
    time.sleep(0.05)
before = job(tok, job_id)
check("the run is under way when the instance is killed", before["status"] == "RUNNING" and 0 < before["rowsDone"] < ROWS, before)
open(ready_file, "w").close()

# the caller kills the instance and starts it again
deadline = time.time() + 180
state = None
while time.time() < deadline:
    try:
        tok = alice()
        state = job(tok, job_id)
        if state["status"] == "INTERRUPTED":
            break
    except (urllib.error.URLError, ConnectionError, RuntimeError):
        pass
    time.sleep(1)
check("the killed run reads INTERRUPTED", state is not None and state["status"] == "INTERRUPTED", state)
stopped_at = state["rowsDone"] if state else 0
check("what the killed run committed is kept", 0 < stopped_at < ROWS and state["created"] == stopped_at, state)
gql(tok, START, j=job_id)
deadline = time.time() + 300
while time.time() < deadline:
    state = job(tok, job_id)
    if state["status"] != "RUNNING":
        break
    time.sleep(1)
check("started again, the run completes", state["status"] == "COMPLETED" and state["rowsDone"] == ROWS
      and state["created"] == ROWS and state["failed"] == 0 and state["skipped"] == 0, state)
count = gql(tok, "query($s: String) { contacts(filter: {team: \"red\", search: $s}) { totalCount } }", s=run)["contacts"]["totalCount"]
check("each row became one contact: no duplicate after the resume", count == ROWS, f"{count} contacts")
req = urllib.request.Request(f"{app}/imports/{job_id}/report.csv", headers={"Authorization": "Bearer " + tok})
with urllib.request.urlopen(req, timeout=120) as r:
    report = list(csv.reader(io.TextIOWrapper(r, encoding="utf-8")))
results = [row[1] for row in report[1:]]
check("the report has every row once, CREATED", len(results) == ROWS and set(results) == {"CREATED"}
      and len({row[0] for row in report[1:]}) == ROWS, f"{len(results)} rows, {set(results)}")
print(f"import-faults: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
