import { useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import {
  listDeviceSessions,
  registerLabel,
  revokeDeviceSession,
  type DeviceSession,
} from "./staff-api.js";

/** Lists the signed-in devices of each user, with a button that revokes one. */
export function SessionsList({ onError }: { onError: (message: string) => void }) {
  const { client } = useTill();
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    listDeviceSessions(client).then(
      (loaded) => {
        if (live) setSessions(loaded);
      },
      (error: unknown) => onError(`The sessions could not be loaded: ${describe(error)}`),
    );
    return () => {
      live = false;
    };
  }, [client, onError, version]);

  const revoke = async (session: DeviceSession) => {
    try {
      await revokeDeviceSession(client, session.id);
      setVersion((current) => current + 1);
    } catch (error) {
      onError(`The session of ${session.user.display_name} was not revoked: ${describe(error)}`);
    }
  };

  if (sessions === null) return <p>Loading sessions…</p>;
  return (
    <table aria-label="Signed-in devices">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Register</th>
          <th scope="col">Device</th>
          <th scope="col">Last used (UTC)</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td>{session.user.display_name}</td>
            <td title={session.register ?? undefined}>{registerLabel(session)}</td>
            <td>{session.device || "unknown"}</td>
            <td>{session.last_used_gmt.replace("T", " ")}</td>
            <td>
              <button
                type="button"
                aria-label={`Revoke session of ${session.user.display_name} on ${registerLabel(session)}`}
                onClick={() => void revoke(session)}
              >
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
