import { takeoverLabel, type SeatRefusal } from "./seat-refusal.js";

interface SeatTakeoverProps {
  refusal: SeatRefusal;
  busy: boolean;
  onTakeOver: (handle: string) => void;
}

/**
 * Offers a manager or administrator, whose login the seat limit rejected, to sign out one of
 * the signed-in registers and log in here instead. That till keeps its unsent sales and is
 * logged out on its next contact with the store. A cashier is shown a message to ask a manager.
 */
export function SeatTakeover({ refusal, busy, onTakeOver }: SeatTakeoverProps) {
  if (!refusal.canReplace) {
    return (
      <p role="status" className="login-notice">
        Ask a manager or administrator to log in here: they can sign out a register so this device
        can use its seat.
      </p>
    );
  }
  return (
    <div className="seat-takeover">
      <p>
        Signing a register out logs it out on its next contact with the store. Its unsent sales stay
        on it until someone logs in there again.
      </p>
      {refusal.holders.map((holder) => (
        <button
          key={holder.handle}
          type="button"
          disabled={busy}
          onClick={() => onTakeOver(holder.handle)}
        >
          {takeoverLabel(holder)}
        </button>
      ))}
    </div>
  );
}
