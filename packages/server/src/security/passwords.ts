import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * Spends the same time as a real check when there is no account, so response times do not
 * reveal which emails have one.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hash('decoy password that nobody has');
  await verifyPassword(await decoy, password);
  return false;
}
