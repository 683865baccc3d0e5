/**
 * AffiseClient: the only code that speaks HTTP to Affise. It builds URLs and form bodies' envelopes,
 * authenticates, throttles (one limiter per Affise tenant per process, shared by every offer),
 * retries what is safe to retry, and turns failures into AffiseErrors. The provider maps resource
 * state to these calls and never sees axios.
 */
import axios, {
  isAxiosError,
  type AxiosError,
  type AxiosInstance,
  type AxiosRequestConfig,
} from "axios";
import axiosRetry, { exponentialDelay, retryAfter } from "axios-retry";
import * as qs from "qs";
import type { AffiseConnection } from "./connection";
import {
  AffiseError,
  foreignNotFound,
  isAffiseNotFound,
  messageFromBody,
  redact,
  toAffiseError,
} from "./errors";
import { type AffiseOffer, parseAffiseOffer } from "./offer";
import {
  attemptTimeout,
  hasAnswered,
  LongWaitError,
  longWaitMessage,
  markAnswered,
  mayRetryWithoutAnswer,
  unreachableMessage,
} from "./patience";
import { throttleFor } from "./throttle";
import { inFileTerms } from "./wire-names";

export type OfferStatus = "active" | "stopped" | "suspended";
export const ALL_STATUSES: OfferStatus[] = ["active", "stopped", "suspended"];

const NOT_ADMIN_HINT =
  "this key is not an admin key, or its user may not manage offers; use the API key of an admin user";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const RETRY_BASE_DELAY_MS = 250;
/** Backoff stops growing here (Affise's own Retry-After, when it sends one, still wins). */
const RETRY_MAX_DELAY_MS = 8_000;

interface RequestOptions {
  /**
   * "uncommitted" for a create: only failures where Affise certainly did nothing (429, connection
   * refused) are retried here; repeating a create that may have landed could duplicate the offer,
   * so create-offer.ts looks for it first.
   */
  retry?: "all" | "uncommitted";
  /** false where Affise answers without the `{"status":1}` envelope (/3.1/offers/{id}/privacy). */
  envelope?: boolean;
}

/** The tenant's own lists that codes in an offer are checked against. */
export interface TenantLists {
  /** Active currency codes, uppercase. */
  currencies: string[];
  devices: string[];
  oses: string[];
}

export interface OfferListQuery {
  page: number;
  limit: number;
  /** Default: every status. */
  statuses?: OfferStatus[];
  /** Only these integer offer ids. */
  ids?: string[];
  /** Highest id first (the newest offers), instead of oldest first. */
  newestFirst?: boolean;
}

/** A page of `GET /3.0/offers`; Affise may leave out `next_page` (or send null) on the last one. */
export interface OfferPage {
  offers: AffiseOffer[];
  totalCount?: number;
  perPage?: number;
  nextPage?: number;
}

const isUncommittedFailure = (error: AxiosError): boolean =>
  error.response ? error.response.status === 429 : error.code === "ECONNREFUSED";

/** Set on each request's config: when its first attempt started (retries keep the config). */
interface Timed {
  affiseStartedAt?: number;
  "axios-retry"?: { retryCount?: number };
}

const backoff = (count: number) =>
  Math.min(RETRY_MAX_DELAY_MS, exponentialDelay(count, undefined, RETRY_BASE_DELAY_MS));

export class AffiseClient {
  private readonly http: AxiosInstance;

  /** The Affise API this client speaks to. */
  get tenant(): string {
    return this.connection.apiUrl;
  }

