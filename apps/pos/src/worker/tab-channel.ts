import type { CatalogCollection } from "@pos/core";
import type { ResetOutcome, TabMessage } from "./worker-protocol.js";

/** How long a tab waits for the syncing tab to confirm a "clear and re-download". */
export const resetReplyTimeoutMs = 30_000;

/**
 * The catalogue workers' BroadcastChannel: one per catalogue database, so tabs of another
 * store or user never hear each other. A message never reaches the worker that posted it.
 */
export class TabChannel {
  private readonly channel: BroadcastChannel;
  private readonly waitingResets = new Map<string, (outcome: ResetOutcome) => void>();

  constructor(catalogDbName: string, receive: (message: TabMessage) => void) {
    this.channel = new BroadcastChannel(`pos-catalog-tabs:${catalogDbName}`);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (message.type === "resetResult") this.settleReset(message.requestId, message.outcome);
      else receive(message);
    };
  }

  post(message: TabMessage): void {
    this.channel.postMessage(message);
  }

  /**
   * Asks the syncing tab to clear a collection and download it again. Resolves with its
   * outcome, or with a failure when no tab replies within `resetReplyTimeoutMs`.
   */
  requestReset(collection: CatalogCollection): Promise<ResetOutcome> {
    const requestId = crypto.randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waitingResets.delete(requestId);
        resolve({
          ok: false,
          message:
            `no syncing tab confirmed clearing ${collection} within ` +
            `${resetReplyTimeoutMs / 1000} s; try again`,
        });
      }, resetReplyTimeoutMs);
      this.waitingResets.set(requestId, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      this.post({ type: "resetCollection", requestId, collection });
    });
  }

  close(): void {
    this.channel.close();
  }

  private settleReset(requestId: string, outcome: ResetOutcome): void {
    this.waitingResets.get(requestId)?.(outcome);
    this.waitingResets.delete(requestId);
  }
}
