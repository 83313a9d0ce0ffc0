import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  activateLicence,
  editionInForce,
  parseLicenceDocument,
  seatsAllowed,
  verifyLicence,
  type LicenceCheck,
  type LicenceDocument,
} from "@pos/licence";
import type { DatabaseSchema } from "../db/database-schema.js";
import { withDeviceSessionTables } from "../auth/device-session-schema.js";
import { registersSignedIn } from "../auth/device-session-store.js";
import { WooError } from "../http/woo-error.js";

export interface LicenceKeeperOptions {
  db: Kysely<DatabaseSchema>;
  /** Trusted Ed25519 public keys (key id to raw base64url key); never fetched from a service. */
  publicKeys: Readonly<Record<string, string>>;
  /** This store's public address; the licence must be issued for its origin. */
  storeOrigin: string;
  /** Base URL of the licence service; null makes no call and keeps the community edition. */
  serviceUrl: string | null;
  now: () => Date;
  fetch?: typeof globalThis.fetch;
}

/** The body of `pos/v1/licence`, read by the till. */
export interface LicenceSummary {
  status: LicenceCheck["status"] | "none";
  message: string;
  edition: string;
  registers: number;
  registers_signed_in: number;
  store_origin: string;
  document: LicenceDocument | null;
  public_keys: Readonly<Record<string, string>>;
}

const documentKey = "document";
const instanceKey = "instance_id";

/**
 * Keeps the store's licence: activates a key against the licence service, stores the signed
 * document and verifies it with the trusted keys and the current time on every use, so expiry
 * and tampering are seen without a restart.
 */
export class LicenceKeeper {
  constructor(private readonly options: LicenceKeeperOptions) {}

  get storeOrigin(): string {
    return this.options.storeOrigin;
  }

  /** Verifies the stored document now; undefined when the store has none. */
  async check(): Promise<LicenceCheck | undefined> {
    const text = await this.read(documentKey);
    if (text === undefined) return undefined;
    return verifyLicence(text, {
      publicKeys: this.options.publicKeys,
      storeOrigin: this.options.storeOrigin,
      now: this.options.now(),
    });
  }

  async summary(): Promise<LicenceSummary> {
    const check = await this.check();
    const text = await this.read(documentKey);
    const parsed = text === undefined ? undefined : parseLicenceDocument(text);
    const signedIn = await registersSignedIn(this.options.db, this.options.now());
    return {
      status: check?.status ?? "none",
      message: check?.message ?? "no licence: the community edition allows 1 register",
      edition: editionInForce(check),
      registers: seatsAllowed(check),
      registers_signed_in: signedIn.length,
      store_origin: this.options.storeOrigin,
      document: parsed?.ok === true ? parsed.document : null,
      public_keys: this.options.publicKeys,
    };
  }

  /**
   * Activates a licence key and stores the document when it verifies as valid. Throws a
   * WooError naming the failure; a failed activation keeps the document stored before.
   */
  async activate(licenceKey: string): Promise<LicenceCheck> {
    const serviceUrl = this.options.serviceUrl;
    if (serviceUrl === null) {
      throw new WooError(
        503,
        "pos_licence_service_not_configured",
        "No licence service is configured; set LICENCE_SERVICE_URL on the store server and try again.",
      );
    }
    const result = await activateLicence({
      serviceUrl,
      licenceKey,
      storeOrigin: this.options.storeOrigin,
      instanceId: await this.instanceId(),
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
    });
    if (!result.ok) throw activationError(result.error);

    const check = await verifyLicence(result.value, {
      publicKeys: this.options.publicKeys,
      storeOrigin: this.options.storeOrigin,
      now: this.options.now(),
    });
    if (check.status !== "valid") {
      throw new WooError(
        422,
        "pos_licence_not_valid",
        `The licence was not stored: ${check.message}`,
        {
          licence_status: check.status,
        },
      );
    }
    await this.write(documentKey, JSON.stringify(result.value));
    return check;
  }

  /** Returns this installation's id for the licence service, created on first use. */
  async instanceId(): Promise<string> {
    const stored = await this.read(instanceKey);
    if (stored !== undefined) return stored;
    const id = `store-${randomUUID()}`;
    await this.write(instanceKey, id);
    return id;
  }

  private async read(key: string): Promise<string | undefined> {
    const row = await withDeviceSessionTables(this.options.db)
      .selectFrom("licence_state")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    return row?.value;
  }

  private async write(key: string, value: string): Promise<void> {
    await withDeviceSessionTables(this.options.db)
      .insertInto("licence_state")
      .values({ key, value })
      .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
      .execute();
  }
}

function activationError(error: {
  kind: string;
  message: string;
  httpStatus?: number | undefined;
  code?: string | undefined;
}): WooError {
  if (error.kind === "rejected") {
    const status =
      error.httpStatus !== undefined && error.httpStatus < 500 ? error.httpStatus : 502;
    return new WooError(
      status,
      "pos_licence_rejected",
      `The licence service rejected the key: ${error.message}`,
      {
        licence_code: error.code ?? null,
      },
    );
  }
  return new WooError(
    502,
    "pos_licence_service_unreachable",
    `The licence service could not be reached (${error.kind}): ${error.message}; check LICENCE_SERVICE_URL and the network, then try again.`,
  );
}
