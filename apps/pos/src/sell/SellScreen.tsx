import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Product, Variation } from "@pos/core";
import { lineFromCatalog } from "../cart/line-from-catalog.js";
import { totalOrder, type CartTotals } from "../cart/cart-totals.js";
import { useCurrentOrder } from "../cart/use-current-order.js";
import { offlineCheckoutMessage } from "../checkout/submit-order.js";
import type { StoredOrder } from "../db/stored-order.js";
import { findByCode } from "../scanner/find-by-code.js";
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
import { ScannerSettings } from "./ScannerSettings.js";
import { useTaxRates } from "./use-tax-rates.js";
import { VariationDialog } from "./VariationDialog.js";

type Notice = { kind: "alert" | "status"; text: string } | null;

/** Renders the sell screen: find and scan products, build the cart, check out, park and resume. */
export function SellScreen() {
  const { session, catalog, catalogWorker } = useTill();
  const [scanSettings, saveScanSettings] = useScanSettings();
  const current = useCurrentOrder();
  const taxRates = useTaxRates();
  const connectivity = useConnectivity();
  const [choosing, setChoosing] = useState<Product | null>(null);
  const [checkingOut, setCheckingOut] = useState(false);
  const [receipt, setReceipt] = useState<{ order: StoredOrder; totals: CartTotals } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const { order, dispatch } = current;
  const searchRef = useRef<HTMLInputElement>(null);

  const cart = useMemo(() => {
    if (!order) return { value: null, error: null };
    try {
      return { value: totalOrder(order, { store: session.store, taxRates }), error: null };
    } catch (failure) {
      return { value: null, error: failure instanceof Error ? failure.message : String(failure) };
    }
  }, [order, session.store, taxRates]);

  const addItem = useCallback(
    async (product: Product, variation: Variation | null) => {
      const added = await dispatch({
        type: "addLine",
        line: lineFromCatalog(product, variation, session.store),
      });
      if (added) setNotice({ kind: "status", text: `Added ${product.name}.` });
    },
    [dispatch, session.store],
  );

  const addByCode = useCallback(
    async (code: string): Promise<boolean> => {
      const match = await findByCode(catalog, code);
      if (match.kind === "notFound") {
        const syncing = !isCatalogComplete(catalogWorker.getStatus());
        const hint = syncing ? " The catalogue is still syncing: try again when it is done." : "";
        setNotice({ kind: "alert", text: match.message + hint });
        return false;
      }
      setReceipt(null);
      if (match.kind === "variation") await addItem(match.parent, match.variation);
      else if (match.product.type === "variable") setChoosing(match.product);
      else await addItem(match.product, null);
      return true;
    },
    [catalog, catalogWorker, addItem],
  );

  // A scan means nothing inside the checkout or options dialog, and fast typing of an amount
  // there must reach its field.
  useScanner(scanSettings, !checkingOut && !choosing, (code) => void addByCode(code));

  const pick = (tile: CatalogTile) => {
    setReceipt(null);
    if (tile.kind === "variation") void addItem(tile.parent, tile.variation);
    else if (tile.product.type === "variable") setChoosing(tile.product);
    else if (tile.product.type === "grouped") {
      setNotice({ kind: "alert", text: `${tile.product.name} is a group: add its products.` });
    } else void addItem(tile.product, null);
  };

  const checkout = useCallback(() => {
    if (connectivity === "offline") {
      setNotice({ kind: "alert", text: offlineCheckoutMessage });
      return;
    }
    setNotice(null);
    setCheckingOut(true);
  }, [connectivity]);

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
        <ScannerSettings settings={scanSettings} onSave={saveScanSettings} />
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
