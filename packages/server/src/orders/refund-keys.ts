import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { SqlDialectName } from "../db/store-database.js";
import { WooError } from "../http/woo-error.js";

/** Refund meta key that carries the idempotency key when the client cannot set a header. */
export const refundKeyMetaKey = "_pos_refund_key";

/** Maximum length of an idempotency key, in characters. */
export const maxRefundKeyLength = 200;

/** One refund per idempotency key: a repeat of the key returns the refund already made. */
export interface RefundKeysTable {
  idempotency_key: string;
  order_id: number;
  refund_id: number;
}

export type RefundKeyTables = { refund_keys: RefundKeysTable };

type Db = Kysely<DatabaseSchema>;

/** Creates `refund_keys`, whose primary key makes a second refund with one key impossible. */
export async function createRefundKeysTable(
  db: Kysely<unknown>,
  _dialect: SqlDialectName,
): Promise<void> {
  await db.schema
    .createTable("refund_keys")
    .addColumn("idempotency_key", "text", (c) => c.primaryKey())
    .addColumn("order_id", "integer", (c) => c.notNull())
    .addColumn("refund_id", "integer", (c) => c.notNull())
    .execute();
}

/**
 * Returns the refund already made with `key` on this order, or undefined for a new key. A key
 * used on another order is a client error: the same key must never name two refunds.
 */
export async function findRefundByKey(
  trx: Db,
  key: string,
  orderId: number,
): Promise<number | undefined> {
  const row = await trx
    .withTables<RefundKeyTables>()
    .selectFrom("refund_keys")
    .selectAll()
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.order_id !== orderId) {
    throw new WooError(
      400,
      "pos_refund_key_reused",
      `Idempotency key "${key}" was already used for a refund of order ${row.order_id}; ` +
        `send a new key for each refund.`,
    );
  }
  return row.refund_id;
}

export async function saveRefundKey(
  trx: Db,
  key: string,
  orderId: number,
  refundId: number,
): Promise<void> {
  await trx
    .withTables<RefundKeyTables>()
    .insertInto("refund_keys")
    .values({ idempotency_key: key, order_id: orderId, refund_id: refundId })
    .execute();
}

/**
 * Reads the idempotency key from the `Idempotency-Key` header, else from the `_pos_refund_key`
 * meta entry. Returns undefined when neither is sent, so the refund is made without a key.
 */
export function refundKeyOf(
  header: string | string[] | undefined,
  meta: readonly { key: string; value: unknown }[],
): string | undefined {
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromMeta = meta.find((entry) => entry.key === refundKeyMetaKey)?.value;
  const key = (fromHeader ?? (typeof fromMeta === "string" ? fromMeta : undefined))?.trim();
  if (key === undefined || key === "") return undefined;
  if (key.length > maxRefundKeyLength) {
    throw new WooError(
      400,
      "pos_invalid_refund_key",
      `Idempotency key of ${key.length} characters is too long; send at most ` +
        `${maxRefundKeyLength}, such as a UUID.`,
    );
  }
  return key;
}
