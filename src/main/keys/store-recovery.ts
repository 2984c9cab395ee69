import { z } from 'zod';
import { type SealedBox, seal, unseal } from './aead';
import { recoveryWrapKey } from './person-keys';
import { caKeyMatches, type StoreCa } from './store-identity';
import { wipe } from './wipe';

/**
 * The store's secrets under the recovery key (so a recovery session can endorse, reset and rotate
 * without any account): AES-256-GCM under HKDF(R). The database key alone opens nothing here.
 */
const AAD = 'fieldscreen/keyring/v2/store-secrets';
const secretsSchema = z.object({ caKeyPem: z.string() });

export function sealStoreSecrets(recoveryKey: Buffer, ca: StoreCa): SealedBox {
  const key = recoveryWrapKey(recoveryKey);
  try {
    return seal(key, Buffer.from(JSON.stringify({ caKeyPem: ca.caKeyPem }), 'utf8'), AAD);
  } finally {
    wipe(key);
  }
}

/** The store CA from the recovery box; null when R is not this store's or the box was swapped. */
export function openStoreSecrets(
  recoveryKey: Buffer,
  box: SealedBox,
  caCertificatePem: string,
): StoreCa | null {
  const key = recoveryWrapKey(recoveryKey);
  try {
    const plain = unseal(key, box, AAD);
    if (!plain) return null;
    const parsed = secretsSchema.safeParse(JSON.parse(plain.toString('utf8')));
    wipe(plain);
    if (!parsed.success) return null;
    const ca = { caKeyPem: parsed.data.caKeyPem, caCertificatePem };
    return caKeyMatches(ca) ? ca : null;
  } catch {
    return null;
  } finally {
    wipe(key);
  }
}
