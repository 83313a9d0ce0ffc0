import { toMoney } from "@pos/core";
import { sessionRejectedStatuses, type OutboxRecord } from "@pos/sync";
import { displayMoney } from "../money/display-money.js";
import type { PosStore } from "@pos/woo";
import { outboxRecordButtonName, outboxRecordLabel } from "./outbox-record-label.js";
import { isCouponRejectedSale } from "./resend-without-coupons.js";
import type { OutboxRecordDetails } from "./use-outbox-record-details.js";

export interface OutboxRecordListProps {
  records: readonly OutboxRecord[];
  details: OutboxRecordDetails;
  store: Pick<
    PosStore,
    "currency_symbol" | "decimals" | "decimal_separator" | "thousand_separator"
  >;
  /** Whether the person at the till may discard records. */
  isManager: boolean;
  onResend: (id: string) => void;
  onResendWithoutCoupon: (id: string) => void;
  onDiscard: (id: string) => void;
}

/** Lists unsent outbox records, each named for what it sends, with its state and actions. */
export function OutboxRecordList(props: OutboxRecordListProps) {
  const { records, details, store, isManager } = props;
  return (
    <ul className="outbox-records">
      {records.map((record) => {
        const title = outboxRecordLabel(record, details);
        const label = outboxRecordButtonName(record, details);
        const totalMinor = details.saleTotalsMinor.get(record.id);
        return (
          <li key={record.id} className={`outbox-${record.state}`}>
            <span className="outbox-receipt">{title}</span>
            <span>{totalMinor === undefined ? "" : displayMoney(toMoney(totalMinor), store)}</span>
            <span>{describeState(record)}</span>
            {record.state === "parked" && (
              <button type="button" onClick={() => props.onResend(record.id)}>
                Resend {label}
              </button>
            )}
            {isCouponRejectedSale(record) && (
              <button type="button" onClick={() => props.onResendWithoutCoupon(record.id)}>
                Resend without coupon {label}
              </button>
            )}
            {isManager && record.state !== "sending" && (
              <button type="button" onClick={() => props.onDiscard(record.id)}>
                Discard {label}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function describeState(record: OutboxRecord): string {
  if (record.state === "sending") return "Sending…";
  if (isCouponRejectedSale(record)) {
    return (
      `Rejected: ${record.lastError ?? "no reason given"}. The customer has paid: a manager ` +
      "can resend it without the coupon at the price paid."
    );
  }
  if (record.state === "parked") return `Rejected: ${record.lastError ?? "no reason given"}`;
  if (record.lastErrorStatus !== undefined && sessionRejectedStatuses.has(record.lastErrorStatus)) {
    return (
      "Waiting for a login: the store rejected this register's session. It is sent once " +
      `someone logs in again on this register (${record.lastError ?? "no reason given"}).`
    );
  }
  if (record.attempts === 0) return "Waiting to be sent";
  return `Waiting to retry (${record.attempts} attempts; ${record.lastError ?? "no answer"})`;
}
