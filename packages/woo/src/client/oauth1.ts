/**
 * OAuth 1.0a one-legged signing as WooCommerce checks it on plain http, where it ignores HTTP
 * Basic (WooCommerce 11.0.1, `class-wc-rest-authentication.php`): HMAC-SHA1, the key is the
 * consumer secret followed by "&", and the parameters travel in the query string.
 */
export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
}

export interface OAuth1Inputs {
  method: string;
  url: URL;
  timestampS: number;
  nonce: string;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a (RFC 5849 section 3.6) requires. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds the signature base string of RFC 5849 section 3.4.1: parameters encoded, sorted by
 * name then value, joined as `k=v&k=v`, and that string encoded once more. WooCommerce's own
 * clients (wc-api-php, woocommerce-rest-api for Node) sign this way.
 */
export function oauth1BaseString(method: string, url: URL, params: [string, string][]): string {
  const encoded = params.map(([key, value]) => [percentEncode(key), percentEncode(value)] as const);
  encoded.sort(([keyA, valueA], [keyB, valueB]) =>
    compareStrings(keyA, keyB) === 0 ? compareStrings(valueA, valueB) : compareStrings(keyA, keyB),
  );
  const normalized = encoded.map(([key, value]) => `${key}=${value}`).join("&");
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  return `${method.toUpperCase()}&${percentEncode(baseUrl)}&${percentEncode(normalized)}`;
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

async function hmacSha1Base64(key: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(text)),
  );
  let binary = "";
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Returns a copy of `inputs.url` with the oauth_* parameters and the signature added. */
export async function signOAuth1(
  credentials: OAuth1Credentials,
  inputs: OAuth1Inputs,
): Promise<URL> {
  const signed = new URL(inputs.url);
  signed.searchParams.set("oauth_consumer_key", credentials.consumerKey);
  signed.searchParams.set("oauth_nonce", inputs.nonce);
  signed.searchParams.set("oauth_signature_method", "HMAC-SHA1");
  signed.searchParams.set("oauth_timestamp", String(inputs.timestampS));
  signed.searchParams.set("oauth_version", "1.0");

  const params = [...signed.searchParams.entries()];
  const base = oauth1BaseString(inputs.method, signed, params);
  const signature = await hmacSha1Base64(`${credentials.consumerSecret}&`, base);
  signed.searchParams.set("oauth_signature", signature);
  return signed;
}
