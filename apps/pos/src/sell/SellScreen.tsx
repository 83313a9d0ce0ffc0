import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Product, Variation } from "@pos/core";
import { lineFromCatalog } from "../cart/line-from-catalog.js";
import { totalOrder, type CartTotals } from "../cart/cart-totals.js";
import { useCurrentOrder } from "../cart/use-current-order.js";
import { useOrderCoupons } from "../cart/use-order-coupons.js";
import { offlineCheckoutMessage } from "../checkout/submit-order.js";
import { offlineSaleAllowed } from "../checkout/tenders.js";
import type { StoredOrder } from "../db/stored-order.js";
import { loadDefaultCustomer } from "../customers/default-customer.js";
import type { ScaledValue } from "../scanner/find-by-code.js";
import { cleanScannedCode } from "../scanner/scan-detector.js";
import { scaledLine } from "../scanner/scaled-line.js";
import { useScanSettings } from "../scanner/use-scan-settings.js";
import { useScanner } from "../scanner/use-scanner.js";
import type { CatalogTile } from "../search/use-catalog-search.js";
import { useTill } from "../till/till-context.js";
import { isCatalogComplete } from "../worker/catalog-worker-client.js";
import { UpdatePrompt } from "../till/UpdatePrompt.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { CartPanel } from "./CartPanel.js";
import { CheckoutDialog } from "./CheckoutDialog.js";
import { ProductGrid } from "./ProductGrid.js";
import { ReceiptView } from "./ReceiptView.js";
import { ScannerSettings, type TestScan } from "./ScannerSettings.js";
import { useTaxRates } from "./use-tax-rates.js";
import { VariationDialog } from "./VariationDialog.js";

type Notice = { kind: "alert" | "status"; text: string } | null;

