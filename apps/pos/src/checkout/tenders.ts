import { tillTenderMethods } from "@pos/core";
import type { PosStore } from "@pos/woo";
import type { OrderTender } from "../db/stored-order.js";

/** The ways a cashier can take payment, with the method id and title sent to the store. */
export const tenderMethods = tillTenderMethods;

export type TenderKind = keyof typeof tenderMethods;

/** A tender as the cashier entered it, before change is worked out. */
export interface TenderInput {
  kind: TenderKind;
  amountMinor: number;
  /** The card terminal's slip number; required for card tenders. */
  reference: string | null;
}

/** Raised when the tenders do not pay the order. The message names what to change. */
export class TenderError extends Error {
  override name = "TenderError";
}

/** Returns how much is still to pay after `inputs` (0 when paid, never negative). */
export function remainingMinor(totalMinor: number, inputs: readonly TenderInput[]): number {
  const paid = inputs.reduce((sum, input) => sum + input.amountMinor, 0);
  return Math.max(0, totalMinor - paid);
}

/**
 * Checks the tenders against the total and returns them as stored on the order. Only cash can
 * exceed what is due, and the excess is the change on the last cash tender; a card or other
 * tender above what is still due is rejected, because no terminal hands back change.
 */
export function settleTenders(totalMinor: number, inputs: readonly TenderInput[]): OrderTender[] {
  for (const input of inputs) checkTender(input);

  const paidMinor = inputs.reduce((sum, input) => sum + input.amountMinor, 0);
  if (paidMinor < totalMinor) {
    throw new TenderError(
      `the tenders cover ${paidMinor} of ${totalMinor} minor units: take the remaining ` +
        `${totalMinor - paidMinor}`,
    );
  }
  const changeMinor = paidMinor - totalMinor;
  const nonCashMinor = inputs
    .filter((input) => input.kind !== "cash")
    .reduce((sum, input) => sum + input.amountMinor, 0);
  if (nonCashMinor > totalMinor || (changeMinor > 0 && !inputs.some((i) => i.kind === "cash"))) {
    throw new TenderError(
      "card and other tenders cannot exceed the amount due, because they give no change: " +
        "lower the amount",
    );
  }
  const lastCash = inputs.findLastIndex((input) => input.kind === "cash");
  return inputs.map((input, index) => ({
    method: tenderMethods[input.kind].method,
    title: tenderMethods[input.kind].title,
    amountMinor: input.amountMinor,
    changeMinor: index === lastCash ? changeMinor : 0,
    reference: input.reference,
  }));
}

/** Returns the tender that paid the most (net of change); the order's `payment_method`. */
export function primaryTender(tenders: readonly OrderTender[]): OrderTender | null {
  let primary: OrderTender | null = null;
  for (const tender of tenders) {
    const net = tender.amountMinor - tender.changeMinor;
    if (!primary || net > primary.amountMinor - primary.changeMinor) primary = tender;
  }
  return primary;
}

/**
 * Tells whether a sale with these tenders may complete without the store: only cash and
 * external card, each as far as the store's `offline_sales` setting allows.
 */
export function offlineSaleAllowed(store: PosStore, kinds: readonly TenderKind[]): boolean {
  return kinds.every((kind) => {
    if (kind === "cash") return store.offline_sales.cash;
    if (kind === "card") return store.offline_sales.external_card;
    return false;
  });
}

function checkTender(input: TenderInput): void {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new TenderError(
      `tender amount ${input.amountMinor} is invalid: enter an amount above 0, or remove it`,
    );
  }
  if (input.kind === "card" && !input.reference?.trim()) {
    throw new TenderError("the card tender has no reference: enter the slip number");
  }
}
