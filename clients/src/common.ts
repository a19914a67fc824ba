// Shared by schema-check, audit, pipeline and events: one line per check, then the closing line
// `<name>: N passed, N failed` (the form scripts/e2e_check.py prints too); the command line; tokens.

export class Report {
  passed = 0;
  failed = 0;

  constructor(private readonly name: string) {}

  /** Records one check; `detail` is printed after a failure (or as a note after a pass). */
  record(what: string, ok: boolean, detail = ''): boolean {
    if (ok) this.passed++;
    else this.failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}${detail ? ` ${detail}` : ''}`);
    return ok;
  }

  /** Runs one check: it passes unless `fn` throws or returns false. A thrown error is its detail. */
  async check(what: string, fn: () => unknown | Promise<unknown>): Promise<boolean> {
    try {
      const ok = await fn();
      return this.record(what, ok !== false);
    } catch (e) {
      const lines = (e instanceof Error ? e.message : String(e)).split(/\n+/).map((line) => line.trim());
      return this.record(what, false, `(${[...new Set(lines)].join(' ')})`);
    }
  }

  /** Prints the closing line and sets the exit code. */
  close(): void {
    console.log(`${this.name}: ${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed ? 1 : 0;
  }
}

/** The command line of audit, pipeline and events: `<funnel-base-url> <keycloak-issuer>`. */
export function serverArgs(program: string): { graphqlUrl: string; issuer: string } {
  const [base, issuer] = process.argv.slice(2);
  if (!base || !issuer) {
    console.error(`usage: npm run ${program} -- <funnel-base-url> <keycloak-issuer>`);
    process.exit(2);
  }
  return { graphqlUrl: `${base.replace(/\/$/, '')}/graphql`, issuer: issuer.replace(/\/$/, '') };
}

/** Access tokens of users of keycloak/funnel-realm.json; without them nothing can be checked, so a
 *  failure is reported as one and ends the program. */
export async function tokens<U extends string[]>(report: Report, issuer: string, ...users: U): Promise<{ [K in keyof U]: string }> {
  try {
    return (await Promise.all(users.map((user) => passwordToken(issuer, user)))) as { [K in keyof U]: string };
  } catch (e) {
    report.record(`tokens of ${users.join(', ')} from ${issuer}`, false, `(${e instanceof Error ? e.message : String(e)})`);
    report.close();
    process.exit();
  }
}

/** An access token of a user of keycloak/funnel-realm.json (password = user name), by the
 *  password grant of its public client funnel-web. */
async function passwordToken(issuer: string, user: string): Promise<string> {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'funnel-web', username: user, password: user, scope: 'openid' }),
  });
  if (!res.ok) throw new Error(`${user}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** An access token of a confidential client of keycloak/funnel-realm.json (a system caller, such as
 *  billing), by the client-credentials grant; a failure is reported as one and ends the program. */
export async function clientCredentialsToken(report: Report, issuer: string, clientId: string, secret: string): Promise<string> {
  try {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  } catch (e) {
    report.record(`token of client ${clientId} from ${issuer}`, false, `(${e instanceof Error ? e.message : String(e)})`);
    report.close();
    process.exit();
  }
}
