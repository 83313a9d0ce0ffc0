import { useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import { readRegisterId } from "../till-sessions/register-id.js";

/** Returns this register's id once read from the sales database, or null until then. */
export function useRegisterId(): string | null {
  const { salesDb } = useTill();
  const [registerId, setRegisterId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readRegisterId(salesDb, () => crypto.randomUUID()).then((id) => {
      if (live) setRegisterId(id);
    });
    return () => {
      live = false;
    };
  }, [salesDb]);

  return registerId;
}
