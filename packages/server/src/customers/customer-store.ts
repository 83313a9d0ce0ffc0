import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import {
  customerEmailIndex,
  customerUsernameIndex,
} from "../db/case-insensitive-unique-migration.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import { WooError } from "../http/woo-error.js";
import type { CustomerRow, WooAddress } from "./customer-records.js";

type Db = Kysely<DatabaseSchema>;

export interface CustomerWrite {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  billing: WooAddress;
  shipping: WooAddress;
  metaData: { key: string; value: unknown }[];
}

/** Inserts a customer and journals it; duplicate emails and usernames get WooCommerce's errors. */
export async function insertCustomer(
  trx: Db,
  write: CustomerWrite,
  nowGmt: string,
): Promise<number> {
  await assertUnique(trx, write, 0);
  const row = await mapUniqueViolation(write, () =>
    trx
      .insertInto("customers")
      .values({
        ...toColumns(write),
        role: "customer",
        is_paying_customer: 0,
        date_created_gmt: nowGmt,
        date_modified_gmt: nowGmt,
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  appendChange(trx, "customers", row.id);
  return row.id;
}

export async function updateCustomer(
  trx: Db,
  id: number,
  write: CustomerWrite,
  nowGmt: string,
): Promise<void> {
  await assertUnique(trx, write, id);
  await mapUniqueViolation(write, () =>
    trx
      .updateTable("customers")
      .set({ ...toColumns(write), date_modified_gmt: nowGmt })
      .where("id", "=", id)
      .execute(),
  );
  appendChange(trx, "customers", id);
}

export async function deleteCustomer(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("customers").where("id", "=", id).execute();
  appendChange(trx, "customers", id, true);
}

export function findCustomerRow(db: Db, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst();
}

function toColumns(write: CustomerWrite) {
  return {
    email: write.email,
    username: write.username,
    first_name: write.firstName,
    last_name: write.lastName,
    billing: JSON.stringify(write.billing),
    shipping: JSON.stringify(write.shipping),
    meta_data: JSON.stringify(write.metaData.map((meta, index) => ({ id: index + 1, ...meta }))),
    search_text: [
      write.email,
      write.firstName,
      write.lastName,
      write.username,
      write.billing.phone,
      write.billing.company,
      write.billing.city,
    ]
      .join(" ")
      .toLowerCase(),
  };
}

async function assertUnique(trx: Db, write: CustomerWrite, ownId: number): Promise<void> {
  const sameEmail = await trx
    .selectFrom("customers")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", write.email.toLowerCase()))
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (sameEmail !== undefined) throw emailExistsError(write.email);
  const sameUsername = await trx
    .selectFrom("customers")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", write.username.toLowerCase()))
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (sameUsername !== undefined) throw usernameExistsError();
}

/**
 * Runs a customer write and turns a unique violation into WooCommerce's error. The violation
 * happens when a concurrent request stored the same email or username after `assertUnique` ran.
 */
async function mapUniqueViolation<T>(write: CustomerWrite, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, ["customers_email_key", "customers.email", customerEmailIndex])) {
      throw emailExistsError(write.email);
    }
    const usernameNames = ["customers_username_key", "customers.username", customerUsernameIndex];
    if (isUniqueViolation(error, usernameNames)) throw usernameExistsError();
    throw error;
  }
}

function emailExistsError(email: string): WooError {
  return new WooError(
    400,
    "registration-error-email-exists",
    `An account is already registered with ${email}. Please log in or use a different email address.`,
  );
}

function usernameExistsError(): WooError {
  return new WooError(
    400,
    "registration-error-username-exists",
    "An account is already registered with that username. Please choose another.",
  );
}
