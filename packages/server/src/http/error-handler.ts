import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { installControlCharacterCheck } from "./reject-control-characters.js";
import { WooError } from "./woo-error.js";

/**
 * Sends every failure in WooCommerce's shape. Schema failures become `rest_invalid_param` with
 * WordPress's per-parameter messages; unexpected errors are logged and sent as a bare 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  // Installed here so that the check covers every route that buildApp registers afterwards.
  installControlCharacterCheck(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WooError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const input = inputOf(request, error.validationContext);
      return reply.status(400).send(validationErrorBody(error.validation, input));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(new WooError(error.statusCode, bodyErrorCode(error), error.message).toBody());
    }
    request.log.error({ err: error }, "request failed");
    return reply
      .status(500)
      .send(new WooError(500, "internal_server_error", "Internal server error.").toBody());
  });
}

function bodyErrorCode(error: FastifyError): string {
  if (
    error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
  ) {
    return "rest_invalid_json";
  }
  return "rest_invalid_request";
}

interface ValidationIssue {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Returns the part of the request a schema checked: the body, the query or the path parameters. */
function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  if (context === "body") return request.body;
  if (context === "querystring") return request.query;
  if (context === "params") return request.params;
  return undefined;
}

function validationErrorBody(issues: readonly ValidationIssue[], input: unknown) {
  const params: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  for (const issue of issues) {
    const segments = issue.instancePath.split("/").filter((segment) => segment !== "");
    const param = segments[0] ?? "body";
    const path = segments.length <= 1 ? param : `${param}[${segments.slice(1).join("][")}]`;
    const message = describeIssue(path, issue, valueAt(input, segments));
    if (params[param] !== undefined) continue;
    params[param] = message;
    const code = issue.keyword === "invalid_type" ? "rest_invalid_type" : "rest_invalid_param";
    details[param] = { code, message, data: { param: path } };
  }
  const names = Object.keys(params).join(", ");
  return {
    code: "rest_invalid_param",
    message: `Invalid parameter(s): ${names}`,
    data: { status: 400, params, details },
  };
}

/** Returns the value at `segments` inside `input`, or undefined when there is none. */
function valueAt(input: unknown, segments: readonly string[]): unknown {
  let value = input;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * Words a schema issue as WordPress does ("line_items[0][quantity] is not of type integer."),
 * and adds the value that was sent, so the caller sees what to change.
 */
function describeIssue(path: string, issue: ValidationIssue, value: unknown): string {
  const shown = showValue(value);
  const got = shown === undefined ? "" : `, got ${shown}`;
  const reworded = rewordZodIssue(path, issue, got);
  if (reworded !== null) return reworded;
  const message = issue.message ?? "is invalid";
  const named = message.startsWith(path)
    ? message
    : /^(is|must) /.test(message)
      ? `${path} ${message}`
      : `${path}: ${message}`;
  const namesValue = shown === undefined || named.includes(shown);
  return namesValue ? named : `${named.replace(/\.$/, "")}${got}.`;
}

const rangeWords: Record<string, string> = {
  "too_small inclusive": "at least",
  "too_small exclusive": "more than",
  "too_big inclusive": "at most",
  "too_big exclusive": "less than",
};

/**
 * Words a type, option or range issue as WordPress does ("quantity is not of type integer."),
 * followed by `got`. Returns null for an issue that carries a message of its own schema.
 */
function rewordZodIssue(path: string, issue: ValidationIssue, got: string): string | null {
  const expected = issue.params?.["expected"];
  if (issue.keyword === "invalid_type" && typeof expected === "string") {
    // Every numeric field of the REST schemas this server checks is an integer.
    const type = expected === "int" || expected === "number" ? "integer" : expected;
    return `${path} is not of type ${type}${got}.`;
  }
  // Zod's own wording ("Invalid option: …", "Too small: …") is replaced, but a schema's is kept.
  if (!/^(Invalid option|Too small|Too big)/.test(issue.message ?? "")) return null;
  const options = issue.params?.["values"];
  if (issue.keyword === "invalid_value" && Array.isArray(options)) {
    return `${path} is not one of ${options.map(String).join(", ")}${got}.`;
  }
  const limit = issue.params?.["minimum"] ?? issue.params?.["maximum"];
  const bound = issue.params?.["inclusive"] === false ? "exclusive" : "inclusive";
  const relation = rangeWords[`${issue.keyword ?? ""} ${bound}`];
  if (
    relation !== undefined &&
    issue.params?.["origin"] === "number" &&
    typeof limit === "number"
  ) {
    return `${path} must be ${relation} ${String(limit)}${got}.`;
  }
  return null;
}

/** Shows a sent value in a message: strings quoted, long ones cut at 60 characters. */
function showValue(value: unknown): string | undefined {
  if (value === undefined || (typeof value === "object" && value !== null)) return undefined;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}
