// One way for every check of this folder to report: a line "PASS name" or "FAIL name: why" per
// check (scripts/devmode-checks.sh counts them), and a non-zero exit code when any failed.

export const BASE = (process.env.FUNNEL_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');

let failed = 0;

export function pass(name) {
  console.log(`PASS ${name}`);
}

export function fail(name, why) {
  failed++;
  console.log(`FAIL ${name}: ${String(why).replace(/\s+/g, ' ').slice(0, 600)}`);
}

/** Runs one named check: PASS when it returns, FAIL with the error's message when it throws. */
export async function check(name, body) {
  try {
    await body();
    pass(name);
    return true;
  } catch (e) {
    fail(name, e && e.message ? e.message : e);
    return false;
  }
}

export function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function finish() {
  process.exitCode = failed > 0 ? 1 : 0;
}

/** A demo user's bearer token, from dev mode's /dev/token (POST, as the /dev page asks for it). */
export async function devToken(user) {
  const answer = await fetch(`${BASE}/dev/token`, { method: 'POST', body: new URLSearchParams({ user }) });
  const text = (await answer.text()).trim();
  if (!answer.ok) {
    throw new Error(`/dev/token for ${user}: HTTP ${answer.status} ${text}`);
  }
  return text;
}
