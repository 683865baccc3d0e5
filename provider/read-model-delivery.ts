/**
 * Affise's read model of caps, landings and targeting groups → the input shape. Affise reads cap
 * goals back as a map `{"3":"Install"}` (or `[]`), flags as booleans or 0/1, and adds fields of
 * its own to every targeting group; only what an offer declares is kept.
 */
import { z } from "zod";

const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((v) => v === true || Number(v) === 1);
const strings = z
  .union([z.array(z.union([z.string(), z.number()])), z.null()])
  .transform((v) => (v ?? []).map(String));
const pair = z
  .looseObject({ allow: strings.optional(), deny: strings.optional() })
  .nullable()
  .optional();

export const affiseCap = z.looseObject({
  period: z.string(),
  type: z.string(),
  value: z.union([z.number(), z.string()]),
  goal_type: z.string().optional().nullable(),
  // A map of goal value → title, or [] when empty.
  goals: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.null()]).optional(),
  affiliate_type: z.string().optional().nullable(),
  affiliates: strings.optional(),
  country_type: z.string().optional().nullable(),
  country: strings.optional(),
});

export const affiseLanding = z.looseObject({
  id: z.union([z.number(), z.string()]).optional().nullable(),
  title: z.string(),
  url: z.string(),
  url_preview: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
});

const osRule = z.looseObject({
  name: z.string(),
  comparison: z.string().nullable().optional(),
  version: z.union([z.string(), z.number()]).nullable().optional(),
});

export const affiseTargetingGroup = z.looseObject({
  id: z.string().optional().nullable(),
  name: z.string().nullable().optional(),
  condition: z.string().nullable().optional(),
  enabled: flag.optional(),
  country: pair,
  os: z
    .looseObject({ allow: z.array(osRule).nullable().optional() })
    .nullable()
    .optional(),
  os_deny: flag.optional(),
  device_type: strings.optional(),
  device_type_deny: flag.optional(),
  connection: strings.optional(),
  connection_deny: flag.optional(),
});

type AffiseCap = z.output<typeof affiseCap>;
type AffiseLanding = z.output<typeof affiseLanding>;
type AffiseTargetingGroup = z.output<typeof affiseTargetingGroup>;

export function capAsInput(cap: AffiseCap): Record<string, unknown> {
  const goals = Array.isArray(cap.goals) ? cap.goals.map(String) : Object.keys(cap.goals ?? {});
  return {
    period: cap.period,
    type: cap.type,
    value: cap.value,
    goalType: cap.goal_type ?? undefined,
    goals,
    affiliateType: cap.affiliate_type ?? undefined,
    affiliates: cap.affiliates ?? [],
    countryType: cap.country_type ?? undefined,
    countries: cap.country ?? [],
  };
}

export function landingAsInput(landing: AffiseLanding): Record<string, unknown> {
  return {
    title: landing.title,
    url: landing.url,
    urlPreview: landing.url_preview ?? "",
    type: landing.type || undefined,
  };
}

export function targetingGroupAsInput(group: AffiseTargetingGroup): Record<string, unknown> {
  return {
    name: group.name ?? "",
    condition: group.condition || undefined,
    enabled: group.enabled,
    countries: { allow: group.country?.allow ?? [], deny: group.country?.deny ?? [] },
    os: (group.os?.allow ?? []).map((rule) => ({
      name: rule.name,
      comparison: rule.comparison || undefined,
      version:
        rule.version === null || rule.version === undefined ? undefined : String(rule.version),
    })),
    osDeny: group.os_deny ?? false,
    devices: group.device_type ?? [],
    devicesDeny: group.device_type_deny ?? false,
    connections: group.connection ?? [],
    connectionsDeny: group.connection_deny ?? false,
  };
}
