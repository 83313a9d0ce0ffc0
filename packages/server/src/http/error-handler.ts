import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { WooError } from "./woo-error.js";

/**
 * Sends every failure in WooCommerce's shape. Schema failures become `rest_invalid_param` with
 * WordPress's per-parameter messages; unexpected errors are logged and sent as a bare 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WooError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send(validationErrorBody(error.validation));
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

function validationErrorBody(issues: readonly ValidationIssue[]) {
  const params: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  for (const issue of issues) {
    const segments = issue.instancePath.split("/").filter((segment) => segment !== "");
    const param = segments[0] ?? "body";
    const path = segments.length <= 1 ? param : `${param}[${segments.slice(1).join("][")}]`;
    const message = describeIssue(path, issue);
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

/** Words a schema issue as WordPress does: "line_items[0][quantity] is not of type integer." */
function describeIssue(path: string, issue: ValidationIssue): string {
  const expected = issue.params?.["expected"];
  if (issue.keyword === "invalid_type" && typeof expected === "string") {
    // Every numeric field of the REST schemas this server checks is an integer.
    const type = expected === "int" || expected === "number" ? "integer" : expected;
    return `${path} is not of type ${type}.`;
  }
  const message = issue.message ?? "is invalid";
  return message.startsWith(path) ? message : `${path}: ${message}`;
}
