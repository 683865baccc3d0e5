/**
 * An Affise account as a team has it before pulumi-affise: offers made in the UI and by scripts,
 * posted to the emulator as raw Affise forms (no provider code involved). Offer `i` varies every
 * field the provider manages, codes in upper case on even offers and lower case on odd ones (how
 * different tenants' tools write them), some titles shared, some an external_offer_id of the
 * team's own, protected and private ones with affiliates given access.
 */
import * as qs from "qs";

const ADVERTISERS = [
  "5e39279bac611cda7e5765ab",
  "573c69a33b7d9b0e638b4576",
  "63ef8f56d05af8acc266ae09",
];
const CATEGORIES = [
  "5368a3973b7d9b4d5d59f1ca",
  "5368afb23b7d9b4d5d505342",
  "59440f427e28feff5c8b4567",
];
const TITLES = ["Summer sale", "Été — Café №5 (DE/AT)", "VPN trial: 50% off!", "???"];

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The raw Affise form for offer `i`. */
export function seedForm(i: number): Record<string, unknown> {
  const code = (text: string) => (i % 2 === 0 ? text.toUpperCase() : text.toLowerCase());
  const privacy = ["public", "public", "protected", "private", "public"][i % 5];
  const payments: Record<string, unknown>[] = [
    {
      countries: [code("de"), code("at")],
      total: 10 + (i % 7),
      revenue: 6 + (i % 3) / 2,
      currency: code("eur"),
      type: "fixed",
      goal: i % 4 === 0 ? "fd" : "1",
    },
  ];
  if (i % 2 === 1)
    payments.push({
      countries: [code("us")],
      cities: [5368361, 4887398],
      devices: ["mobile", "tablet"],
      os: ["Android", "iOS"],
      total: 20,
      revenue: 12.25,
      currency: code("usd"),
      type: "fixed",
      title: `US mobile ${i}`,
      sub1: "a,b",
      sub3: `s${i}`,
    });
  if (i % 3 === 0)
    payments.push({
      countries: [code("ru")],
      country_exclude: 1,
      total: 30,
      revenue: 15,
      currency: code("usd"),
      type: "percent",
      goal: "2",
    });
  const form: Record<string, unknown> = {
    title: i % 10 === 0 ? TITLES[(i / 10) % TITLES.length] : `${TITLES[i % 3]} ${i}`,
    advertiser: ADVERTISERS[i % 3],
    url: `https://example.test/o/${i}?click={clickid}`,
    status: ["active", "stopped", "suspended"][i % 3],
    privacy,
    payments,
  };
  if (i % 4 === 1)
    form.partner_payments = [
      {
        partners: [2, 5],
        countries: [code("de")],
        total: 14,
        revenue: 9,
        currency: code("eur"),
        type: "fixed",
      },
    ];
  if (i % 6 === 2) form.external_offer_id = `ADV-${1000 + i}`;
  if (i % 3 === 1) {
    form.description_lang = { en: `Offer ${i}: win big`, de: `Angebot ${i}` };
    form.kpi = { en: "No incentivised traffic" };
    form.notes = `Seasonal; owner #${i}`;
    form.tags = ["summer", `batch-${i % 5}`];
    form.categories = [CATEGORIES[i % 3]];
    form.url_preview = `https://example.test/preview/${i}`;
    form.trafficback_url = "https://example.test/fallback";
  }
  if (i % 5 === 3) {
    form.hold_period = 7;
    form.hold_type = "hours";
    form.is_top = 1;
    form.is_cpi = 1;
    form.start_at = day(3);
    form.stopDate = day(120);
  }
  if (i % 7 === 0)
    form.caps = [
      {
        period: "day",
        type: "conversions",
        value: 100 + i,
        goal_type: "exact",
        goals: ["1"],
        affiliate_type: "all",
        country_type: "all",
      },
      {
        period: "month",
        type: "budget",
        value: 2500.5,
        goal_type: "all",
        affiliate_type: "each",
        country_type: "exact",
        country: [code("de")],
      },
    ];
  if (i % 8 === 5)
    form.landings = [
      {
        title: "Main",
        url: `https://example.test/lp/${i}?click={clickid}`,
        url_preview: "https://example.test/lp",
        type: "landing",
      },
      {
        title: "Quiz",
        url: "https://example.test/quiz?click={clickid}",
        url_preview: "https://example.test/quiz",
        type: "transit",
      },
    ];
  if (i % 9 === 4)
    form.targeting = [
      {
        name: "DACH mobile",
        condition: "and",
        enabled: 1,
        country: { allow: [code("de"), code("at"), code("ch")] },
        os: { allow: [{ name: "Android", comparison: "GTE", version: "10" }, { name: "iOS" }] },
        os_deny: 0,
        device_type: ["mobile", "tablet"],
        device_type_deny: 0,
        connection: ["wi-fi"],
        connection_deny: 0,
      },
    ];
  return form;
}

/** Affiliates given access to offer `i` (protected and private offers only). */
export function seedAffiliates(i: number): number[] {
  return i % 5 === 2 || i % 5 === 3 ? [2, 5 + (i % 4)] : [];
}

async function post(url: string, apiKey: string, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "API-Key": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (answer.status !== 1) throw new Error(`seeding failed: ${JSON.stringify(answer)}`);
  return answer;
}

/** Creates `count` varied offers in the account at `apiUrl`; returns their ids, in order. */
export async function seedAccount(
  apiUrl: string,
  apiKey: string,
  count: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const form = qs.stringify(seedForm(i), { arrayFormat: "indices", encodeValuesOnly: true });
    const answer = await post(`${apiUrl}/3.0/admin/offer`, apiKey, form);
    const id = (answer.offer as { id: number }).id;
    for (const pid of seedAffiliates(i))
      await post(
        `${apiUrl}/3.0/offer/enable-affiliate`,
        apiKey,
        `offer_id=${id}&pid=${pid}&notice=0`,
      );
    ids.push(id);
  }
  return ids;
}

/** What a person changes in the Affise UI: one field of one offer, through the edit request. */
export function editInAffise(
  apiUrl: string,
  apiKey: string,
  id: number,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const form = qs.stringify(fields, { arrayFormat: "indices", encodeValuesOnly: true });
  return post(`${apiUrl}/3.0/admin/offer/${id}`, apiKey, form);
}
