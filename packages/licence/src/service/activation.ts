import type { Kysely, Transaction } from "kysely";
import { z } from "zod";

import type { LicenceDocument } from "../licence.js";
import { signLicence } from "../sign-licence.js";
import { normaliseStoreOrigin } from "../store-origin.js";
import type { LicenceDatabase } from "./licence-database.js";
import { normaliseLicenceKey } from "./licence-key-text.js";
import { findLicenceKey, toSeconds, type LicenceKeyRecord } from "./licence-keys.js";
import { LicenceServiceError } from "./licence-service-error.js";
import type { FixedWindowRateLimiter } from "./rate-limiter.js";
import type { SigningKey } from "./signing-keys.js";

/** Dependencies of activation and deactivation: database, signing key, clock, rate limiter. */
export interface ActivationContext {
  readonly db: Kysely<LicenceDatabase>;
  readonly signingKey: SigningKey;
  readonly now: () => Date;
  readonly limiter: FixedWindowRateLimiter;
}

const instanceIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    "must be 1 to 128 letters, digits, '.', '_', ':' or '-'",
  );

const activateBodySchema = z.object({
  licence_key: z.string().max(200),
  store_origin: z.string().max(2048),
  instance_id: instanceIdSchema,
});

const deactivateBodySchema = z.object({
  licence_key: z.string().max(200),
  instance_id: instanceIdSchema,
});

export interface Deactivated {
  licence_id: string;
  instance_id: string;
  deactivated_at: string;
  store_origin: string | null;
}

/**
 * Activates a licence key for a store origin and signs a fresh licence document. Activating
 * again from the same origin is idempotent apart from the new `issued_at`.
 */
export async function activate(ctx: ActivationContext, body: unknown): Promise<LicenceDocument> {
  const request = parseBody(activateBodySchema, body, "{licence_key, store_origin, instance_id}");
  const origin = normaliseStoreOrigin(request.store_origin);
  if (!origin.ok) {
    throw new LicenceServiceError(400, "licence_invalid_store_origin", origin.message);
  }

  const record = await lookUpKey(ctx, request.licence_key);
  const now = ctx.now();
  if (now.getTime() >= Date.parse(record.expires_at)) {
    throw new LicenceServiceError(
      403,
      "licence_expired",
      `licence ${record.licence_id} expired on ${record.expires_at.slice(0, 10)}; renew it, then activate again`,
    );
  }

  await ctx.db.transaction().execute(async (trx) => {
    await bindOrigin(trx, record, origin.origin);
    await recordActivation(trx, record.licence_id, request.instance_id, origin.origin, now);
  });

  return signLicence(
    {
      licence_id: record.licence_id,
      key_id: ctx.signingKey.keyId,
      store_origin: origin.origin,
      registers: record.registers,
      issued_at: toSeconds(now),
      expires_at: record.expires_at,
      grace_days: record.grace_days,
      edition: record.edition,
    },
    ctx.signingKey.privateKey,
  );
}

/**
 * Marks one installation as no longer using a key. When the key was not pinned to an origin at
 * issue and no installation still uses it, the origin is released so the key can move to a new
 * store address. Documents already issued stay valid until they expire.
 */
export async function deactivate(ctx: ActivationContext, body: unknown): Promise<Deactivated> {
  const request = parseBody(deactivateBodySchema, body, "{licence_key, instance_id}");
  const record = await lookUpKey(ctx, request.licence_key);
  const now = toSeconds(ctx.now());

  return ctx.db.transaction().execute(async (trx) => {
    const activation = await trx
      .selectFrom("activations")
      .selectAll()
      .where("licence_id", "=", record.licence_id)
      .where("instance_id", "=", request.instance_id)
      .executeTakeFirst();
    if (activation === undefined) {
      throw new LicenceServiceError(
        404,
        "licence_instance_not_found",
        `instance "${request.instance_id}" never activated licence ${record.licence_id}; check the instance id`,
      );
    }

    const deactivatedAt = activation.deactivated_at ?? now;
    await trx
      .updateTable("activations")
      .set({ deactivated_at: deactivatedAt })
      .where("licence_id", "=", record.licence_id)
      .where("instance_id", "=", request.instance_id)
      .execute();
    const storeOrigin = await releaseUnusedOrigin(trx, record);
    return {
      licence_id: record.licence_id,
      instance_id: request.instance_id,
      deactivated_at: deactivatedAt,
      store_origin: storeOrigin,
    };
  });
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, shape: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const where = issue === undefined ? "" : `${issue.path.map(String).join(".") || "body"}: `;
  throw new LicenceServiceError(
    400,
    "licence_invalid_request",
    `request body is invalid (${where}${issue?.message ?? "unknown problem"}); send JSON ${shape}`,
  );
}

