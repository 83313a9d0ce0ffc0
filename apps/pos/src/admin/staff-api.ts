import type { WooClient } from "@pos/woo";
import { z } from "zod";

export const deviceSessionSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.number().int(), username: z.string(), display_name: z.string() }),
  register: z.string().nullable(),
  /** The readable name the till sent at login; absent from stores before it, null for none. */
  register_name: z.string().nullable().optional(),
  device: z.string(),
  created_gmt: z.string(),
  last_used_gmt: z.string(),
  expires_at: z.string(),
  revoked_gmt: z.string().nullable(),
});

export type DeviceSession = z.infer<typeof deviceSessionSchema>;

/**
 * Names a session's register as the seats message does: its readable name, else its id, else
 * "no register" for an API client.
 */
export function registerLabel(session: Pick<DeviceSession, "register" | "register_name">): string {
  return session.register_name || session.register || "no register";
}

/** Lists the open sessions (signed-in devices) of every staff user; manager only. */
export async function listDeviceSessions(client: WooClient): Promise<DeviceSession[]> {
  const response = await client.request({
    route: "pos/v1/sessions",
    schema: z.object({ sessions: z.array(deviceSessionSchema) }),
  });
  return response.data.sessions;
}

/** Revokes a session: its device is logged out the next time it reaches the store. */
export async function revokeDeviceSession(client: WooClient, id: string): Promise<void> {
  await client.request({
    method: "DELETE",
    route: `pos/v1/sessions/${encodeURIComponent(id)}`,
    schema: z.object({ id: z.string(), revoked: z.literal(true) }),
  });
}

/** Sets a user's 4 to 8 digit PIN on the store server, which also clears their lockout. */
export async function setStaffPin(client: WooClient, userId: number, pin: string): Promise<void> {
  await client.request({
    method: "PUT",
    route: `pos/v1/users/${userId}/pin`,
    body: { pin },
    schema: z.object({ user_id: z.number(), pin_set: z.literal(true) }),
  });
}

/** Clears a user's PIN lockout on the store server; devices drop theirs at their next sync. */
export async function unlockStaffPin(client: WooClient, userId: number): Promise<void> {
  await client.request({
    method: "POST",
    route: `pos/v1/users/${userId}/pin/unlock`,
    schema: z.object({ user_id: z.number(), locked: z.literal(false) }),
  });
}
