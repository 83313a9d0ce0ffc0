const secretParams = [
  "consumer_key",
  "consumer_secret",
  "oauth_signature",
  "access_token",
  "password",
];

/** Replaces the values of credential query parameters with "[redacted]", for logs. */
export function redactUrl(url: string): string {
  const [path = "", query] = url.split("?");
  if (query === undefined) return url;
  const params = new URLSearchParams(query);
  for (const name of secretParams) {
    if (params.has(name)) params.set(name, "[redacted]");
  }
  return `${path}?${params.toString()}`;
}
