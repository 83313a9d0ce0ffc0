import { createHash, randomInt, randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import {
  withApplicationPasswordTable,
  type ApplicationPasswordsTable,
} from "./application-password-schema.js";
import type { UserRow } from "./user-store.js";

export type ApplicationPasswordRow = Selectable<ApplicationPasswordsTable>;

/** Length of a generated password, as WordPress 5.6+ makes them (`PW_LENGTH`). */
export const applicationPasswordLength = 24;
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const maxNameLength = 200;

/** A failed create, with WordPress's error code; the route sends it as a 4xx. */
export class ApplicationPasswordError extends Error {
  constructor(
    readonly code:
      | "application_password_empty_name"
      | "application_password_duplicate_name"
      | "rest_invalid_param",
    readonly status: 400 | 409,
    message: string,
  ) {
    super(message);
    this.name = "ApplicationPasswordError";
  }
}

/**
 * Creates an application password for `userId` and returns its row and the password itself,
 * which is not stored and cannot be shown again. Names are unique per user, as WordPress
 * requires them.
 */
export async function createApplicationPassword(
  db: Kysely<DatabaseSchema>,
  input: { userId: number; name: string; appId?: string },
  nowGmt: string,
): Promise<{ password: string; row: ApplicationPasswordRow }> {
  const name = checkName(input.name);
  const passwords = withApplicationPasswordTable(db);
  const duplicate = await passwords
    .selectFrom("application_passwords")
    .select("uuid")
    .where("user_id", "=", input.userId)
    .where("name", "=", name)
    .executeTakeFirst();
  if (duplicate !== undefined) {
    throw new ApplicationPasswordError(
      "application_password_duplicate_name",
      409,
      `An application password named "${name}" already exists for this user: pick another name.`,
    );
  }

  const password = generatePassword();
  const row: ApplicationPasswordRow = {
    uuid: randomUUID(),
    user_id: input.userId,
    app_id: input.appId ?? "",
    name,
    password_hash: hashApplicationPassword(password),
    created_gmt: nowGmt,
    last_used_gmt: null,
    last_ip: null,
  };
  await passwords.insertInto("application_passwords").values(row).execute();
  return { password, row };
}

/** Lists a user's application passwords, oldest first. */
export function listApplicationPasswords(
  db: Kysely<DatabaseSchema>,
  userId: number,
): Promise<ApplicationPasswordRow[]> {
  return withApplicationPasswordTable(db)
    .selectFrom("application_passwords")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_gmt")
    .orderBy("uuid")
    .execute();
}

/** Deletes one application password of a user; returns false when it does not exist. */
export async function deleteApplicationPassword(
  db: Kysely<DatabaseSchema>,
  userId: number,
  uuid: string,
): Promise<boolean> {
  const result = await withApplicationPasswordTable(db)
    .deleteFrom("application_passwords")
    .where("user_id", "=", userId)
    .where("uuid", "=", uuid)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes every application password of a user and returns how many there were. */
export async function deleteAllApplicationPasswords(
  db: Kysely<DatabaseSchema>,
  userId: number,
): Promise<number> {
  const result = await withApplicationPasswordTable(db)
    .deleteFrom("application_passwords")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Finds the application password of `user` that matches `password`, and records its use
 * (`last_used_gmt`, `last_ip`). Characters other than letters and digits are dropped first,
 * as WordPress does, so the password works with or without the spaces it is shown with.
 */
export async function useApplicationPassword(
  db: Kysely<DatabaseSchema>,
  user: UserRow,
  password: string,
  use: { nowGmt: string; ip: string },
): Promise<ApplicationPasswordRow | undefined> {
  const passwords = withApplicationPasswordTable(db);
  const row = await passwords
    .selectFrom("application_passwords")
    .selectAll()
    .where("user_id", "=", user.id)
    .where("password_hash", "=", hashApplicationPassword(password))
    .executeTakeFirst();
  if (row === undefined) return undefined;

  await passwords
    .updateTable("application_passwords")
    .set({ last_used_gmt: use.nowGmt, last_ip: use.ip })
    .where("uuid", "=", row.uuid)
    .execute();
  return { ...row, last_used_gmt: use.nowGmt, last_ip: use.ip };
}

/** Splits a password into groups of four characters separated by spaces, as WordPress shows it. */
export function chunkApplicationPassword(password: string): string {
  return (password.match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * Hashes the letters and digits of a password with SHA-256. A slow password hash is not
 * needed, because a generated password carries about 143 bits of randomness (24 characters
 * from 62), which no offline guessing can cover. The stored hash is also the lookup key.
 */
export function hashApplicationPassword(password: string): string {
  const normalized = password.replace(/[^A-Za-z0-9]/g, "");
  return createHash("sha256").update(normalized).digest("hex");
}

function generatePassword(): string {
  let password = "";
  for (let i = 0; i < applicationPasswordLength; i++) {
    password += alphabet[randomInt(alphabet.length)];
  }
  return password;
}

/** Trims a name and rejects an empty or over-long one or one with control characters. */
function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") {
    throw new ApplicationPasswordError(
      "application_password_empty_name",
      400,
      "An application name is required to create an application password: pass a name.",
    );
  }
  if (trimmed.length > maxNameLength || hasControlCharacter(trimmed)) {
    throw new ApplicationPasswordError(
      "rest_invalid_param",
      400,
      `Application password name "${trimmed.slice(0, 80)}" is invalid: use at most ` +
        `${maxNameLength} characters and no control characters.`,
    );
  }
  return trimmed;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
