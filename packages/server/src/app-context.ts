import type { LoginRateLimiter } from "./auth/login-rate-limiter.js";
import type { StoreDatabase } from "./db/store-database.js";

/** What every route needs: the database, the clock and the login rate limiter. */
export interface AppContext {
  store: StoreDatabase;
  now: () => Date;
  loginRateLimiter: LoginRateLimiter;
}
