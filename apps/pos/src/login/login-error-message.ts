import { WooApiError, WooNetworkError } from "@pos/woo";

/** Turns a failed login or connection into a sentence that tells the cashier what to do. */
export function loginErrorMessage(failure: unknown, storeUrl: string): string {
  // WordPress rejects application passwords over plain http unless the site is a local one.
  // Its message explains that, where "wrong password" would send the cashier retyping it.
  if (failure instanceof WooApiError && failure.code === "application_passwords_disabled") {
    return `The store refused the application password: ${failure.message}`;
  }
  if (failure instanceof WooApiError && failure.status === 401) {
    return "Wrong username, password or key. Check them and try again.";
  }
  if (
    failure instanceof WooApiError &&
    failure.status === 403 &&
    failure.code === "pos_register_limit"
  ) {
    // The store's message names the limit, the registers signed in and what to do.
    return `This register cannot sign in. ${failure.message}`;
  }
  if (failure instanceof WooApiError && failure.status === 429) {
    return "Too many login attempts. Wait a minute, then try again.";
  }
  if (failure instanceof WooNetworkError) {
    return `The store at ${storeUrl} could not be reached. Logging in needs the connection: check it and try again.`;
  }
  return failure instanceof Error ? failure.message : String(failure);
}
