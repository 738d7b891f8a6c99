import type { StaffRole } from '@trellis/domain';
import { BENCH_PASSWORD } from './generate/world.js';
import type { BenchUser } from './scenarios/types.js';

export interface SignedIn {
  role: StaffRole;
  /** Headers every request of the session sends: the cookie and the CSRF token. */
  headers: Record<string, string>;
}

/** Signs in over HTTP as a generated account: the cookie from the answer, the CSRF token from its body. */
export async function signIn(baseUrl: string, role: StaffRole, user: BenchUser): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { status?: string; csrfToken?: string; detail?: string };
  if (!res.ok || body.status !== 'signed_in' || !body.csrfToken) {
    throw new Error(
      `Signing in as ${user.email} answered ${res.status}: ${body.detail ?? body.status ?? 'no session'}`,
    );
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('trellis_session='));
  if (!cookie) throw new Error(`Signing in as ${user.email} set no session cookie.`);
  return { role, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

/** Routes the server serves, from its OpenAPI document ("GET /api/v1/users/{id}"). */
export async function servedRoutes(baseUrl: string): Promise<Set<string> | null> {
  try {
    const res = await fetch(`${baseUrl}/api/docs/json`);
    if (!res.ok) return null;
    const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
    const routes = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(methods)) routes.add(`${method.toUpperCase()} ${path}`);
    }
    return routes;
  } catch {
    return null;
  }
}
