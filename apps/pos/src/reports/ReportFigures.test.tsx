import { computeSalesReport, formatMoney, toMoney, type Money } from "@pos/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportFigures } from "./ReportFigures.js";

const report = computeSalesReport(
  [
    {
      number: "1001",
      status: "completed",
      dateCreatedGmt: "2026-12-04T10:00:00Z",
      currency: "GBP",
      decimals: 2,
      total: toMoney(1800),
      totalTax: toMoney(0),
      discountTotal: toMoney(0),
      discountTax: toMoney(0),
      shippingTotal: toMoney(0),
      lineItems: [],
      feeLines: [],
      taxLines: [],
      tenders: [
        { methodId: "pos_cash", methodTitle: "Cash", amount: toMoney(1800), change: toMoney(0) },
      ],
      refunds: [
        {
          amount: toMoney(500),
          tax: toMoney(0),
          items: [],
          methodId: "pos_cash",
          methodTitle: "Cash",
          dateCreatedGmt: "2026-12-04T11:00:00Z",
        },
      ],
    },
  ],
  { from: "2026-12-04", to: "2026-12-04", timeZone: "Europe/London" },
);

const html = renderToStaticMarkup(
  <ReportFigures report={report} formatMoney={(amount: Money) => formatMoney(amount, 2)} />,
);

describe("ReportFigures", () => {
  it("gives every table a caption", () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    const captions = tables.map(
      (table) => /^<table[^>]*><caption>([^<]+)<\/caption>/.exec(table)?.[1],
    );

    expect(tables).toHaveLength(6);
    expect(captions).toEqual([
      "Summary",
      "Tax by rate",
      "Discounts",
      "Payments",
      "Refunds by method",
      "Days",
    ]);
  });

  it("heads the refunds columns", () => {
    const refunds = /<caption>Refunds by method<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1];

    expect(refunds).toContain("<thead><tr><th>Method</th><th>Refunds</th><th>Amount</th></tr>");
    expect(refunds).toContain('<th scope="row">Cash</th><td>1</td><td>5.00</td>');
  });
});
