import type { LoginRateLimiter } from "./auth/login-rate-limiter.js";
import type { StoreDatabase } from "./db/store-database.js";
import type { LicenceKeeper } from "./licence/licence-keeper.js";
import type { Mailer } from "./mail/smtp-mailer.js";

/** What every route needs: the database, the clock and the login rate limiter. */
export interface AppContext {
  store: StoreDatabase;
  now: () => Date;
  loginRateLimiter: LoginRateLimiter;
  /** The store's licence, verified on each use; it sets how many registers may sign in. */
  licence: LicenceKeeper;
  /** Sends order emails over SMTP, or null when no mail server is set up (`SMTP_URL`). */
  mailer: Mailer | null;
}
