import { useEffect, useState, type FormEvent } from "react";
import { computeExpectedCash, computeZReport, type Money, type TillSession } from "@pos/core";
import type { OutboxStatus } from "@pos/sync";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useRegisterId } from "../orders/use-register-id.js";
import { useTill } from "../till/till-context.js";
import { tillSessionServicesOf } from "./till-session-services.js";
import { useDeviceReportOrders } from "./use-session-orders.js";
import { ZReportView } from "./ZReportView.js";
import { formatStoreDateTime } from "../time/store-time.js";

/** Opens, runs and closes this register's till session, and shows Z reports. Works offline. */
export function TillSessionScreen() {
  const till = useTill();
  const { store: sessions, outbox } = tillSessionServicesOf(till);
  const registerId = useRegisterId();
  const storeSettings = till.session.store;
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<TillSession | null>(null);
  const [history, setHistory] = useState<TillSession[]>([]);
  const [shown, setShown] = useState<TillSession | null>(null);
  const [upload, setUpload] = useState<OutboxStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { orders, error: ordersError } = useDeviceReportOrders(registerId, version);
  const money = (amount: Money) => displayMoney(amount, storeSettings);
  const typed = (text: string) => parseTypedMoney(text, storeSettings);

  useEffect(() => {
    if (registerId === null) return;
    void sessions.openSession(registerId).then(setOpen);
    void sessions.list(registerId).then(setHistory);
  }, [sessions, registerId, version]);
  useEffect(() => outbox.subscribe(setUpload), [outbox]);

  const act = async (step: () => Promise<TillSession>) => {
    setError(null);
    try {
      const session = await step();
      if (session.closedAtGmt !== null) setShown(session);
      setVersion((value) => value + 1);
    } catch (stepError) {
      setError((stepError as Error).message);
    }
  };
  const cashierId = till.session.user.id;

  return (
    <main className="till-session-screen" aria-label="Till session">
      <p className="no-print">
        Register {registerId ?? "…"}
        {upload && upload.pending + upload.sending + upload.parked > 0
          ? ` · ${upload.pending + upload.sending} session changes waiting to upload` +
            (upload.parked > 0 ? `, ${upload.parked} rejected by the store` : "")
          : " · all session changes uploaded"}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {ordersError && <p role="alert">{ordersError}</p>}
      {registerId !== null && !open && (
        <OpenSessionForm
          onOpen={(text) =>
            act(async () =>
              sessions.open({
                registerId,
                cashierId,
                currency: { code: storeSettings.currency, decimals: storeSettings.decimals },
                openingFloat: typed(text),
              }),
            )
          }
        />
      )}
      {open && (
        <OpenSession
          session={open}
          expected={computeExpectedCash(open, orders).expected}
          money={money}
          timeZone={storeSettings.timezone}
          onMove={(kind, amountText, reason) =>
            act(async () => {
              const amount = typed(amountText);
              const inDrawer = computeExpectedCash(open, orders).expected;
              if (kind === "out" && amount > inDrawer) {
                // The drawer cannot give out more than it holds: a typo here would make the
                // expected cash negative and every later count look short.
                throw new Error(
                  `Cash out ${money(amount)} is more than the ${money(inDrawer)} expected in ` +
                    "the drawer: check the amount.",
                );
              }
              return sessions.recordMovement(open.id, { kind, amount, reason, cashierId });
            })
          }
          onClose={(countedText) => act(async () => sessions.close(open.id, typed(countedText)))}
        />
      )}
      {shown && (
        <ZReportView
          report={computeZReport(shown, orders)}
          formatMoney={money}
          timeZone={storeSettings.timezone}
        />
      )}
      <section className="no-print" aria-label="Closed sessions">
        <h2>Closed sessions</h2>
        <ul>
          {history
            .filter((session) => session.closedAtGmt !== null)
            .map((session) => (
              <li key={session.id}>
                {formatStoreDateTime(session.openedAtGmt, storeSettings.timezone)} to{" "}
                {formatStoreDateTime(session.closedAtGmt!, storeSettings.timezone)}{" "}
                <button type="button" onClick={() => setShown(session)}>
                  Z report
                </button>
              </li>
            ))}
        </ul>
      </section>
    </main>
  );
}

function OpenSessionForm({ onOpen }: { onOpen: (floatText: string) => Promise<void> }) {
  const [floatText, setFloatText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onOpen(floatText);
  };
  return (
    <form aria-label="Open session" onSubmit={submit}>
      <label>
        Opening float
        <input
          inputMode="decimal"
          value={floatText}
          onChange={(e) => setFloatText(e.target.value)}
        />
      </label>
      <button type="submit">Open session</button>
    </form>
  );
}

interface OpenSessionProps {
  session: TillSession;
  expected: Money;
  money: (amount: Money) => string;
  timeZone: string;
  onMove: (kind: "in" | "out", amountText: string, reason: string) => Promise<void>;
  onClose: (countedText: string) => Promise<void>;
}

function OpenSession({ session, expected, money, timeZone, onMove, onClose }: OpenSessionProps) {
  const [kind, setKind] = useState<"in" | "out">("in");
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [countedText, setCountedText] = useState("");
  return (
    <section aria-label="Open session">
      <p>
        Open since {formatStoreDateTime(session.openedAtGmt, timeZone)} with a float of{" "}
        {money(session.openingFloat)}.
      </p>
      <p aria-label="Expected cash">Expected cash in the drawer: {money(expected)}</p>
      <form
        aria-label="Cash movement"
        onSubmit={(event) => {
          event.preventDefault();
          void onMove(kind, amountText, reason).then(() => {
            setAmountText("");
            setReason("");
          });
        }}
      >
        <label>
          Movement
          <select value={kind} onChange={(event) => setKind(event.target.value as "in" | "out")}>
            <option value="in">Cash in</option>
            <option value="out">Cash out</option>
          </select>
        </label>
        <label>
          Movement amount
          <input
            inputMode="decimal"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
          />
        </label>
        <label>
          Movement reason
          <input value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button type="submit">Record movement</button>
      </form>
      <ul aria-label="Cash movements">
        {session.movements.map((movement, index) => (
          <li key={index}>
            {movement.kind === "in" ? "Cash in" : "Cash out"} {money(movement.amount)}:{" "}
            {movement.reason}
          </li>
        ))}
      </ul>
      <form
        aria-label="Close session"
        onSubmit={(event) => {
          event.preventDefault();
          void onClose(countedText);
        }}
      >
        <label>
          Counted cash
          <input
            inputMode="decimal"
            value={countedText}
            onChange={(e) => setCountedText(e.target.value)}
          />
        </label>
        <button type="submit">Close session</button>
      </form>
    </section>
  );
}
