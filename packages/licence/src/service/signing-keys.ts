import { chmod, mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

import { encodeBase64Url } from "../base64url.js";

/** Folder inside the data folder that contains one file per signing key. */
export const SIGNING_KEYS_FOLDER = "signing-keys";

/** An Ed25519 key pair the service signs licences with. */
export interface SigningKey {
  readonly keyId: string;
  readonly createdAt: string;
  readonly privateKey: CryptoKey;
  /** Raw 32-byte public key in base64url. */
  readonly publicKey: string;
}

const signingKeyFileSchema = z.object({
  key_id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  algorithm: z.literal("Ed25519"),
  created_at: z.iso.datetime(),
  public_key: z.string(),
  private_key_jwk: z.object({
    kty: z.literal("OKP"),
    crv: z.literal("Ed25519"),
    d: z.string(),
    x: z.string(),
  }),
});

/**
 * Generates a signing key pair and writes it to `<dataDir>/signing-keys/<keyId>.json`, readable
 * only by its owner (mode 0600, folder 0700). The newest key signs from then on, and older keys
 * stay published so that documents they signed keep verifying.
 */
export async function createSigningKey(
  dataDir: string,
  options: { now: Date; randomBytes: (length: number) => Uint8Array },
): Promise<{ key: SigningKey; file: string }> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]);
  const keyId = `k-${options.now.toISOString().slice(0, 10).replace(/-/g, "")}-${encodeBase64Url(options.randomBytes(3))}`;
  const publicKey = encodeBase64Url(
    new Uint8Array(await globalThis.crypto.subtle.exportKey("raw", pair.publicKey)),
  );
  const jwk = await globalThis.crypto.subtle.exportKey("jwk", pair.privateKey);
  const record = {
    key_id: keyId,
    algorithm: "Ed25519",
    created_at: options.now.toISOString(),
    public_key: publicKey,
    private_key_jwk: { kty: jwk.kty, crv: jwk.crv, d: jwk.d, x: jwk.x },
  };

  const folder = join(dataDir, SIGNING_KEYS_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const file = join(folder, `${keyId}.json`);
  // "wx" fails rather than overwrite: losing a private key would orphan every licence it signed.
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);

  const key = { keyId, createdAt: record.created_at, privateKey: pair.privateKey, publicKey };
  return { key, file };
}

/**
 * Loads every signing key in the data folder, newest first. Rejects a key file that other users
 * can read or write, because anyone holding the private key can issue licences.
 */
export async function loadSigningKeys(dataDir: string): Promise<SigningKey[]> {
  const folder = join(dataDir, SIGNING_KEYS_FOLDER);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });

  const keys = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map((name) => loadSigningKey(join(folder, name))),
  );
  return keys.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function loadSigningKey(file: string): Promise<SigningKey> {
  const mode = (await stat(file)).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `signing key file ${file} has mode 0${mode.toString(8)}, so other users can read it; ` +
        `run chmod 600 ${file} and consider the key leaked if others had access`,
    );
  }

  const parsed = signingKeyFileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `signing key file ${file} is invalid: ${parsed.error.issues[0]?.message ?? "unknown problem"}`,
    );
  }

  const record = parsed.data;
  const privateKey = await globalThis.crypto.subtle.importKey(
    "jwk",
    { ...record.private_key_jwk, key_ops: ["sign"], ext: false },
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  return {
    keyId: record.key_id,
    createdAt: record.created_at,
    privateKey,
    publicKey: record.public_key,
  };
}
