import { useSyncExternalStore } from "react";
import type { ConnectivityState } from "@pos/sync";
import { useTill } from "./till-context.js";

export function useConnectivity(): ConnectivityState {
  const { connectivity } = useTill();
  return useSyncExternalStore(
    (listener) => connectivity.subscribe(listener),
    () => connectivity.state,
  );
}
