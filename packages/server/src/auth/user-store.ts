import type { Kysely, Selectable } from "kysely";
import type { DatabaseSchema, UsersTable } from "../db/database-schema.js";
import type { Role } from "./capabilities.js";
import { hashPassword } from "./passwords.js";

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Creates a staff user; throws when the username is taken. */
export async function createUser(
  db: Kysely<DatabaseSchema>,
  user: NewUser,
  nowGmt: string,
): Promise<UserRow> {
  if (user.password.length < 8) {
    throw new Error(`password for "${user.username}" is too short: use at least 8 characters`);
  }
  const existing = await findUserByUsername(db, user.username);
  if (existing !== undefined) {
    throw new Error(`user "${user.username}" already exists; pick another username`);
  }
  return db
    .insertInto("users")
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: await hashPassword(user.password),
      date_created_gmt: nowGmt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByUsername(
  db: Kysely<DatabaseSchema>,
  username: string,
): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}
