import type { ConnectivityState } from "@pos/sync";
import { useConnectivity } from "./use-connectivity.js";

const labels: Record<ConnectivityState, string> = {
  online: "online",
  unstable: "unstable",
  offline: "offline",
};

/** Renders the connection dot: green, yellow or red for reachable, failing or slow, or no network. */
export function ConnectivityDot() {
  const state = useConnectivity();
  return (
    <span role="status" aria-label={`Connection: ${labels[state]}`} className="connectivity">
      <span className={`dot dot-${state}`} aria-hidden="true" />
      <span aria-hidden="true">{labels[state]}</span>
    </span>
  );
}
