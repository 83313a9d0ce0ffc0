import { PosApi, WooApiError, WooClient, type WooAuth } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { loadSession, saveSession, type Session } from "./session.js";
import { tokenFields } from "./log-in.js";

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

  /** Bearer authentication for a WooClient that refreshes through this object. */
  get auth(): WooAuth {
    return {
      kind: "bearer",
      getToken: () => this.session.accessToken,
      refreshToken: () => this.refresh(),
    };
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
      if (error instanceof WooApiError && error.status === 401) return this.end();
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
