"""Operations checks of scripts/keycloak-e2e.sh: two Funnel instances on one database convert the
same quote concurrently (one invoice), and each answers after a database restart."""
import json
import sys
import threading
import urllib.parse
import urllib.request

issuer, first, second, phase = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]


def token(form):
    with urllib.request.urlopen(f"{issuer}/protocol/openid-connect/token", urllib.parse.urlencode(form).encode()) as r:
        return json.load(r)["access_token"]


def gql(app, tok, query, **variables):
    req = urllib.request.Request(f"{app}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


alice = token({"grant_type": "password", "client_id": "funnel-web", "username": "alice", "password": "alice"})
billing = token({"grant_type": "client_credentials", "client_id": "billing", "client_secret": "billing-secret-change-me"})
passed, failed = 0, 0


def check(what, ok, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok else f" {detail}"))


if phase == "two-instances":
    contact = gql(first, alice, 'mutation { createContact(input: {displayName: "Deux Instances", source: QUOTE_REQUEST}) { id } }')[
        "data"]["createContact"]["id"]
    gql(second, alice, "mutation($id: ID!) { recordInteraction(input: {contactId: $id, channel: PHONE, direction: OUTBOUND}) { id } }", id=contact)
    gql(first, alice, "mutation($id: ID!) { recordInteraction(input: {contactId: $id, channel: EMAIL, direction: INBOUND}) { id } }", id=contact)
    quote = gql(second, alice, """mutation($id: ID!) { createQuote(input: {contactId: $id, currency: "EUR", validUntil: "2999-12-31",
        lines: [{description: "x", quantity: "1", unitPrice: "10", taxRate: "20"}]}) { id } }""", id=contact)["data"]["createQuote"]["id"]
    gql(first, alice, "mutation($id: ID!) { sendQuote(id: $id) { id } }", id=quote)
    answers = []

    def convert(i):
        app = first if i % 2 == 0 else second
        key = "shared" if i % 3 == 0 else f"key-{i}"
        answers.append(gql(app, billing, """mutation($q: ID!, $k: String!) { convertQuote(input: {quoteId: $q, idempotencyKey: $k}) {
            invoice { id } } }""", q=quote, k=key))

    threads = [threading.Thread(target=convert, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    invoices = {a["data"]["convertQuote"]["invoice"]["id"] for a in answers if a.get("data")}
    codes = {a["errors"][0]["extensions"]["code"] for a in answers if a.get("errors")}
    check("12 concurrent conversions through two instances: one invoice", len(invoices) == 1, answers)
    check("the others answer a code", codes <= {"QUOTE_NOT_CONVERTIBLE", "IDEMPOTENCY_KEY_IN_USE"}, codes)
    count = gql(first, billing, "query($c: ID!) { invoices(filter: {contactId: $c}) { totalCount } }", c=contact)
    check("the database holds one invoice for it", count["data"]["invoices"]["totalCount"] == 1, count)
else:
    for name, app in (("first", first), ("second", second)):
        r = gql(app, alice, "{ contacts { totalCount } }")
        check(f"{name} instance answers after the database came back", "data" in r and r["data"]["contacts"]["totalCount"] >= 1, r)

print(f"ops-check {phase}: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
