/**
 * COUNTER-EXAMPLE — DO NOT COPY. A dynamic provider for the same offers, written the way most
 * dynamic-provider tutorials are: every hook inline in the object `dynamic.Resource` serializes, the
 * connection settings (API key included) captured from the closure, no validation, no
 * normalisation, no throttle, no retries. The benchmark runs it side by side with affise.Offer to
 * show what each of those shortcuts costs: the key and all this code stored in every resource's
 * state, a diff that compares declared inputs against Affise's read model (so every offer looks
 * changed on every preview), and failed operations under a rate limit.
 */
import * as pulumi from "@pulumi/pulumi";
import type { OfferArgs } from "../provider";

export interface NaiveSettings {
  apiUrl: string;
  apiKey: string;
}

type Props = Record<string, unknown>;

export interface NaiveProvider extends pulumi.dynamic.ResourceProvider {
  call(method: string, path: string, body?: string): Promise<Props>;
  form(inputs: Props): string;
}

export function naiveOfferProvider(settings: NaiveSettings): NaiveProvider {
  return {
    async check(_olds: Props, news: Props) {
      return { inputs: news };
    },

    async diff(_id: string, olds: Props, news: Props) {
      const fields = ["title", "advertiser", "url", "payments"];
      const changed = fields.filter((f) => JSON.stringify(olds[f]) !== JSON.stringify(news[f]));
      return { changes: changed.length > 0 };
    },

    async create(inputs: Props) {
      const offer = await this.call("POST", "/3.0/admin/offer", this.form(inputs));
      return { id: String(offer.id), outs: { ...inputs, ...offer } };
    },

    async read(id: string, props: Props) {
      const offer = await this.call("GET", `/3.0/offer/${id}`);
      return { id: String(offer.id), props: { ...props, ...offer } };
    },

    async update(id: string, _olds: Props, news: Props) {
      const offer = await this.call("POST", `/3.0/admin/offer/${id}`, this.form(news));
      return { outs: { ...news, ...offer } };
    },

    async delete(id: string) {
      await this.call("POST", "/3.0/admin/offer/delete", `offer_id[]=${id}`);
    },

    async call(method: string, path: string, body?: string) {
      const response = await fetch(settings.apiUrl + path, {
        method,
        headers: {
          "API-Key": settings.apiKey,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
      });
      if (!response.ok) throw new Error(`Affise ${response.status}: ${await response.text()}`);
      const answer = (await response.json()) as { offer?: Props };
      return answer.offer ?? {};
    },

    form(inputs: Props) {
      const form = new URLSearchParams();
      for (const key of ["title", "advertiser", "url"]) form.append(key, String(inputs[key]));
      (inputs.payments as Props[]).forEach((payment, i) => {
        for (const [key, value] of Object.entries(payment)) {
          if (Array.isArray(value))
            value.forEach((v) => form.append(`payments[${i}][${key}][]`, v));
          else form.append(`payments[${i}][${key}]`, String(value));
        }
      });
      return form.toString();
    },
  };
}

/** The counter-example's resource: a new provider object, settings and all, per offer. */
export class NaiveOffer extends pulumi.dynamic.Resource {
  constructor(name: string, args: OfferArgs, settings: NaiveSettings) {
    super(naiveOfferProvider(settings), name, { ...args }, undefined, "naive", "Offer");
  }
}
