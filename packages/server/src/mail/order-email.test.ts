import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";
import { insertTestProduct } from "../test-support/test-products.js";
import { parseSmtpUrl } from "./smtp-mailer.js";

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** Starts a real SMTP server on 127.0.0.1 that keeps every message it receives. */
async function startMailServer(): Promise<{
  url: string;
  inbox: ReceivedMail[];
  close: () => Promise<void>;
}> {
  const inbox: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((entry) => entry.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** Decodes a quoted-printable body, as nodemailer writes text parts with long lines. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe.each(testDialects)("order emails on %s", (dialect) => {
  let server: TestServer;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let orderId: number;

  const sendEmail = (id: number, payload: object) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${id}/actions/send_email`,
      headers: server.auth.cashier,
      payload,
    });

  beforeAll(async () => {
    mail = await startMailServer();
    process.env["SMTP_URL"] = mail.url;
    process.env["SMTP_FROM"] = "receipts@store.test";
    try {
      server = await startTestServer(dialect, {
        sampleData: false,
        settings: { blogname: "Corner Shop", woocommerce_calc_taxes: "no" },
      });
    } finally {
      delete process.env["SMTP_URL"];
      delete process.env["SMTP_FROM"];
    }
    const mug = await insertTestProduct(server.store, {
      sku: "mail-mug",
      price: "12.50",
      stock: 5,
    });
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        status: "completed",
        set_paid: true,
        payment_method: "pos_cash",
        line_items: [{ product_id: mug, quantity: 2 }],
        meta_data: [
          {
            key: "_pos_tenders",
            value: '[{"method":"pos_cash","title":"Cash","amount":"30.00","change":"5.00"}]',
          },
          { key: "_pos_receipt_number", value: "R1-000042" },
        ],
      },
    });
    orderId = created.json<{ id: number }>().id;
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  it("sends the receipt over SMTP", async () => {
    const response = await sendEmail(orderId, {
      email: "ada@customer.test",
      template_id: "customer_completed_order",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ message: string }>().message).toBe(
      'Billing email updated to ada@customer.test. Email template "Completed order" sent to ' +
        "ada@customer.test, via REST API.",
    );
    const received = mail.inbox.at(-1);
    expect(received?.to).toEqual(["ada@customer.test"]);
    expect(received?.from).toBe("receipts@store.test");
    const raw = decodeQuotedPrintable(received?.raw ?? "");
    expect(raw).toContain(`Subject: Your Corner Shop order #${orderId} is complete`);
    expect(raw).toContain("Receipt R1-000042");
    expect(raw).toContain("2 x Test mail-mug  USD 25.00");
    expect(raw).toContain("Total  USD 25.00");
    expect(raw).toContain("Paid by Cash  USD 30.00");
    expect(raw).toContain("Change  USD 5.00");
  });

  it("names each card slip in the receipt", async () => {
    const mug = await server.store.db
      .selectFrom("products")
      .select("id")
      .where("sku", "=", "mail-mug")
      .executeTakeFirstOrThrow();
    const tenders = [
      { method: "pos_cash", title: "Cash", amount: "5.00", change: "0.00" },
      {
        method: "pos_card",
        title: "External card",
        reference: "004512",
        amount: "7.50",
        change: "0.00",
      },
    ];
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        status: "completed",
        set_paid: true,
        payment_method: "pos_card",
        line_items: [{ product_id: mug.id, quantity: 1 }],
        meta_data: [{ key: "_pos_tenders", value: JSON.stringify(tenders) }],
      },
    });
    expect(created.statusCode).toBe(201);

    const response = await sendEmail(created.json<{ id: number }>().id, {
      email: "ada@customer.test",
      template_id: "customer_completed_order",
    });

    expect(response.statusCode).toBe(200);
    const raw = decodeQuotedPrintable(mail.inbox.at(-1)?.raw ?? "");
    expect(raw).toContain("Paid by Cash  USD 5.00");
    expect(raw).toContain("Paid by External card (slip 004512)  USD 7.50");
    expect(raw).toContain("<td>Paid by External card (slip 004512)</td>");
  });

  it("saves the address as the billing email", async () => {
    const order = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.cashier,
    });
    expect(order.json<{ billing: { email: string } }>().billing.email).toBe("ada@customer.test");
  });

  it("sends to the billing email when none is given", async () => {
    const before = mail.inbox.length;
    const response = await sendEmail(orderId, {});
    expect(response.statusCode).toBe(200);
    expect(mail.inbox).toHaveLength(before + 1);
    expect(mail.inbox.at(-1)?.to).toEqual(["ada@customer.test"]);
  });

  it("rejects another address without force_email_update", async () => {
    const before = mail.inbox.length;
    const response = await sendEmail(orderId, { email: "bob@customer.test" });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("pos_billing_email_differs");
    expect(mail.inbox).toHaveLength(before);
  });

  it("rejects a bad address naming it", async () => {
    const before = mail.inbox.length;
    const response = await sendEmail(orderId, { email: "ada@", force_email_update: true });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('\\"ada@\\" is not a valid email address');
    expect(mail.inbox).toHaveLength(before);
  });

  it("rejects a template that does not fit the order", async () => {
    const response = await sendEmail(orderId, { template_id: "customer_on_hold_order" });
    expect(response.statusCode).toBe(400);
    const error = response.json<{ code: string; message: string }>();
    expect(error.code).toBe("woocommerce_rest_invalid_email_template");
    expect(error.message).toContain("customer_completed_order, customer_invoice");
  });

  it("lists the templates that fit the order", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${orderId}/actions/email_templates`,
      headers: server.auth.cashier,
    });
    expect(response.json<{ id: string }[]>().map((template) => template.id)).toEqual([
      "customer_completed_order",
      "customer_invoice",
    ]);
  });

  it("answers 404 for an unknown order", async () => {
    const response = await sendEmail(987_654, { email: "ada@customer.test" });
    expect(response.statusCode).toBe(404);
  });
});

describe("order emails without SMTP_URL", () => {
  let server: TestServer;

  beforeAll(async () => {
    delete process.env["SMTP_URL"];
    server = await startTestServer("sqlite", { sampleData: false });
  });
  afterAll(() => server.close());

  it("answers that email is not set up", async () => {
    const mug = await insertTestProduct(server.store, { sku: "nomail-mug", price: "3.00" });
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: { set_paid: true, line_items: [{ product_id: mug, quantity: 1 }] },
    });
    const response = await server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${created.json<{ id: number }>().id}/actions/send_email`,
      headers: server.auth.cashier,
      payload: { email: "ada@customer.test" },
    });
    expect(response.statusCode).toBe(503);
    const error = response.json<{ code: string; message: string }>();
    expect(error.code).toBe("pos_email_not_configured");
    expect(error.message).toContain("SMTP_URL");
  });
});

describe("SMTP_URL parsing", () => {
  it.each([
    ["http://127.0.0.1:25", "must start with smtp:// or smtps://"],
    ["not a url", "is not a URL"],
  ])("rejects %s", (value, problem) => {
    expect(() => parseSmtpUrl(value)).toThrow(problem);
  });

  it("masks the password in errors", () => {
    expect(() => parseSmtpUrl("ftp://user:secret@127.0.0.1")).toThrow(
      'SMTP_URL "ftp://***@127.0.0.1" must start',
    );
  });
});
