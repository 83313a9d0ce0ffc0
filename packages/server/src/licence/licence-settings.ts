import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { LicenceKeeper } from "./licence-keeper.js";
import { trustedLicenceKeys } from "./trusted-licence-keys.js";

/** The licence settings a server process reads from its environment. */
export interface LicenceSettings {
  storeOrigin: string;
  publicKeys: Record<string, string>;
  serviceUrl: string | null;
  licenceKey: string | null;
}

/**
 * Reads `STORE_ORIGIN` (default: the listening address), `LICENCE_PUBLIC_KEYS`,
 * `LICENCE_SERVICE_URL` (unset: no call, the community edition) and `LICENCE_KEY`.
 */
export function readLicenceSettings(env: NodeJS.ProcessEnv, listenOrigin: string): LicenceSettings {
  return {
    storeOrigin: env["STORE_ORIGIN"] || listenOrigin,
    publicKeys: trustedLicenceKeys(env["LICENCE_PUBLIC_KEYS"]),
    serviceUrl: env["LICENCE_SERVICE_URL"] || null,
    licenceKey: env["LICENCE_KEY"] || null,
  };
}

/**
 * Verifies the stored licence at start and logs its status. With `LICENCE_KEY` set and no valid
 * document stored, it activates the key first. A failed activation is only logged, so the store
 * keeps running with the document it has, or as the community edition without one.
 */
export async function checkLicenceAtStart(
  db: Kysely<DatabaseSchema>,
  settings: LicenceSettings,
  log: FastifyBaseLogger,
): Promise<void> {
  const keeper = new LicenceKeeper({ db, now: () => new Date(), ...settings });
  const stored = await keeper.check();
  if (settings.licenceKey !== null && stored?.status !== "valid") {
    try {
      await keeper.activate(settings.licenceKey);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error({ reason }, "licence activation from LICENCE_KEY failed");
    }
  }
  const summary = await keeper.summary();
  log.info({ status: summary.status, registers: summary.registers }, summary.message);
}
