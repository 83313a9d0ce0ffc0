import { signOAuth1 } from "./oauth1.js";

/**
 * How the client proves who it is.
 * - `bearer`: a pos/v1 access token; `refreshToken` is called once after a 401 and returns the
 *   new access token, or null when the session is over.
 * - `consumerKey`: WooCommerce REST keys. `transport` defaults to HTTP Basic over https and
 *   OAuth 1.0a over http, because WooCommerce ignores Basic on plain http; `query` sends
 *   `consumer_key` and `consumer_secret` as query parameters.
 * - `applicationPassword`: a WordPress application password, sent with HTTP Basic.
 */
export type WooAuth =
  | {
      kind: "bearer";
      getToken: () => string | null;
      refreshToken?: () => Promise<string | null>;
    }
  | {
      kind: "consumerKey";
      consumerKey: string;
      consumerSecret: string;
      transport?: "basic" | "query" | "oauth1";
    }
  | { kind: "applicationPassword"; username: string; password: string }
  | { kind: "none" };

export interface AuthorizedRequest {
  url: URL;
  headers: Headers;
}

export interface AuthContext {
  method: string;
  nowMs: number;
  nonce: string;
}

function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function consumerKeyTransport(auth: Extract<WooAuth, { kind: "consumerKey" }>, url: URL) {
  return auth.transport ?? (url.protocol === "https:" ? "basic" : "oauth1");
}

/** Returns the URL and headers of a request with the credentials of `auth` applied. */
export async function authorize(
  auth: WooAuth,
  url: URL,
  headers: Headers,
  context: AuthContext,
): Promise<AuthorizedRequest> {
  switch (auth.kind) {
    case "none":
      return { url, headers };
    case "bearer": {
      const token = auth.getToken();
      if (token) headers.set("Authorization", `Bearer ${token}`);
      return { url, headers };
    }
    case "applicationPassword":
      headers.set("Authorization", basic(auth.username, auth.password));
      return { url, headers };
    case "consumerKey":
      return authorizeConsumerKey(auth, url, headers, context);
  }
}

async function authorizeConsumerKey(
  auth: Extract<WooAuth, { kind: "consumerKey" }>,
  url: URL,
  headers: Headers,
  context: AuthContext,
): Promise<AuthorizedRequest> {
  const transport = consumerKeyTransport(auth, url);
  if (transport === "basic") {
    headers.set("Authorization", basic(auth.consumerKey, auth.consumerSecret));
    return { url, headers };
  }
  if (transport === "query") {
    const withKeys = new URL(url);
    withKeys.searchParams.set("consumer_key", auth.consumerKey);
    withKeys.searchParams.set("consumer_secret", auth.consumerSecret);
    return { url: withKeys, headers };
  }
  const signed = await signOAuth1(auth, {
    method: context.method,
    url,
    timestampS: Math.floor(context.nowMs / 1000),
    nonce: context.nonce,
  });
  return { url: signed, headers };
}
