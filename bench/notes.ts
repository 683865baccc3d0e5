/**
 * The "why" under the figures: each note states a cause and the measured numbers behind it, and is
 * written only when the run shows what it explains.
 */
import { num, percent, times } from "./format";
import type { BenchResults } from "./results";
import { HOST_RSS_TARGET_MB } from "./targets";

export function explainResults(results: BenchResults): string[] {
  return [...createCost(results), ...naiveCosts(results), ...memory(results)];
}

function createCost({ ours }: BenchResults): string[] {
  const create = ours.lifecycle.phases[0];
  const lookups = create.requests.byRoute["GET /3.0/offers"] ?? 0;
  if (lookups === 0) return [];
  return [
    `affise.Offer's create costs ${num(create.requests.total / create.offers, 2)} requests per offer: ` +
      `${num(lookups)} marker lookups (\`GET /3.0/offers?external_offer_id=…\`) besides the ` +
      `${num(create.requests.byRoute["POST /3.0/admin/offer"] ?? 0)} creates. That lookup is issue 5's ` +
      `crash-safe create (an interrupted create is found again instead of duplicated); it makes create ` +
      `${times(create.requests.total, create.floorRequests)} the one-POST floor, and doubles the least ` +
      `time a rate-limited create can take.`,
  ];
}

function naiveCosts({ naive, ours, changedOffers, options }: BenchResults): string[] {
  if (!naive) return [];
  const [, preview, update] = naive.lifecycle.phases;
  return [
    `The naive diff compares declared inputs with Affise's read model (lower-case codes, booleans, ` +
      `payment ids, read-only fields), so a preview of an unchanged stack shows ` +
      `${num(preview.writeSteps)} of ${num(options.n)} offers as changed, and the update that changes ` +
      `${num(changedOffers)} offers rewrites ${num(update.requests.writes)} of them.`,
    `The naive provider serializes its code and its settings into every resource: ` +
      `${num(naive.lifecycle.providerBytes)} bytes of \`__provider\`` +
      `${naive.lifecycle.keyInState ? " with the API key in plain text" : ""}, against ` +
      `${num(ours.lifecycle.providerBytes)} for affise.Offer's shim, which holds no settings and ` +
      `loads the installed package's provider in the host.`,
  ];
}

function memory({ ours, naive, options }: BenchResults): string[] {
  const peak = Math.max(...ours.lifecycle.phases.map((phase) => phase.hostPeakMB));
  const notes = [
    `Pulumi's provider host, started and configured before any offer, already holds ` +
      `${num(ours.hostIdleMB, 1)} MB: the SDK it runs loads, among others, the TypeScript compiler ` +
      `for its closure serializer. affise.Offer's ${num(options.n)} offers take it ` +
      `${num(peak - ours.hostIdleMB, 1)} MB higher, to ${num(peak, 1)} MB` +
      (naive
        ? `; the naive provider's host peaks at ` +
          `${num(Math.max(...naive.lifecycle.phases.map((phase) => phase.hostPeakMB)), 1)} MB.`
        : "."),
  ];
  if (peak > HOST_RSS_TARGET_MB) {
    notes.push(
      `The ${HOST_RSS_TARGET_MB} MB target is missed by ${num(peak - HOST_RSS_TARGET_MB, 1)} MB ` +
        `(${percent(peak / HOST_RSS_TARGET_MB - 1)}).`,
    );
  }
  return notes;
}