  constructor(private readonly connection: AffiseConnection) {
    const throttle = throttleFor(connection.apiUrl, connection);
    const maxWaitMs = connection.maxWaitSeconds * 1000;
    const send = axios.getAdapter(axios.defaults.adapter);
    this.http = axios.create({
      baseURL: connection.apiUrl,
      timeout: connection.timeoutMs,
      headers: { "API-Key": connection.apiKey, Accept: "application/json" },
      paramsSerializer: (params) =>
        qs.stringify(params, { arrayFormat: "brackets", encodeValuesOnly: true }),
      adapter: (config) =>
        throttle.schedule(async () => {
          try {
            const response = await send(config);
            markAnswered(connection.apiUrl);
            throttle.succeeded();
            return response;
          } catch (error) {
            if (isAxiosError(error) && error.response) markAnswered(connection.apiUrl);
            if (isAxiosError(error) && error.response?.status === 429) {
              throttle.throttled(retryAfter(error) || undefined, maxWaitMs);
            }
            throw error;
          }
        }),
      // 429 and 5xx are failures to retry; any other answer is read, envelope and all, below.
      validateStatus: (status) => status < 500 && status !== 429,
      maxRedirects: 0,
    });
    axiosRetry(this.http, {
      retries: connection.maxRetries,
      shouldResetTimeout: true,
      retryDelay: (count, error) => Math.max(retryAfter(error), backoff(count)),
      retryCondition: (error) => this.mayRetry(error),
    });
  }

  /** Retried: 5xx, a 429 whose pause the provider waits out, and no answer within the patience. */
  private mayRetry(error: AxiosError): boolean {
    if (!error.response) {
      if (!isAxiosError(error) || error.code === "ERR_CANCELED") return false;
      const timed = (error.config ?? {}) as Timed;
      const next = backoff((timed["axios-retry"]?.retryCount ?? 0) + 1);
      const started = timed.affiseStartedAt ?? Date.now();
      return mayRetryWithoutAnswer(this.connection, started, next, Date.now());
    }
    const status = error.response.status;
    if (status === 429) return retryAfter(error) <= this.connection.maxWaitSeconds * 1000;
    return status >= 500;
  }

  async getOffer(id: string): Promise<AffiseOffer | undefined> {
    try {
      const body = await this.request({
        method: "GET",
        url: `/3.0/offer/${encodeURIComponent(id)}`,
      });
      return parseOffer(body, "GET", `/3.0/offer/${id}`);
    } catch (error) {
      if (error instanceof AffiseError && error.isNotFound) return undefined;
      throw error;
    }
  }

  /** Every offer, in any status, whose external_offer_id is exactly `externalOfferId`. */
  async findOffersByExternalId(externalOfferId: string): Promise<AffiseOffer[]> {
    const path = "/3.0/offers";
    const body = await this.request({
      method: "GET",
      url: path,
      params: { external_offer_id: externalOfferId, status: ALL_STATUSES, limit: 500 },
    });
    const offers = (body as { offers?: unknown }).offers;
    if (!Array.isArray(offers))
      throw new AffiseError("GET", path, "protocol", "answer has no offers list");
    return offers
      .map((offer) => parseOffer({ offer }, "GET", path))
      .filter((offer) => String(offer.external_offer_id ?? "") === externalOfferId);
  }

  /**
   * One page of the account's offers, oldest id first (so a page boundary does not move while
   * offers are created elsewhere) unless `newestFirst`. `status[]` is always sent: Affise lists only active offers
   * without it.
   */
  async listOffers(query: OfferListQuery): Promise<OfferPage> {
    const path = "/3.0/offers";
    const body = await this.request({
      method: "GET",
      url: path,
      params: {
        status: query.statuses ?? ALL_STATUSES,
        int_id: query.ids,
        sort: { id: query.newestFirst ? "desc" : "asc" },
        page: query.page,
        limit: query.limit,
      },
    });
    const offers = (body as { offers?: unknown }).offers;
    if (!Array.isArray(offers))
      throw new AffiseError("GET", path, "protocol", "answer has no offers list");
    const pagination = ((body as { pagination?: unknown }).pagination ?? {}) as Record<
      string,
      unknown
    >;
    const count = (value: unknown) =>
      value === null || value === undefined || value === "" || !Number.isFinite(Number(value))
        ? undefined
        : Number(value);
    return {
      offers: offers.map((offer) => parseOffer({ offer }, "GET", path)),
      totalCount: count(pagination.total_count),
      perPage: count(pagination.per_page),
      nextPage: count(pagination.next_page),
    };
  }

