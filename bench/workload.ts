/**
 * The offers the benchmark declares, and the commit it applies to them: one payment's amount
 * changed on 1 % of the offers. Each provider's offers are registered under
 * `pulumi.runtime.setMocks` by the real `dynamic.Resource` constructor, so `__provider` is exactly
 * what a `pulumi up` of the same program would store.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { OfferArgs, PaymentArgs } from "../provider";
import { declareOffers } from "../harness/declare-offers";
import type { Declared } from "../harness/engine";
import { sampleOffer } from "../harness/fixtures";
import { requireCompiledByTsc } from "./compile-like-pulumi";
import type { NaiveProvider, NaiveSettings } from "./naive-provider";

export interface BenchOffer {
  name: string;
  args: OfferArgs;
}

export const PROJECT = "offers";
export const STACK = "bench";

export function benchOffers(n: number): BenchOffer[] {
  return Array.from({ length: n }, (_, i) => ({ name: `offer-${i}`, args: sampleOffer(i) }));
}

/** One offer in a hundred (at least one) gets its first payment's total raised by 1. */
export function changeOnePercent(offers: BenchOffer[]): {
  offers: BenchOffer[];
  changed: Set<string>;
} {
  const count = Math.max(1, Math.round(offers.length / 100));
  const step = offers.length / count;
  const changed = new Set(
    Array.from({ length: count }, (_, k) => offers[Math.floor(k * step)].name),
  );
  return {
    changed,
    offers: offers.map((offer) => {
      if (!changed.has(offer.name)) return offer;
      // sampleOffer's payments are plain values, never Outputs.
      const [first, ...rest] = offer.args.payments as PaymentArgs[];
      return {
        ...offer,
        args: {
          ...offer.args,
          payments: [{ ...first, total: (first.total as number) + 1 }, ...rest],
        },
      };
    }),
  };
}

export function declareAffiseOffers(offers: BenchOffer[]): Promise<Declared[]> {
  return declareOffers(offers, { project: PROJECT, stack: STACK });
}

const naive = requireCompiledByTsc<typeof import("./naive-provider")>(
  path.join(__dirname, "naive-provider.ts"),
);

export async function declareNaiveOffers(
  offers: BenchOffer[],
  settings: NaiveSettings,
): Promise<Declared[]> {
  const registered = new Map<string, Declared>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.set(args.name, { name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    PROJECT,
    STACK,
    false,
  );
  const resources = offers.map(({ name, args }) => new naive.NaiveOffer(name, args, settings));
  await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  return offers.map(({ name }) => registered.get(name)!);
}

/** The counter-example's provider object itself, to call its hooks in process. */
export function naiveProviderFor(settings: NaiveSettings): NaiveProvider {
  return naive.naiveOfferProvider(settings);
}
