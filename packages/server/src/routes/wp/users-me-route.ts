import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { capabilities, isRole, roleHasCapability, type Role } from "../../auth/capabilities.js";
import type { UserRow } from "../../auth/user-store.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";

const meQuery = z.object({ context: z.enum(["view", "embed", "edit"]).default("view") });

/**
 * The WordPress role name of each of our roles. WooCommerce calls a manager `shop_manager`, and
 * WordPress has no cashier role, so `cashier` is this server's own name.
 */
const wordPressRoles: Record<Role, string> = {
  administrator: "administrator",
  manager: "shop_manager",
  cashier: "cashier",
};

/**
 * Serves `GET /wp-json/wp/v2/users/me`, WordPress's current user, for a request authenticated
 * by a bearer token, an application password or a consumer key. `context=edit` adds the
 * username, roles and capabilities. The capabilities are this server's, not WordPress's.
 */
export function registerUsersMeRoute(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = requireCapability(context, "read_catalog", "view");

  routes.get(
    "/wp-json/wp/v2/users/me",
    {
      schema: { querystring: meQuery },
      preHandler: async (request, reply) => {
        if (!sendsCredentials(request)) {
          throw new WooError(401, "rest_not_logged_in", "You are not currently logged in.");
        }
        await authenticate.call(app, request, reply);
      },
    },
    (request) => {
      const user = request.user as UserRow;
      const view = userView(user, requestBaseUrl(request));
      return request.query.context === "edit" ? { ...view, ...userEditFields(user) } : view;
    },
  );
}

function sendsCredentials(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined) return true;
  const params = new URLSearchParams(request.url.split("?")[1] ?? "");
  return params.has("consumer_key") || params.has("oauth_consumer_key");
}

/** Builds WordPress's `user_nicename`: the username in lower case with other characters as `-`. */
function userSlug(username: string): string {
  return username.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
}

function userView(user: UserRow, baseUrl: string) {
  const slug = userSlug(user.username);
  return {
    id: user.id,
    name: user.display_name,
    url: "",
    description: "",
    link: `${baseUrl}/author/${slug}/`,
    slug,
    avatar_urls: {},
  };
}

function userEditFields(user: UserRow) {
  const role = isRole(user.role) ? user.role : null;
  const granted = role === null ? [] : capabilities.filter((c) => roleHasCapability(role, c));
  return {
    username: user.username,
    email: "",
    nickname: user.username,
    registered_date: `${user.date_created_gmt}+00:00`,
    roles: role === null ? [] : [wordPressRoles[role]],
    capabilities: Object.fromEntries(granted.map((capability) => [capability, true])),
  };
}
