import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string, issuer = 'Trellis'): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/**
 * Accepts the current code and the one just before or after it (clock drift on phones), but
 * only of a time step after `afterTimeStep`: a code that was accepted once is refused after.
 * Answers the code's time step, to be kept as the next `afterTimeStep`, or null when refused.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null = null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // A TOTP result carries its time step (the union type also covers HOTP's counter results).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator app shows at `now` (tests and the demo use it). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
