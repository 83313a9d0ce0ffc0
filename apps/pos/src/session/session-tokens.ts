import { PosApi, WooApiError, WooClient, type WooAuth } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { clearSession, loadSession, saveSession, type Session } from "./session.js";
import { tokenFields } from "./log-in.js";
import { recordSessionEnd } from "./session-end.js";

/** How long before the access token expires the till renews it. */
export const refreshAheadMs = 60_000;

/** The shortest wait between two scheduled refreshes, so a bad clock cannot spin the loop. */
const minRefreshDelayMs = 5_000;

/** How often the till checks whether another context ended the session. */
const sessionWatchMs = 3_000;

/** The wait after a scheduled refresh failed for a network reason, before it is tried again. */
const retryDelayMs = 30_000;

/**
 * Access tokens for one session, shared by every tab and the sync worker through the sales
 * database. A refresh token works once, so refreshes run one at a time under a Web Lock, and a
 * caller that waited uses the pair another context already stored.
 */
export class SessionTokens {
  constructor(
    private readonly db: SalesDb,
    private session: Session,
    private readonly onSessionChange: (session: Session | null) => void = () => {},
  ) {}

  /** The client authentication: bearer tokens that refresh themselves, or WooCommerce keys. */
  get auth(): WooAuth {
    const credentials = this.session.wooCredentials;
    if (credentials !== undefined) return credentials;
    return {
      kind: "bearer",
      getToken: () => this.session.accessToken,
      refreshToken: () => this.refresh(),
    };
  }

  /**
   * Renews the access token `refreshAheadMs` before it expires, so requests rarely meet a 401,
   * and once more each time the browser comes back online, so a session revoked meanwhile ends
   * at the first contact. Also ends this context's session when another context (the sync
   * worker) found it revoked. Returns the stop function; WooCommerce sessions need none of it.
   */
  keepFresh(): () => void {
    if (this.session.wooCredentials !== undefined) return () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delayMs: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(false), Math.max(minRefreshDelayMs, delayMs));
    };
    const run = async (force: boolean) => {
      try {
        const token = force ? await this.refresh() : await this.refreshIfDue();
        if (token !== null) schedule(this.session.accessExpiresAtMs - refreshAheadMs - Date.now());
      } catch {
        // Offline or the server failing: try again soon; a 401 ends the session instead.
        schedule(retryDelayMs);
      }
    };
    const onOnline = () => void run(true);
    const watcher = setInterval(() => void this.endIfCleared(), sessionWatchMs);
    window.addEventListener("online", onOnline);
    schedule(this.session.accessExpiresAtMs - refreshAheadMs - Date.now());
    return () => {
      clearTimeout(timer);
      clearInterval(watcher);
      window.removeEventListener("online", onOnline);
    };
  }

  private async endIfCleared(): Promise<void> {
    if ((await loadSession(this.db)) === null) this.end();
  }

  /** Refreshes unless another context already stored a pair that is not yet due. */
  private async refreshIfDue(): Promise<string | null> {
    const stored = await loadSession(this.db);
    if (!stored) return this.end();
    if (stored.refreshToken !== this.session.refreshToken) this.adopt(stored);
    if (stored.accessExpiresAtMs - refreshAheadMs > Date.now()) return stored.accessToken;
    return this.refresh();
  }

  async refresh(): Promise<string | null> {
    const staleToken = this.session.refreshToken;
    return navigator.locks.request("pos-token-refresh", async () => {
      const stored = await loadSession(this.db);
      if (!stored) return this.end();
      if (stored.refreshToken !== staleToken) return this.adopt(stored).accessToken;
      return this.refreshWith(stored);
    });
  }

  private async refreshWith(stored: Session): Promise<string | null> {
    const api = new PosApi(new WooClient({ baseUrl: stored.storeUrl, maxAttempts: 1 }));
    try {
      const tokens = await api.refresh(stored.refreshToken);
      const next = { ...stored, ...tokenFields(tokens, Date.now()), user: tokens.user };
      await saveSession(this.db, next);
      return this.adopt(next).accessToken;
    } catch (error) {
      if (error instanceof WooApiError && error.status === 401) {
        await recordSessionEnd(
          this.db,
          "The store ended this device's session: a manager signed it out, or it expired. " +
            "Log in again; sales not yet sent are kept on this register.",
        );
        await clearSession(this.db);
        return this.end();
      }
      throw error;
    }
  }

  private adopt(session: Session): Session {
    this.session = session;
    this.onSessionChange(session);
    return session;
  }

  private end(): null {
    this.onSessionChange(null);
    return null;
  }
}
