import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";
import {
  checkSettingValue,
  findSettingDefinition,
  settingDefinitions,
} from "../../store/setting-definitions.js";
import type { SettingDefinition } from "../../store/setting-definitions.js";
import { readSettingValues, writeSettingValues } from "../../store/store-settings.js";

const groupParams = z.object({
  group: z.enum(["general", "tax"], { error: "group must be general or tax" }),
});
const settingParams = groupParams.extend({ id: z.string().min(1).max(200) });
const valueBody = z.object({ value: z.union([z.string(), z.number()]).transform(String) });

/** settings/general and settings/tax: read every setting, read one, change one. */
export function registerSettingsRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const invalidSetting = () =>
    new WooError(404, "rest_setting_setting_invalid", "Invalid setting.");

  routes.get(
    "/wp-json/wc/v3/settings/:group",
    {
      preHandler: requireCapability(context, "manage_store", "list"),
      schema: { params: groupParams },
    },
    async (request) => {
      const values = await readSettingValues(db);
      const baseUrl = requestBaseUrl(request);
      return settingDefinitions
        .filter((definition) => definition.group === request.params.group)
        .map((definition) => {
          // A group's list leaves out `group_id`, as WooCommerce's does; single settings send it.
          const { group_id: groupId, ...setting } = settingWire(
            definition,
            values[definition.id] ?? definition.default,
            baseUrl,
          );
          void groupId;
          return setting;
        });
    },
  );

  routes.get(
    "/wp-json/wc/v3/settings/:group/:id",
    {
      preHandler: requireCapability(context, "manage_store", "view"),
      schema: { params: settingParams },
    },
    async (request) => {
      const definition = findSettingDefinition(request.params.group, request.params.id);
      if (definition === undefined) throw invalidSetting();
      const values = await readSettingValues(db);
      return settingWire(
        definition,
        values[definition.id] ?? definition.default,
        requestBaseUrl(request),
      );
    },
  );

  for (const method of ["PUT", "PATCH", "POST"] as const) {
    routes.route({
      method,
      url: "/wp-json/wc/v3/settings/:group/:id",
      preHandler: requireCapability(context, "manage_store", "edit"),
      schema: { params: settingParams, body: valueBody },
      handler: async (request) => {
        const definition = findSettingDefinition(request.params.group, request.params.id);
        if (definition === undefined) throw invalidSetting();
        // Separators keep their spaces: " " is a common thousand separator.
        const isSeparator = definition.id.endsWith("_sep");
        const value = isSeparator ? request.body.value : request.body.value.trim();
        const problem = checkSettingValue(definition, value);
        if (problem !== null) {
          throw invalidParamError(
            "value",
            `value "${value}" is invalid for ${definition.id}: ${problem}.`,
          );
        }
        await writeSettingValues(db, { [definition.id]: value });
        request.log.info({ setting: definition.id, userId: request.user?.id }, "setting changed");
        return settingWire(definition, value, requestBaseUrl(request));
      },
    });
  }
}

function settingWire(definition: SettingDefinition, value: string, baseUrl: string) {
  const base = `${baseUrl}/wp-json/wc/v3/settings/${definition.group}`;
  return {
    id: definition.id,
    label: definition.label,
    description: definition.description,
    type: definition.type,
    default: definition.default,
    ...(definition.options ? { options: definition.options } : {}),
    tip: definition.description,
    value,
    group_id: definition.group,
    _links: { self: [{ href: `${base}/${definition.id}` }], collection: [{ href: base }] },
  };
}
