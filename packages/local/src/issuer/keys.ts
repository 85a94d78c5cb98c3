import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { LocalSystemError } from '../dynamodb-local.ts';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS (with kid, alg and use). */
  publicJwk: JWK;
}

interface KeyFile {
  kid: string;
  alg: 'RS256';
  createdAt: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const ALG = 'RS256';

/**
 * The issuer's RS256 key pair. With a key file it is kept on disk (as JWK JSON), so tokens given
 * out before a restart still verify after it; without one it lives as long as the process (tests).
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  const stored = keyFile ? readKeyFile(keyFile) : undefined;
  if (stored) {
    const privateKey = (await importJWK(stored.privateJwk, ALG)) as CryptoKey;
    return { kid: stored.kid, privateKey, publicJwk: stored.publicJwk };
  }
  const pair = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const publicBare = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicBare);
  const publicJwk: JWK = { ...publicBare, kid, alg: ALG, use: 'sig' };
  if (keyFile) {
    const file: KeyFile = {
      kid,
      alg: ALG,
      createdAt: new Date().toISOString(),
      privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: ALG },
      publicJwk,
    };
    mkdirSync(dirname(keyFile), { recursive: true });
    // Written whole then renamed, so a crash never leaves half a key behind; readable by the owner only.
    writeFileSync(`${keyFile}.tmp`, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${keyFile}.tmp`, keyFile);
  }
  return { kid, privateKey: pair.privateKey, publicJwk };
}

function readKeyFile(keyFile: string): KeyFile | undefined {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const file = JSON.parse(text) as KeyFile;
    if (file.alg === ALG && typeof file.kid === 'string' && file.privateJwk?.d && file.publicJwk?.n) return file;
  } catch {
    // Fall through to the one explanation below.
  }
  throw new LocalSystemError(
    `The local sign-in key in ${keyFile} cannot be read: delete the file and start again (everyone signs in anew).`,
  );
}
