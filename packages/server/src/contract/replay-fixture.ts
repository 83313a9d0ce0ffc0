import { createHmac, randomBytes } from "node:crypto";
import type { ContractStore } from "./contract-store.js";
import type { NamedFixture, RecordedKeys } from "./recorded-ids.js";

type Kind = "product" | "customer" | "coupon" | "order" | "item" | "tax" | "refund" | "attribute";

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

/**
 * Sends recorded requests to our server with the recorded ids replaced by ours. Ids of records
 * the replay creates are learnt from the replies; products, customers and coupons that existed
 * before the recording are found by SKU, e-mail and code.
 */
export class FixtureReplayer {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly target: ContractStore,
    private readonly keys: RecordedKeys,
  ) {}

  learn(kind: Kind, recordedId: number, ourId: number): void {
    this.ids.set(`${kind}:${recordedId}`, ourId);
  }

  knows(kind: Kind, recordedId: number): boolean {
    return this.ids.has(`${kind}:${recordedId}`);
  }

  async ourId(kind: Kind, recordedId: number): Promise<number> {
    const known = this.ids.get(`${kind}:${recordedId}`);
    if (known !== undefined) return known;
    const db = this.target.store.db;
    const sku = this.keys.productSku.get(recordedId);
    const email = this.keys.customerEmail.get(recordedId);
    const code = this.keys.couponCode.get(recordedId);
    const attribute = this.keys.attributeName.get(recordedId);
    let row: { id: number } | undefined;
    if (kind === "product" && sku !== undefined) {
      row = await db.selectFrom("products").select("id").where("sku", "=", sku).executeTakeFirst();
    } else if (kind === "customer" && email !== undefined) {
      row = await db
        .selectFrom("customers")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirst();
    } else if (kind === "coupon" && code !== undefined) {
      row = await db.selectFrom("coupons").select("id").where("code", "=", code).executeTakeFirst();
    } else if (kind === "attribute" && attribute !== undefined) {
      row = await db
        .selectFrom("terms")
        .select("id")
        .where("taxonomy", "=", "pa")
        .where("name", "=", attribute)
        .executeTakeFirst();
    }
    return row?.id ?? recordedId;
  }

  /** Sends one fixture's request as its `request.auth` describes and learns created ids. */
  async send(fixture: NamedFixture): Promise<Reply> {
    const { method, body } = fixture.request;
    const url = await this.rewriteUrl(fixture.request.url);
    const payload = body === undefined ? undefined : await this.rewriteBody(url, body);
    const headers = this.authHeaders(fixture.request.auth ?? "");
    const signedUrl = headers["x-oauth"] === "1" ? this.signOauth(method, url) : url;
    delete headers["x-oauth"];
    const response = await this.target.app.inject({
      method: method as "GET",
      url: signedUrl,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const reply: Reply = {
      status: response.statusCode,
      headers: response.headers,
      body: response.body === "" ? null : response.json<unknown>(),
    };
    this.learnFromReply(url, fixture.response.body, reply.body);
    return reply;
  }

  private authHeaders(auth: string): Record<string, string> {
    const { consumerKey, consumerSecret } = this.target.readWrite;
    const basic = (key: string, secret: string) =>
      `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
    if (auth === "none") return {};
    if (auth.startsWith("OAuth 1.0a")) return { "x-oauth": "1" };
    if (auth.startsWith("wrong consumer key")) {
      return { authorization: basic(`ck_${"0".repeat(40)}`, consumerSecret), ...https };
    }
    if (auth.startsWith("right key, wrong secret")) {
      return { authorization: basic(consumerKey, `cs_${"0".repeat(40)}`), ...https };
    }
    if (auth.includes("over plain http")) {
      return { authorization: basic(consumerKey, consumerSecret), "x-forwarded-proto": "http" };
    }
    if (auth.startsWith("read-only")) {
      const readOnly = this.target.readOnly;
      return { authorization: basic(readOnly.consumerKey, readOnly.consumerSecret), ...https };
    }
    return { authorization: basic(consumerKey, consumerSecret), ...https };
  }

  /** Drops the recorded (placeholder) oauth_* parameters and signs the request afresh. */
  private signOauth(method: string, url: string): string {
    const [pathname = "", query = ""] = url.split("?");
    const params = new URLSearchParams(query);
    for (const name of [...params.keys()]) if (name.startsWith("oauth_")) params.delete(name);
    params.set("oauth_consumer_key", this.target.readWrite.consumerKey);
    params.set("oauth_nonce", randomBytes(8).toString("hex"));
    params.set("oauth_signature_method", "HMAC-SHA256");
    params.set("oauth_timestamp", String(Math.floor(Date.now() / 1000)));
    const encode = (text: string) =>
      encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
    const pairs = [...params.entries()]
      .map(([name, value]) => [encode(name), encode(value)] as const)
      .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
      .map(([name, value]) => `${name}=${value}`)
      .join("&");
    const base = `${method}&${encode(`http://localhost:80${pathname}`)}&${encode(pairs)}`;
    const key = `${this.target.readWrite.consumerSecret}&`;
    params.set("oauth_signature", createHmac("sha256", key).update(base).digest("base64"));
    return `${pathname}?${params.toString()}`;
  }

  private async rewriteUrl(url: string): Promise<string> {
    const [pathname = "", query] = url.split("?");
    const patterns: [RegExp, Kind, Kind?][] = [
      [/\/products\/attributes\/(\d+)/, "attribute"],
      [/\/products\/(\d+)(?:\/variations\/(\d+))?/, "product", "product"],
      [/\/orders\/(\d+)(?:\/refunds\/(\d+))?/, "order", "refund"],
      [/\/customers\/(\d+)/, "customer"],
      [/\/coupons\/(\d+)/, "coupon"],
      [/\/taxes\/(\d+)/, "tax"],
    ];
    let rewritten = pathname;
    for (const [pattern, first, second] of patterns) {
      const match = pattern.exec(rewritten);
      if (match === null) continue;
      let replaced = match[0].replace(
        match[1] ?? "",
        String(await this.ourId(first, Number(match[1]))),
      );
      if (second !== undefined && match[2] !== undefined) {
        const ours = await this.ourId(second, Number(match[2]));
        replaced = replaced.replace(new RegExp(`/${match[2]}$`), `/${ours}`);
      }
      rewritten = rewritten.replace(match[0], replaced);
      break;
    }
    if (query === undefined) return rewritten;
    const params = new URLSearchParams(query);
    const include = params.get("include");
    if (include !== null) {
      const ours = await Promise.all(
        include.split(",").map((id) => this.ourId("product", Number(id))),
      );
      params.set("include", ours.join(","));
    }
    return `${rewritten}?${params.toString().replace(/%5B%5D/g, "[]")}`;
  }

  private async rewriteBody(url: string, body: unknown): Promise<unknown> {
    const inRefunds = url.includes("/refunds");
    const inBatch = url.includes("/batch");
    const walk = async (value: unknown, key: string, parentKey: string): Promise<unknown> => {
      if (Array.isArray(value)) return Promise.all(value.map((item) => walk(item, "", key)));
      if (typeof value === "object" && value !== null) {
        const entries = await Promise.all(
          Object.entries(value).map(async ([name, inner]) => [name, await walk(inner, name, key)]),
        );
        return Object.fromEntries(entries) as unknown;
      }
      if (typeof value !== "number") return value;
      if (key === "product_id" || key === "variation_id") return this.ourId("product", value);
      if (key === "customer_id") return this.ourId("customer", value);
      if (key === "id" && inRefunds && parentKey === "line_items") return this.ourId("item", value);
      if (key === "id" && inRefunds && parentKey === "refund_tax") return this.ourId("tax", value);
      if (key === "id" && inBatch) return this.ourId("product", value);
      if (key === "" && inBatch && parentKey === "delete") return this.ourId("product", value);
      return value;
    };
    return walk(body, "", "");
  }

  private learnFromReply(url: string, recorded: unknown, ours: unknown): void {
    const kind = kindOfUrl(url);
    if (kind === undefined || !isRecord(recorded) || !isRecord(ours)) return;
    if (url.includes("/batch")) {
      const recordedCreated = recorded["create"];
      const ourCreated = ours["create"];
      if (Array.isArray(recordedCreated) && Array.isArray(ourCreated)) {
        recordedCreated.forEach((item, index) => this.learnPair(kind, item, ourCreated[index]));
      }
      return;
    }
    this.learnPair(kind, recorded, ours);
    if (kind === "order") {
      const recordedLines = recorded["line_items"];
      const ourLines = ours["line_items"];
      if (Array.isArray(recordedLines) && Array.isArray(ourLines)) {
        recordedLines.forEach((line, index) => this.learnPair("item", line, ourLines[index]));
      }
    }
  }

  private learnPair(kind: Kind, recorded: unknown, ours: unknown): void {
    if (!isRecord(recorded) || !isRecord(ours)) return;
    const recordedId = recorded["id"];
    const ourId = ours["id"];
    if (
      typeof recordedId === "number" &&
      typeof ourId === "number" &&
      !this.knows(kind, recordedId)
    ) {
      this.learn(kind, recordedId, ourId);
    }
  }
}

const https = { "x-forwarded-proto": "https" };

function kindOfUrl(url: string): Kind | undefined {
  const pathname = url.split("?")[0] ?? "";
  if (pathname.includes("/refunds")) return "refund";
  if (pathname.includes("/products/attributes")) return "attribute";
  if (pathname.includes("/products")) return "product";
  if (pathname.includes("/orders")) return "order";
  if (pathname.includes("/customers")) return "customer";
  if (pathname.includes("/coupons")) return "coupon";
  if (pathname.includes("/taxes")) return "tax";
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
