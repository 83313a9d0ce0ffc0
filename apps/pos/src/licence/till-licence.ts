import {
  licenceDocumentSchema,
  seatsAllowed,
  verifyLicence,
  type LicenceCheck,
} from "@pos/licence";
import type { WooClient } from "@pos/woo";
import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";

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
 * till's store address and clock.
 * NOTE: the trusted keys are those the store server sends. The server already trusts them
 * (shipped keys plus `LICENCE_PUBLIC_KEYS`), so a changed document still fails here, but the
 * till adds no trust of its own beyond the server's key list.
 */
export async function checkTillLicence(
  summary: LicenceSummary | null,
  storeUrl: string,
  now: Date,
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
    publicKeys: summary.public_keys,
    storeOrigin: new URL(storeUrl).origin,
    now,
  });
  return { status: check.status, registers: seatsAllowed(check), check, message: check.message };
}