/** Renders the sell screen: find and scan products, build the cart, check out, park and resume. */
export function SellScreen() {
  const { session, catalogWorker, salesDb } = useTill();
  const [scanSettings, saveScanSettings] = useScanSettings();
  const current = useCurrentOrder();
  const taxRates = useTaxRates();
  const connectivity = useConnectivity();
  const [choosing, setChoosing] = useState<Product | null>(null);
  const [checkingOut, setCheckingOut] = useState(false);
  const [receipt, setReceipt] = useState<{ order: StoredOrder; totals: CartTotals } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [testingScanner, setTestingScanner] = useState(false);
  const [lastTestScan, setLastTestScan] = useState<TestScan | null>(null);
  /** Scans are handled one after another, so two quick scans never race to start an order. */
  const scanQueue = useRef<Promise<unknown>>(Promise.resolve());
  const { order, dispatch } = current;
  const orderCoupons = useOrderCoupons(order);
  const searchRef = useRef<HTMLInputElement>(null);
  useDefaultCustomerOnNewOrders(order, dispatch, salesDb);

  const cart = useMemo(() => {
    if (!order) return { value: null, error: null };
    try {
      const context = { store: session.store, taxRates, coupons: orderCoupons };
      return { value: totalOrder(order, context), error: null };
    } catch (failure) {
      return { value: null, error: failure instanceof Error ? failure.message : String(failure) };
    }
  }, [order, session.store, taxRates, orderCoupons]);

  const addItem = useCallback(
    async (product: Product, variation: Variation | null, scaled?: ScaledValue) => {
      const line = lineFromCatalog(product, variation, session.store);
      const added = await dispatch({
        type: "addLine",
        line: scaled ? scaledLine(line, scaled) : line,
      });
      if (added) setNotice({ kind: "status", text: `Added ${product.name}.` });
    },
    [dispatch, session.store],
  );

  const addByCode = useCallback(
    async (typed: string): Promise<boolean> => {
      // A scan that reached the search box after a stall on a busy page arrives here as typing
      // ended by Enter, so it is cleaned as a scan would be.
      const code = cleanScannedCode(typed, scanSettings);
      const match = await catalogWorker.findCode(code, scanSettings);
      if (match.kind === "notFound") {
        const syncing = !isCatalogComplete(catalogWorker.getStatus());
        const hint = syncing ? " The catalogue is still syncing: try again when it is done." : "";
        setNotice({ kind: "alert", text: match.message + hint });
        return false;
      }
      setReceipt(null);
      if (match.kind === "variation") await addItem(match.parent, match.variation, match.scaled);
      else if (match.product.type === "variable") setChoosing(match.product);
      else await addItem(match.product, null, match.scaled);
      return true;
    },
    [catalogWorker, addItem, scanSettings],
  );

  const onScan = (code: string, raw: string) => {
    if (testingScanner) {
      setLastTestScan({ code, raw });
      return;
    }
    const next = scanQueue.current.then(() => addByCode(code));
    scanQueue.current = next.catch(() => undefined);
  };

  // A scan means nothing inside the checkout or options dialog, and fast typing of an amount
  // there must reach its field.
  useScanner(scanSettings, !checkingOut && !choosing, onScan);

  const pick = (tile: CatalogTile) => {
    setReceipt(null);
    if (tile.kind === "variation") void addItem(tile.parent, tile.variation);
    else if (tile.product.type === "variable") setChoosing(tile.product);
    else if (tile.product.type === "grouped") {
      setNotice({ kind: "alert", text: `${tile.product.name} is a group: add its products.` });
    } else void addItem(tile.product, null);
  };

  const checkout = useCallback(() => {
    const anyOffline =
      offlineSaleAllowed(session.store, ["cash"]) || offlineSaleAllowed(session.store, ["card"]);
    if (connectivity === "offline" && !anyOffline) {
      setNotice({ kind: "alert", text: offlineCheckoutMessage });
      return;
    }
    setNotice(null);
    setCheckingOut(true);
  }, [connectivity, session.store]);

  const canCheckOut = (order?.lines.length ?? 0) > 0 && cart.value !== null;
  useShortcuts({
    F2: () => searchRef.current?.focus(),
    F9: () => {
      if (canCheckOut && !checkingOut) checkout();
    },
  });

  // The offline refusal no longer applies once the connection is back.
  const shownNotice =
    notice?.text === offlineCheckoutMessage && connectivity !== "offline" ? null : notice;

  return (
    <main className="sell">
      <ProductGrid searchRef={searchRef} onPick={pick} onSubmitCode={addByCode} />
      <div className="sale">
        <UpdatePrompt saleInProgress={(order?.lines.length ?? 0) > 0 || checkingOut} />
        {shownNotice && (
          <p role={shownNotice.kind} className={shownNotice.kind === "alert" ? "error" : "notice"}>
            {shownNotice.text}
          </p>
        )}
        {current.error && (
          <p role="alert" className="error">
            {current.error}
          </p>
        )}
        {receipt ? (
          <ReceiptView
            order={receipt.order}
            totals={receipt.totals.totals}
            onNewSale={() => setReceipt(null)}
          />
        ) : (
          <CartPanel
            current={current}
            cart={cart.value}
            totalsError={cart.error}
            onCheckout={checkout}
          />
        )}
        <ScannerSettings
          settings={scanSettings}
          onSave={saveScanSettings}
          testing={testingScanner}
          onTestingChange={(testing) => {
            setTestingScanner(testing);
            setLastTestScan(null);
          }}
          lastTestScan={lastTestScan}
        />
      </div>
      {choosing && (
        <VariationDialog
          product={choosing}
          onAdd={(variation) => void addItem(choosing, variation)}
          onClose={() => setChoosing(null)}
        />
      )}
      {checkingOut && order && cart.value && (
        <CheckoutDialog
          order={order}
          cart={cart.value}
          onClose={() => setCheckingOut(false)}
          onCompleted={(completed) => {
            const totals = cart.value;
            setCheckingOut(false);
            if (totals) setReceipt({ order: completed, totals });
            setNotice(null);
            void current.startNew();
          }}
        />
      )}
    </main>
  );
}

/**
 * Attaches the register's default customer to each order the first time the screen shows it,
 * unless it has a customer or more than the line that started it; detaching sticks.
 */
function useDefaultCustomerOnNewOrders(
  order: StoredOrder | null,
  dispatch: ReturnType<typeof useCurrentOrder>["dispatch"],
  salesDb: ReturnType<typeof useTill>["salesDb"],
): void {
  const seen = useRef(new Set<string>());
  useEffect(() => {
    if (!order || seen.current.has(order.clientUuid)) return;
    seen.current.add(order.clientUuid);
    if (order.customer || order.lines.length > 1) return;
    void loadDefaultCustomer(salesDb).then((customer) => {
      if (customer) void dispatch({ type: "setCustomer", customer });
    });
  }, [order, dispatch, salesDb]);
}

/** Function keys for the sell screen; they work wherever the focus is. */
function useShortcuts(handlers: Record<string, () => void>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const handler = latest.current[event.key];
      if (!handler || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
