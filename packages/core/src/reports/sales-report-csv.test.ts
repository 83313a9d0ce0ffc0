import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { computeSalesReport } from "./compute-sales-report.js";
import { escapeCsvField, toCsv } from "./csv-field.js";
import { cash, line, order, sampleOrders } from "./report-test-orders.js";
import { salesReportToCsv } from "./sales-report-csv.js";

describe("escapeCsvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ["-5.00", "-5.00"],
    ["1799", "1799"],
    ["", ""],
  ])("escapes %j", (value, expected) => {
    expect(escapeCsvField(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("ends every row with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c,d", "e"],
      ]),
    ).toBe('a,b\r\n"c,d",e\r\n');
  });
});

describe("salesReportToCsv", () => {
  const report = computeSalesReport(sampleOrders, {
    from: "2026-03-10",
    to: "2026-03-10",
    timeZone: "Europe/London",
  });
  const rows = salesReportToCsv(report).split("\r\n");

  it("writes the header and summary", () => {
    expect(rows[0]).toBe("section,key,label,count,amount,tax");
    expect(rows).toContain("summary,currency,USD,,,");
    expect(rows).toContain("summary,orders,Orders,6,,");
    expect(rows).toContain("summary,gross_sales,Gross sales,,204.19,");
    expect(rows).toContain("summary,net_sales,Net sales,,190.00,");
    expect(rows).toContain("summary,tax,Tax,,,14.19");
    expect(rows).toContain("summary,average_order_value,Average order value,,34.03,");
  });

  it("writes tax, discounts, payments and refunds", () => {
    expect(rows).toContain("tax,1,CA State Tax 7.25%,6,,13.79");
    expect(rows).toContain("discount,cart_discounts,Cart discounts,1,5.00,0.36");
    expect(rows).toContain("payment,pos_cash,Cash,3,78.14,");
    expect(rows).toContain("change,pos_cash,Cash,,6.86,");
    expect(rows).toContain("refund,refunds,Refunds,2,26.65,1.65");
    expect(rows).toContain("refund_method,pos_card,Card,1,21.65,");
  });

  it("writes day and hour rows", () => {
    expect(rows).toContain("day,2026-03-10,24 hours,6,204.19,14.19");
    expect(rows).toContain("hour,09,,2,53.09,");
    expect(rows.filter((row) => row.startsWith("hour,"))).toHaveLength(24);
  });

  it("gives every row six fields", () => {
    const plainRows = rows.filter((row) => row !== "" && !row.includes('"'));
    for (const row of plainRows) expect(row.split(",")).toHaveLength(6);
  });

  it("quotes and guards hostile titles", () => {
    const hostile = order({
      number: "4001",
      dateCreatedGmt: "2026-03-10T10:00:00",
      total: toMoney(100),
      lineItems: [line(1, 100, 0)],
      tenders: [{ ...cash(100), methodId: "=cmd|' /C calc'!A0", methodTitle: 'Cash, "big"' }],
    });
    const csv = salesReportToCsv(
      computeSalesReport([hostile], {
        from: "2026-03-10",
        to: "2026-03-10",
        timeZone: "Europe/London",
      }),
    );
    expect(csv).toContain(`payment,'=cmd|' /C calc'!A0,"Cash, ""big""",1,1.00,`);
  });

  it("formats with the currency's decimals", () => {
    const yen = order({
      number: "4002",
      currency: "JPY",
      decimals: 0,
      dateCreatedGmt: "2026-03-10T10:00:00",
      total: toMoney(1799),
      lineItems: [line(1, 1799, 0)],
      tenders: [cash(2000, 201)],
    });
    const csv = salesReportToCsv(
      computeSalesReport([yen], { from: "2026-03-10", to: "2026-03-10", timeZone: "Asia/Tokyo" }),
    );
    expect(csv).toContain("summary,gross_sales,Gross sales,,1799,");
    expect(csv).toContain("change,pos_cash,Cash,,201,");
  });
});