  async createOffer(form: string): Promise<AffiseOffer> {
    const path = "/3.0/admin/offer";
    const body = await this.request(
      { method: "POST", url: path, data: form, headers: FORM },
      { retry: "uncommitted" },
    );
    return parseOffer(body, "POST", path);
  }

  /** An edit sends the offer's full declared state, so repeating it is safe and it is retried. */
  async editOffer(id: string, form: string): Promise<AffiseOffer> {
    const path = `/3.0/admin/offer/${encodeURIComponent(id)}`;
    const body = await this.request({ method: "POST", url: path, data: form, headers: FORM });
    return parseOffer(body, "POST", path);
  }

  /** Deletes the offer; one that is already gone counts as deleted. */
  async deleteOffer(id: string): Promise<void> {
    try {
      await this.request({
        method: "POST",
        url: "/3.0/admin/offer/delete",
        data: qs.stringify({ offer_id: [id] }, { arrayFormat: "brackets", encodeValuesOnly: true }),
        headers: FORM,
      });
    } catch (error) {
      if (error instanceof AffiseError && error.isFinal && (await this.getOffer(id)) === undefined)
        return;
      throw error;
    }
  }

  async setOfferStatus(id: string, status: OfferStatus): Promise<void> {
    await this.request({
      method: "POST",
      url: "/3.0/admin/offer/mass-update",
      data: qs.stringify(
        { offer_id: [id], status },
        { arrayFormat: "brackets", encodeValuesOnly: true },
      ),
      headers: FORM,
    });
  }

  /** Affiliates given access to a protected or private offer. */
  async getEnabledAffiliates(id: string): Promise<number[]> {
    const path = `/3.1/offers/${encodeURIComponent(id)}/privacy`;
    const body = await this.request({ method: "GET", url: path }, { envelope: false });
    const enabled = (body as { affiliates_enabled?: unknown }).affiliates_enabled;
    if (!Array.isArray(enabled)) {
      throw new AffiseError("GET", path, "protocol", "answer has no affiliates_enabled list");
    }
    return enabled.map(Number);
  }

  /** Gives one affiliate access (`notice=0`: no e-mail for a change made from code). */
  async setAffiliateAccess(id: string, affiliate: number, enabled: boolean): Promise<void> {
    await this.request({
      method: "POST",
      url: enabled ? "/3.0/offer/enable-affiliate" : "/3.0/offer/disable-affiliate",
      data: qs.stringify({ offer_id: id, pid: affiliate, notice: 0 }),
      headers: FORM,
    });
  }

