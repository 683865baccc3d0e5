import type { FastifyInstance } from "fastify";
import { formOf } from "../http/api-request";
import { sendFailure, sendResourceNotFound } from "../http/replies";
import { ADVERTISERS } from "../reference/advertisers";
import { CONNECTION_TYPES, DEVICES, GOALS, OS_VERSIONS, OSES } from "../reference/catalog";
import { CATEGORIES } from "../reference/categories";
import { CITIES } from "../reference/cities";
import { COUNTRIES } from "../reference/countries";
import { CURRENCIES } from "../reference/currencies";
import { Issues } from "../validation/issues";
import { readStringList } from "../validation/values";
import { pageOf, readPaging } from "./paging";

// Lookup lists come back in one page and say so with Affise's "everything" page size.
const EVERYTHING = { page: 1, per_page: 2147483647 };

/** The reference lists a client validates codes against, in Affise's shapes. */
export function registerReferenceRoutes(app: FastifyInstance): void {
  app.get("/3.1/countries", async () => ({ status: 1, countries: COUNTRIES }));

  app.get("/3.0/admin/currency", async (request) => {
    const query = formOf(request);
    const currencies =
      query.get_only_active === "1" ? CURRENCIES.filter((c) => c.active) : CURRENCIES;
    if (query.extended === "1") {
      const quotes = currencies.map((c) => ({
        _id: c.id,
        code: c.code,
        active: c.active,
        default: c.isDefault,
        rate: c.rate,
        min_payment: c.minPayment,
        is_crypto: c.isCrypto,
      }));
      return { status: 1, quotes };
    }
    return { status: 1, quotes: Object.fromEntries(currencies.map((c) => [c.code, c.rate])) };
  });

  app.get("/3.1/devices", async () => ({ status: 1, types: DEVICES }));

  app.get("/3.1/oses", async () => ({
    status: 1,
    // A PHP list with a removed entry: its keys keep the gap (Affise's answer has no key 3).
    oses: Object.fromEntries(
      OSES.map((name, index) => [String(index < 3 ? index : index + 1), name]),
    ),
    pagination: { ...EVERYTHING, total_count: OSES.length },
  }));

  app.get<{ Params: { os: string } }>("/3.1/oses/:os", async (request, reply) => {
    if (!OSES.includes(request.params.os)) return sendResourceNotFound(reply);
    const versions = OS_VERSIONS[request.params.os] ?? [];
    return { status: 1, versions, pagination: { ...EVERYTHING, total_count: versions.length } };
  });

  app.get("/3.0/goals", async () => ({ status: 1, goals: GOALS }));

  app.get("/3.1/connection-types", async () => ({ status: 1, types: CONNECTION_TYPES }));

  app.get("/3.1/cities", async (request, reply) => {
    const query = formOf(request);
    const issues = new Issues();
    if (query.country === undefined) return sendFailure(reply, 400, "country: is required");
    const countries = (
      readStringList(query.country, "country", issues, { allowScalar: true }) ?? []
    ).map((entry) => entry.value.toUpperCase());
    issues.throwIfAny();
    const q = typeof query.q === "string" ? query.q.toLowerCase() : "";
    const cities = CITIES.filter(
      (c) => countries.includes(c.country_code) && c.name.toLowerCase().includes(q),
    );
    return { status: 1, cities, pagination: { ...EVERYTHING, total_count: cities.length } };
  });

  app.get("/3.0/admin/advertisers", async (request) => {
    const paging = readPaging(formOf(request), { defaultLimit: 100, maxLimit: 500 });
    const page = pageOf(ADVERTISERS, paging);
    return {
      status: 1,
      advertisers: page.items.map(advertiserReadModel),
      pagination: page.pagination,
    };
  });

  app.get("/3.0/offer/categories", async (request) => {
    const paging = readPaging(formOf(request), { defaultLimit: 99999, maxLimit: 99999 });
    const page = pageOf(CATEGORIES, paging);
    return { status: 1, categories: page.items, pagination: page.pagination };
  });
}

function advertiserReadModel(advertiser: (typeof ADVERTISERS)[number]): Record<string, unknown> {
  return {
    id: advertiser.id,
    title: advertiser.title,
    contact: advertiser.contact,
    email: advertiser.email,
    url: advertiser.url,
    manager: "",
    manager_obj: null,
    allowed_ip: [],
    disallowed_ip: [],
    skype: null,
    note: null,
    hash_password: null,
    offers: 0,
    has_user: false,
    address_1: null,
    address_2: null,
    city: advertiser.city,
    country: advertiser.country,
    zip_code: null,
    vat_code: null,
    tags: [],
    sub_accounts: { "1": { except: false, value: null }, "2": { except: false, value: null } },
    created_at: advertiser.created_at,
    updated_at: advertiser.created_at,
  };
}
