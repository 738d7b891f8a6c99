import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string, issuer = 'Trellis'): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/** Accepts the current code and the one just before or after it (clock drift on phones). */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<boolean> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
  });
  return result.valid;
}

/** The code an authenticator app shows at `now` (tests and the demo use it). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
