import {
  licenceDocumentSchema,
  seatsAllowed,
  verifyLicence,
  type LicenceCheck,
} from "@pos/licence";
import type { WooClient } from "@pos/woo";
import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";
import { tillTrustedKeys } from "./till-trusted-keys.js";

/** The body of `GET pos/v1/licence`. */
export const licenceSummarySchema = z.object({
  status: z.string(),
  message: z.string(),
  edition: z.string(),
  registers: z.number().int().positive(),
  registers_signed_in: z.number().int().nonnegative(),
  store_origin: z.string(),
  document: z.unknown().nullable(),
  public_keys: z.record(z.string(), z.string()),
});

export type LicenceSummary = z.infer<typeof licenceSummarySchema>;

const cachedLicenceKey = "licence";

/** The till's own view of the store's licence, verified on this device. */
export type TillLicence =
  | { status: "none"; registers: number; message: string }
  | { status: LicenceCheck["status"]; registers: number; check: LicenceCheck; message: string };

/**
 * Reads the licence from the store server and keeps a copy, so the status can be shown offline.
 * Returns the stored copy when the store cannot be reached, or null when there is none.
 */
export async function loadLicenceSummary(
  client: WooClient,
  db: SalesDb,
): Promise<LicenceSummary | null> {
  try {
    const response = await client.request({
      route: "pos/v1/licence",
      schema: licenceSummarySchema,
    });
    await db.settings.put({ key: cachedLicenceKey, value: response.data });
    return response.data;
  } catch {
    const cached = licenceSummarySchema.safeParse((await db.settings.get(cachedLicenceKey))?.value);
    return cached.success ? cached.data : null;
  }
}

/**
 * Verifies the licence document itself instead of trusting the server's status, against this
 * till's store address, clock and trusted keys (see `tillTrustedKeys`). A document signed with
 * a key that only the server lists is reported as `unknown-key` when the till does not trust
 * the server's keys.
 */
export async function checkTillLicence(
  summary: LicenceSummary | null,
  storeUrl: string,
  now: Date,
  shippedKeys?: Readonly<Record<string, string>>,
): Promise<TillLicence> {
  if (summary === null || summary.document === null) {
    return {
      status: "none",
      registers: 1,
      message: "No licence: the community edition allows 1 register.",
    };
  }
  const document = licenceDocumentSchema.safeParse(summary.document);
  const check = await verifyLicence(document.success ? document.data : summary.document, {
    publicKeys: tillTrustedKeys(summary.public_keys, storeUrl, shippedKeys),
    storeOrigin: new URL(storeUrl).origin,
    now,
  });
  const message =
    check.status === "unknown-key" && summary.public_keys[check.keyId] !== undefined
      ? `licence ${check.claimedLicenceId} is signed with key "${check.keyId}", which the store ` +
        "server adds from LICENCE_PUBLIC_KEYS; this till trusts only the keys built into it, " +
        "so the store server's register limit is not confirmed here"
      : check.message;
  return { status: check.status, registers: seatsAllowed(check), check, message };
}