  /** Every advertiser id in the account, page by page (500 a page). */
  async listAdvertiserIds(): Promise<string[]> {
    const path = "/3.0/admin/advertisers";
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const body = await this.request({ method: "GET", url: path, params: { page, limit: 500 } });
      const { advertisers, pagination } = body as {
        advertisers?: unknown;
        pagination?: { next_page?: unknown };
      };
      if (!Array.isArray(advertisers)) {
        throw new AffiseError("GET", path, "protocol", "answer has no advertisers list");
      }
      ids.push(...advertisers.map((a) => String((a as { id?: unknown }).id)));
      const next = Number(pagination?.next_page);
      if (advertisers.length === 0 || !Number.isInteger(next) || next <= page) return ids;
    }
  }

  async getTenantLists(): Promise<TenantLists> {
    const [currency, devices, oses] = await Promise.all([
      this.request({ method: "GET", url: "/3.0/admin/currency", params: { get_only_active: 1 } }),
      this.request({ method: "GET", url: "/3.1/devices" }),
      this.request({ method: "GET", url: "/3.1/oses" }),
    ]);
    const quotes = (currency as { quotes?: unknown }).quotes;
    const codes = Array.isArray(quotes)
      ? quotes.map((q) => String((q as { code?: unknown }).code))
      : Object.keys((quotes ?? {}) as object);
    const names = (value: unknown) => Object.values((value ?? {}) as object).map(String);
    return {
      currencies: codes.map((code) => code.toUpperCase()),
      devices: names((devices as { types?: unknown }).types),
      oses: names((oses as { oses?: unknown }).oses),
    };
  }

  /** Sends one request; resolves to the JSON body of a `{"status":1,...}` answer, else throws AffiseError. */
  private async request(
    config: AxiosRequestConfig,
    options: RequestOptions = {},
  ): Promise<unknown> {
    const method = (config.method ?? "GET").toUpperCase();
    const path = String(config.url);
    const secrets = [this.connection.apiKey];
    let response;
    try {
      response = await this.http.request({
        ...config,
        timeout: attemptTimeout(this.connection),
        affiseStartedAt: Date.now(),
        "axios-retry":
          options.retry === "uncommitted"
            ? { retryCondition: (e: AxiosError) => isUncommittedFailure(e) && this.mayRetry(e) }
            : undefined,
      } as AxiosRequestConfig);
    } catch (error) {
      throw this.failure(error, method, path, secrets);
    }
    const body: unknown = response.data;
    const ok = response.status >= 200 && response.status < 300;
    const isObject = body !== null && typeof body === "object";
    const envelopeOk =
      isObject && (options.envelope === false || (body as { status?: unknown }).status === 1);
    if (ok && envelopeOk) return body;
    const notFound = isAffiseNotFound(response.status, body);
    if (response.status === 404 && !notFound) {
      throw foreignNotFound(method, this.urlOf(path), redactBody(body, secrets));
    }
    const message = inFileTerms(redact(messageFromBody(body), secrets));
    throw new AffiseError(
      method,
      path,
      "http",
      // Affise's 403 is a valid key without the rights: usually an affiliate's key.
      response.status === 403 ? `${message} (${NOT_ADMIN_HINT})` : message,
      response.status,
      notFound,
    );
  }

  /** A long wait or an account that never answered, said as such; anything else as Affise said it. */
  private failure(error: unknown, method: string, path: string, secrets: string[]): AffiseError {
    const now = Date.now();
    if (error instanceof LongWaitError) {
      return new AffiseError(
        method,
        path,
        "wait",
        longWaitMessage(this.connection, error.until - now, now),
      );
    }
    const asked = isAxiosError(error) && error.response?.status === 429 ? retryAfter(error) : 0;
    if (asked > this.connection.maxWaitSeconds * 1000) {
      return new AffiseError(
        method,
        path,
        "wait",
        longWaitMessage(this.connection, asked, now),
        429,
      );
    }
    const failure = toAffiseError(error, method, path, secrets);
    if (failure.status !== undefined || hasAnswered(this.connection.apiUrl)) return failure;
    return new AffiseError(
      method,
      path,
      failure.kind,
      unreachableMessage(this.connection, failure.affiseMessage),
    );
  }

  /** The full URL of a path, without any credentials the base URL may carry. */
  private urlOf(path: string): string {
    const base = new URL(this.connection.apiUrl);
    base.username = "";
    base.password = "";
    base.search = "";
    return `${base.toString().replace(/\/+$/, "")}${path}`;
  }
}

function redactBody(body: unknown, secrets: string[]): unknown {
  return typeof body === "string"
    ? redact(body, secrets)
    : JSON.parse(redact(JSON.stringify(body ?? null), secrets));
}

function parseOffer(body: unknown, method: string, path: string) {
  const offer = (body as { offer?: unknown }).offer;
  try {
    return parseAffiseOffer(offer);
  } catch (error) {
    throw new AffiseError(method, path, "protocol", (error as Error).message);
  }
}
