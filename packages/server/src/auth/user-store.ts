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
  assertValidUsername(user.username);
  if (hasControlCharacter(user.displayName) || user.displayName.length > 250) {
    throw new Error(
      `display name "${user.displayName.slice(0, 80)}" is invalid: use at most 250 characters ` +
        "and no control characters",
    );
  }
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

/**
 * Rejects a username WordPress's strict `sanitize_user` would change: 1 to 60 characters
 * (the length of `wp_users.user_login`) of letters, digits, space, `_`, `.`, `@` and `-`,
 * with no space at either end.
 */
function assertValidUsername(username: string): void {
  if (!/^[A-Za-z0-9_.@-](?:[A-Za-z0-9 _.@-]{0,58}[A-Za-z0-9_.@-])?$/.test(username)) {
    throw new Error(
      `username "${username.slice(0, 80)}" is invalid: use 1 to 60 letters, digits, spaces, ` +
        "_ . @ or -, with no space at either end",
    );
  }
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}

export function findUserByUsername(
  db: Kysely<DatabaseSchema>,
  username: string,
): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}
