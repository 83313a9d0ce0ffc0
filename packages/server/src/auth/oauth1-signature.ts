import { createHmac, timingSafeEqual } from "node:crypto";

/** Percent-encodes as RFC 3986 and PHP's `rawurlencode` do (also `!'()*`). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds the OAuth 1.0a signature base string as WooCommerce's `check_oauth_signature` does:
 * the method, the encoded URL without query, and the sorted, encoded parameters without
 * `oauth_signature`, each part joined with `&`.
 */
export function oauthBaseString(
  method: string,
  baseUrl: string,
  params: ReadonlyMap<string, string>,
): string {
  const pairs = [...params.entries()]
    .filter(([key]) => key !== "oauth_signature")
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, value]) => rfc3986(`${rfc3986(key)}=${rfc3986(value)}`));
  return `${method.toUpperCase()}&${rfc3986(baseUrl)}&${pairs.join("%26")}`;
}

/** Checks an HMAC-SHA1 or HMAC-SHA256 signature keyed with `consumer secret + "&"`. */
export function oauthSignatureMatches(
  baseString: string,
  consumerSecret: string,
  method: "HMAC-SHA1" | "HMAC-SHA256",
  signature: string,
): boolean {
  const algorithm = method === "HMAC-SHA1" ? "sha1" : "sha256";
  const expected = createHmac(algorithm, `${consumerSecret}&`).update(baseString).digest();
  const actual = Buffer.from(signature, "base64");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Orders strings by UTF-16 code units, as PHP's `strcmp` orders ASCII keys. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
