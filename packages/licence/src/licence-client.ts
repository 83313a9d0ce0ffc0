import { z } from "zod";

import { licenceDocumentSchema, type LicenceDocument } from "./licence.js";

/** Default time allowed for one request to the licence service. */
export const DEFAULT_LICENCE_SERVICE_TIMEOUT_MS = 10_000;

/** Kind of failure of a licence service call; callers branch on it. */
export type LicenceClientErrorKind = "network" | "timeout" | "rejected" | "invalid-response";

/** A failed call to the licence service, with a message for the shop owner. */
export class LicenceClientError extends Error {
  override readonly name = "LicenceClientError";

  constructor(
    readonly kind: LicenceClientErrorKind,
    message: string,
    /** HTTP status and error code from the service, set when `kind` is "rejected". */
    readonly httpStatus?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export type LicenceClientResult<T> =
  { ok: true; value: T } | { ok: false; error: LicenceClientError };

interface ServiceCallOptions {
  /** Base URL of the licence service, such as https://licences.example. */
  readonly serviceUrl: string;
  /** The fetch to use; defaults to the global one. */
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs?: number;
}

export interface ActivateLicenceOptions extends ServiceCallOptions {
  readonly licenceKey: string;
  /** This store's address; the service binds the key to its origin. */
  readonly storeOrigin: string;
  /** A stable id of this store server installation. */
  readonly instanceId: string;
}

export interface DeactivateLicenceOptions extends ServiceCallOptions {
  readonly licenceKey: string;
  readonly instanceId: string;
}

const serviceErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.object({ status: z.int() }),
});

const deactivationSchema = z.object({
  licence_id: z.string(),
  instance_id: z.string(),
  deactivated_at: z.string(),
  store_origin: z.string().nullable(),
});

export type Deactivation = z.infer<typeof deactivationSchema>;

const publicKeysSchema = z.object({
  keys: z.array(
    z.object({ key_id: z.string(), algorithm: z.literal("Ed25519"), public_key: z.string() }),
  ),
});

/**
 * Activates a licence key for this store and returns the signed licence document. The document
 * is only checked against the format here: verify it with `verifyLicence` and the trusted keys
 * before storing it.
 */
export function activateLicence(
  options: ActivateLicenceOptions,
): Promise<LicenceClientResult<LicenceDocument>> {
  const body = {
    licence_key: options.licenceKey,
    store_origin: options.storeOrigin,
    instance_id: options.instanceId,
  };
  return callService(options, "v1/activate", body, licenceDocumentSchema);
}

/** Tells the service that this installation no longer uses the licence key. */
export function deactivateLicence(
  options: DeactivateLicenceOptions,
): Promise<LicenceClientResult<Deactivation>> {
  const body = { licence_key: options.licenceKey, instance_id: options.instanceId };
  return callService(options, "v1/deactivate", body, deactivationSchema);
}

/**
 * Fetches the service's public keys as the map `verifyLicence` takes. Only use keys fetched this
 * way after checking them against the ones shipped with the software: a store owner who can
 * change the service address could otherwise sign their own licences.
 */
export async function fetchLicencePublicKeys(
  options: ServiceCallOptions,
): Promise<LicenceClientResult<Record<string, string>>> {
  const result = await callService(options, "v1/public-keys", undefined, publicKeysSchema);
  if (!result.ok) return result;
  const keys = Object.fromEntries(result.value.keys.map((key) => [key.key_id, key.public_key]));
  return { ok: true, value: keys };
}

async function callService<T>(
  options: ServiceCallOptions,
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<LicenceClientResult<T>> {
  const url = serviceEndpoint(options.serviceUrl, path);
  if (!url.ok) return url;

  const response = await send(url.value, body, options);
  if (!response.ok) return response;

  const json = await readJson(response.value, url.value);
  if (!json.ok) return json;

  if (!response.value.ok) return { ok: false, error: rejection(response.value.status, json.value) };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where =
    issue === undefined ? "" : ` at ${issue.path.map(String).join(".") || "the top level"}`;
  return failure(
    "invalid-response",
    `licence service at ${url.value} sent an unexpected answer${where}; check the service address`,
  );
}

/** Resolves a relative endpoint path below the service URL, keeping any path the URL has. */
function serviceEndpoint(serviceUrl: string, path: string): LicenceClientResult<string> {
  const base = URL.canParse(serviceUrl) ? new URL(serviceUrl) : undefined;
  if (base === undefined || (base.protocol !== "https:" && base.protocol !== "http:")) {
    const message = `licence service address "${serviceUrl}" is not a valid http(s) URL`;
    return failure("network", message);
  }
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return { ok: true, value: new URL(path, base).href };
}

async function send(
  url: string,
  body: unknown,
  options: ServiceCallOptions,
): Promise<LicenceClientResult<Response>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LICENCE_SERVICE_TIMEOUT_MS;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const init: RequestInit = {
    method: body === undefined ? "GET" : "POST",
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    signal: AbortSignal.timeout(timeoutMs),
  };
  if (body !== undefined) init.body = JSON.stringify(body);

  try {
    return { ok: true, value: await fetchFn(url, init) };
  } catch (error) {
    // AbortSignal.timeout aborts with a DOMException named TimeoutError.
    if ((error as { name?: unknown } | null)?.name === "TimeoutError") {
      return failure(
        "timeout",
        `licence service at ${url} did not answer within ${timeoutMs} ms; try again later`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return failure(
      "network",
      `could not reach the licence service at ${url} (${reason}); check the network and try again`,
    );
  }
}

async function readJson(response: Response, url: string): Promise<LicenceClientResult<unknown>> {
  try {
    return { ok: true, value: (await response.json()) as unknown };
  } catch {
    return failure(
      "invalid-response",
      `licence service at ${url} answered HTTP ${response.status} without valid JSON; check the service address`,
    );
  }
}

function rejection(httpStatus: number, body: unknown): LicenceClientError {
  const parsed = serviceErrorSchema.safeParse(body);
  if (!parsed.success) {
    return new LicenceClientError(
      "invalid-response",
      `licence service answered HTTP ${httpStatus} with an unexpected body`,
      httpStatus,
    );
  }
  return new LicenceClientError("rejected", parsed.data.message, httpStatus, parsed.data.code);
}

function failure(
  kind: LicenceClientErrorKind,
  message: string,
): { ok: false; error: LicenceClientError } {
  return { ok: false, error: new LicenceClientError(kind, message) };
}