/** Counts the attempt against the key's rate limit, then finds the key. */
async function lookUpKey(ctx: ActivationContext, keyText: string): Promise<LicenceKeyRecord> {
  const normalised = normaliseLicenceKey(keyText);
  const decision = ctx.limiter.take(normalised ?? keyText.trim().toUpperCase());
  if (!decision.allowed) {
    const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
    throw new LicenceServiceError(
      429,
      "licence_rate_limited",
      `too many attempts with this licence key; try again in ${retryAfterSeconds} seconds`,
      { "retry-after": String(retryAfterSeconds) },
    );
  }

  if (normalised === undefined) {
    throw new LicenceServiceError(
      400,
      "licence_invalid_key",
      "licence key has the wrong form; it looks like POSL-XXXXX-XXXXX-XXXXX-XXXXX",
    );
  }
  const record = await findLicenceKey(ctx.db, normalised);
  if (record === undefined) {
    throw new LicenceServiceError(
      404,
      "licence_key_not_found",
      "licence key not found; check that it was copied exactly as issued",
    );
  }
  return record;
}

async function bindOrigin(
  trx: Transaction<LicenceDatabase>,
  record: LicenceKeyRecord,
  origin: string,
): Promise<void> {
  await trx
    .updateTable("licence_keys")
    .set({ store_origin: origin })
    .where("licence_id", "=", record.licence_id)
    .where("store_origin", "is", null)
    .execute();
  const bound = await trx
    .selectFrom("licence_keys")
    .select("store_origin")
    .where("licence_id", "=", record.licence_id)
    .executeTakeFirstOrThrow();
  if (bound.store_origin === origin) return;

  const fix = `activate a licence key issued for ${origin}`;
  const message =
    record.origin_pinned === 1
      ? `licence ${record.licence_id} was issued for ${bound.store_origin}, not ${origin}; ${fix}`
      : `licence ${record.licence_id} is already activated for ${bound.store_origin}; ` +
        `deactivate it there first, or ${fix}`;
  throw new LicenceServiceError(409, "licence_origin_conflict", message);
}

async function recordActivation(
  trx: Transaction<LicenceDatabase>,
  licenceId: string,
  instanceId: string,
  origin: string,
  now: Date,
): Promise<void> {
  const at = toSeconds(now);
  await trx
    .insertInto("activations")
    .values({
      licence_id: licenceId,
      instance_id: instanceId,
      store_origin: origin,
      first_activated_at: at,
      last_activated_at: at,
      deactivated_at: null,
    })
    .onConflict((conflict) =>
      conflict.columns(["licence_id", "instance_id"]).doUpdateSet((eb) => ({
        store_origin: origin,
        last_activated_at: at,
        deactivated_at: null,
        activation_count: eb("activations.activation_count", "+", 1),
      })),
    )
    .execute();
}

async function releaseUnusedOrigin(
  trx: Transaction<LicenceDatabase>,
  record: LicenceKeyRecord,
): Promise<string | null> {
  if (record.origin_pinned !== 1) {
    const inUse = await trx
      .selectFrom("activations")
      .select("instance_id")
      .where("licence_id", "=", record.licence_id)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (inUse === undefined) {
      await trx
        .updateTable("licence_keys")
        .set({ store_origin: null })
        .where("licence_id", "=", record.licence_id)
        .execute();
      return null;
    }
  }
  const current = await trx
    .selectFrom("licence_keys")
    .select("store_origin")
    .where("licence_id", "=", record.licence_id)
    .executeTakeFirstOrThrow();
  return current.store_origin;
}
