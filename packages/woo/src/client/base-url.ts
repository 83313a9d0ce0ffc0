/** Checks a store URL and returns it without a trailing slash, query or fragment. */
export function parseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`store URL "${baseUrl}" is not a valid URL; use https://host[/path]`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`store URL "${baseUrl}" must start with https:// or http://`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
