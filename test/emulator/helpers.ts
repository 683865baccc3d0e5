import qs from "qs";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";

export const API_KEY = "emulator-test-key";
export const ADVERTISER = "5e39279bac611cda7e5765ab";

/** Parsed JSON, loosely typed so tests can read nested fields directly. */
export type Json = ReturnType<typeof JSON.parse>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: Json;
}

/** A minimal Affise client for the tests: form-encoded writes, JSON reads, key in the header. */
export class TestClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string = API_KEY,
  ) {}

  async get(path: string, query: Record<string, unknown> = {}): Promise<ApiResponse> {
    const search = qs.stringify(query, { arrayFormat: "brackets" });
    return this.send(`${path}${search ? `?${search}` : ""}`, { method: "GET" });
  }

  /** POSTs a form body; a string is sent verbatim, an object is encoded with PHP brackets. */
  async post(path: string, form: string | Record<string, unknown>): Promise<ApiResponse> {
    const body = typeof form === "string" ? form : qs.stringify(form, { arrayFormat: "indices" });
    return this.send(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  }

  async send(pathAndQuery: string, init: RequestInit): Promise<ApiResponse> {
    const headers = new Headers(init.headers);
    if (!headers.has("api-key")) headers.set("API-Key", this.apiKey);
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, { ...init, headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: parseJson(text) };
  }
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text };
  }
}

export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<{ emulator: RunningEmulator; client: TestClient }> {
  const emulator = await startEmulator({ apiKey: API_KEY, port: 0, ...options });
  return { emulator, client: new TestClient(emulator.url) };
}

/** A valid create form with one general payment; override or add fields per test. */
export function offerForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Summer sale",
    advertiser: ADVERTISER,
    url: "https://tracker.example.com/click?c={clickid}",
    payments: [{ countries: ["US"], total: "10", revenue: "7", currency: "USD", type: "fixed" }],
    ...overrides,
  };
}

/** Creates an offer and returns its read model; fails the test if Affise would refuse it. */
export async function createOffer(
  client: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<Json> {
  const response = await client.post("/3.0/admin/offer", offerForm(overrides));
  if (response.status !== 200) throw new Error(`create failed: ${JSON.stringify(response.json)}`);
  return response.json.offer;
}

/**
 * The help-centre cURL example: a general payment and a personal payment for affiliate 2,
 * the latter at index 1 (sparse indices are legal).
 */
export const HELP_CENTRE_CREATE = [
  "title=Help%20centre%20offer",
  `advertiser=${ADVERTISER}`,
  "url=https%3A%2F%2Fadvertiser.example.com%2Foffer%3Fclick%3D%7Bclickid%7D",
  "payments[0][countries][]=RU",
  "payments[0][countries][]=US",
  "payments[0][country_exclude]=1",
  "payments[0][devices][]=desktop",
  "payments[0][goal]=2",
  "payments[0][total]=100",
  "payments[0][revenue]=50",
  "payments[0][currency]=USD",
  "payments[0][type]=fixed",
  "payments[0][sub1]=abc",
  "partner_payments[1][partners][]=2",
  "partner_payments[1][countries][]=RU",
  "partner_payments[1][goal]=3",
  "partner_payments[1][total]=20",
  "partner_payments[1][revenue]=15",
  "partner_payments[1][currency]=USD",
  "partner_payments[1][type]=fixed",
].join("&");
