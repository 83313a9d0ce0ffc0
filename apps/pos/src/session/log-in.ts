import { PosApi, WooClient, type PosLoginRequest, type PosTokens } from "@pos/woo";
import { sessionVersion, type Session } from "./session.js";

export interface LogInInput {
  storeUrl: string;
  username: string;
  password: string;
  /** This device's register id; the store server counts it against the licence's registers. */
  register: string;
  /** This register's readable name, its receipt prefix, shown by the store in place of the id. */
  registerName?: string;
  /**
   * The handle of a signed-in register to sign out so this one takes its seat, from the store's
   * seat-limit refusal. The store accepts it only from a manager or administrator.
   */
  replaceRegister?: string;
}

/** Logs in at the store and reads its settings; the till needs both before it can sell. */
export async function logIn(input: LogInInput, nowMs = Date.now()): Promise<Session> {
  const storeUrl = normaliseStoreUrl(input.storeUrl);
  const anonymous = new PosApi(new WooClient({ baseUrl: storeUrl, maxAttempts: 1 }));
  const body: PosLoginRequest = {
    username: input.username,
    password: input.password,
    register: input.register,
    ...(input.registerName ? { register_name: input.registerName } : {}),
    ...(input.replaceRegister ? { replace_register: input.replaceRegister } : {}),
  };
  const tokens = await anonymous.login(body);

  const bearer = new WooClient({
    baseUrl: storeUrl,
    auth: { kind: "bearer", getToken: () => tokens.access_token },
  });
  const store = await new PosApi(bearer).store();
  return {
    formatVersion: sessionVersion,
    storeUrl,
    storeKind: "pos",
    ...tokenFields(tokens, nowMs),
    user: tokens.user,
    store,
  };
}

/** The session's token fields from a login or refresh reply. */
export function tokenFields(tokens: PosTokens, nowMs: number) {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    accessExpiresAtMs: nowMs + tokens.expires_in * 1000,
  };
}

/** Checks a typed store address and returns its origin and path, without a trailing slash. */
export function normaliseStoreUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`store address "${trimmed}" is invalid: enter it as https://shop.example`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`store address "${trimmed}" must start with https:// or http://`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
