"""Checks of scripts/keycloak-e2e.sh: real Keycloak tokens against the packaged Funnel."""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

issuer, app = sys.argv[1], sys.argv[2]
passed, failed = 0, 0


def check(what, ok, detail=""):
    """ok: a boolean, or a function computing it (an exception then counts as a failure)."""
    global passed, failed
    if callable(ok):
        try:
            ok = ok()
        except Exception as e:  # noqa: BLE001 - a malformed answer is a failed check, not a crash
            detail = f"{detail} ({e!r})"
            ok = False
    if ok:
        passed += 1
        print(f"ok    {what}")
    else:
        failed += 1
        print(f"FAIL  {what} {detail}")


def token(form):
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(f"{issuer}/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def password(user):
    return token({"grant_type": "password", "client_id": "funnel-web", "username": user, "password": user,
                  "scope": "openid"})


def gql(tok, query, **variables):
    req = urllib.request.Request(f"{app}/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                 {"Content-Type": "application/json", **({"Authorization": "Bearer " + tok} if tok else {})})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None


def code(answer):
    return ((answer or {}).get("errors") or [{}])[0].get("extensions", {}).get("code")


root, alice, bob = password("root"), password("alice"), password("bob")
billing = token({"grant_type": "client_credentials", "client_id": "billing", "client_secret": "billing-secret-change-me"})

for team in ("red", "blue"):
    _, r = gql(root, "mutation($c: String!) { createTeam(input: {code: $c, name: $c}) { code } }", c=team)
    check(f"admin creates team {team}", lambda: r["data"] and r["data"]["createTeam"]["code"] == team, r)

_, me = gql(alice, "{ me { name roles teams { code } } }")
check("password grant: alice is sales in red", lambda: me["data"]["me"] == {"name": "alice", "roles": ["sales"], "teams": [{"code": "red"}]}, me)
_, me = gql(billing, "{ me { roles teams { code } } }")
check("client credentials: billing is billing in red", lambda: me["data"]["me"] == {"roles": ["billing"], "teams": [{"code": "red"}]}, me)

_, r = gql(alice, """mutation { createContact(input: {displayName: "Atelier Rouge", source: WEB_FORM}) { id stage } }""")
contact = (r.get("data") or {}).get("createContact", {}).get("id")
check("alice creates a contact (a lead: web form)", lambda: r["data"]["createContact"]["stage"] == "LEAD", r)
gql(alice, "mutation($id: ID!) { recordInteraction(input: {contactId: $id, channel: EMAIL, direction: OUTBOUND}) { id } }", id=contact)
_, r = gql(alice, "mutation($id: ID!) { recordInteraction(input: {contactId: $id, channel: EMAIL, direction: INBOUND}) { contact { stage } } }", id=contact)
check("a reply makes it a prospect", lambda: r["data"]["recordInteraction"]["contact"]["stage"] == "PROSPECT", r)
_, r = gql(alice, """mutation($id: ID!) { createQuote(input: {contactId: $id, currency: "EUR", validUntil: "2999-12-31",
      lines: [{description: "Audit", quantity: "1", unitPrice: "1200", taxRate: "20"}]}) { id } }""", id=contact)
quote = ((r.get("data") or {}).get("createQuote") or {}).get("id")
gql(alice, "mutation($id: ID!) { sendQuote(id: $id) { status } }", id=quote)

_, r = gql(bob, "query($id: ID!) { contact(id: $id) { id } quote(id: $id) { id } contacts { totalCount } }", id=contact)
check("bob (blue) does not see red's contact", lambda: r["data"] == {"contact": None, "quote": None, "contacts": {"totalCount": 0}}, r)
_, r = gql(bob, "mutation($id: ID!) { qualifyContact(id: $id) { id } }", id=contact)
check("bob cannot change red's contact", code(r) == "NOT_FOUND", r)
_, r = gql(alice, "mutation($q: ID!) { convertQuote(input: {quoteId: $q, idempotencyKey: \"k1\"}) { replayed } }", q=quote)
check("sales cannot convert quotes", code(r) == "FORBIDDEN", r)

convert = "mutation($q: ID!) { convertQuote(input: {quoteId: $q, idempotencyKey: \"erp-1\"}) { replayed invoice { number } contact { stage } } }"
_, r = gql(billing, convert, q=quote)
check("billing converts: invoice 1, contact is a client", lambda: r["data"]["convertQuote"] == {"replayed": False, "invoice": {"number": 1}, "contact": {"stage": "CLIENT"}}, r)
_, r = gql(billing, convert, q=quote)
check("billing retries: same invoice, replayed", lambda: r["data"]["convertQuote"]["replayed"] is True, r)

status, _ = gql(None, "{ me { name } }")
check("no token: HTTP 401", status == 401, status)
status, _ = gql(alice[:-4] + "AAAA", "{ me { name } }")
check("forged signature: HTTP 401", status == 401, status)

print(f"keycloak-e2e: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
