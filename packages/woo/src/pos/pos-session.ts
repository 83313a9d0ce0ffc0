import type { WooAuth } from "../client/woo-auth.js";
import { WooApiError } from "../client/woo-errors.js";
import type { PosTokens } from "./pos-schemas.js";
import type { PosApi } from "./pos-api.js";

export interface PosSessionOptions {
  /**
   * The API that sends `auth/refresh`. Give it a client without bearer auth, so a refused
   * refresh cannot start another refresh.
   */
  refreshApi: PosApi;
  tokens: PosTokens | null;
  /** Called with every new token pair, and with null when the session ends. */
  onTokens?: (tokens: PosTokens | null) => void;
}

/**
 * A pos/v1 login session: the current token pair and the bearer auth that renews it after a
 * 401. A refused refresh (401 or 400) ends the session, and the cashier logs in again.
 */
export class PosSession {
  private tokens: PosTokens | null;

  constructor(private readonly options: PosSessionOptions) {
    this.tokens = options.tokens;
  }

  get current(): PosTokens | null {
    return this.tokens;
  }

  /** Stores a token pair from a login. */
  start(tokens: PosTokens): void {
    this.set(tokens);
  }

  end(): void {
    this.set(null);
  }

  /** Returns the bearer auth for a WooClient. */
  auth(): WooAuth {
    return {
      kind: "bearer",
      getToken: () => this.tokens?.access_token ?? null,
      refreshToken: () => this.refresh(),
    };
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = this.tokens?.refresh_token;
    if (!refreshToken) return null;
    try {
      const tokens = await this.options.refreshApi.refresh(refreshToken);
      this.set(tokens);
      return tokens.access_token;
    } catch (error) {
      if (error instanceof WooApiError && (error.status === 401 || error.status === 400)) {
        this.end();
        return null;
      }
      throw error;
    }
  }

  private set(tokens: PosTokens | null): void {
    this.tokens = tokens;
    this.options.onTokens?.(tokens);
  }
}
