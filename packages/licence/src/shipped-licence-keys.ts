/**
 * Ed25519 public keys of the licence service that signs production licences: key id to the raw
 * key in base64url, the output of the service's `public-keys` command. The store server and the
 * till are built with these keys and always trust them. Keys are never fetched from a service,
 * because anyone who can change its address could then sign their own licences.
 */
// TODO: no production signing key exists yet; add its public key here when it is created.
export const SHIPPED_LICENCE_KEYS: Readonly<Record<string, string>> = Object.freeze({});
