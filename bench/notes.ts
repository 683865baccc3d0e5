/**
 * The "why" under the figures: each note states a cause with the measured numbers behind it, and is
 * written only when the run shows what it explains.
 */
import { explainCliRuns } from "./cli/cli-notes";
import { count, num, percent, routes, times } from "./format";
import type { RateLimitedRun } from "./rate-limited";
import type { BenchResults, ProviderRun } from "./results";
import { HOOK_CPU_TARGET_MICROS, HOST_RSS_TARGET_MB } from "./targets";

export function explainResults(results: BenchResults): string[] {
  return [
    ...createCost(results),
    ...createTime(results),
    ...naiveCosts(results),
    ...hookCpu(results),
    ...memory(results),
    ...results.rateLimited.map((run) => rateLimited(run)),
    ...(results.cli ? explainCliRuns(results.cli.runs) : []),
  ];
}

const peakOf = (run: ProviderRun) => Math.max(...run.lifecycle.phases.map((p) => p.hostPeakMB));

function createCost({ ours }: BenchResults): string[] {
  const create = ours.lifecycle.phases[0];
  const {
    "GET /3.0/offers": lookups = 0,
    "POST /3.0/admin/offer": posts = 0,
    ...others
  } = create.requests.byRoute;
  if (lookups === 0) return [];
  const otherCount = Object.values(others).reduce((sum, n) => sum + n, 0);
  const other =
    otherCount > 0 ? `, plus ${count(otherCount, "other request")} (${routes(others)})` : "";
  return [
    `affise.Offer's create costs ${num(create.requests.total / create.offers, 2)} requests per ` +
      `offer: ${num(posts)} creates, ${count(lookups, "offer listing")} ` +
      `(\`GET /3.0/offers\`: the process's marker index and its checks)${other}. The index keeps ` +
      `create crash-safe (an interrupted create is found again, not duplicated) at ` +
      `${times(create.requests.total, create.floorRequests)} the one-POST floor.`,
  ];
}

function createTime({ ours, naive, latency, clientOverhead }: BenchResults): string[] {
  if (!naive) return [];
  const [mine, theirs] = [ours.lifecycle.phases[0], naive.lifecycle.phases[0]];
  if (mine.seconds <= theirs.seconds) return [];
  return [
    `Without a rate limit, affise.Offer's create phase takes ${num(mine.seconds, 1)} s against the ` +
      `naive provider's ${num(theirs.seconds, 1)} s: it makes ${times(mine.requests.total, theirs.requests.total)} ` +
      `the requests; its client adds ${num(clientOverhead.clientGetMs - clientOverhead.plainGetMs, 2)} ms to each ` +
      `(see "Where the time goes")` +
      (latency.lookupFullMs > latency.lookupEmptyMs
        ? `; and the emulator, running on the same two cores, answers a marker lookup ` +
          `${num(latency.lookupFullMs - latency.lookupEmptyMs, 2)} ms slower with ` +
          `${num(latency.storedOffers)} offers stored than with none.`
        : "."),
  ];
}

function naiveCosts({ naive, ours, changedOffers, options }: BenchResults): string[] {
  if (!naive) return [];
  const [, preview, update] = naive.lifecycle.phases;
  return [
    `The naive diff compares declared inputs with Affise's read model (lower-case codes, booleans, ` +
      `payment ids, read-only fields), so a preview of an unchanged stack shows ` +
      `${num(preview.writeSteps)} of ${num(options.n)} offers as changed, and the update that ` +
      `changes ${count(changedOffers, "offer")} rewrites ${num(update.requests.writes)}.`,
    `The naive provider serializes its code and its settings into every resource: ` +
      `${num(naive.lifecycle.providerBytes)} bytes of \`__provider\`` +
      `${naive.lifecycle.keyInState ? " with the API key in plain text" : ""}, against ` +
      `${num(ours.lifecycle.providerBytes)} for affise.Offer's shim, which holds no settings and ` +
      `loads the installed package's provider in the host.`,
  ];
}

function hookCpu({ ours, options }: BenchResults): string[] {
  const first = ours.cpu.firstPass.checkMicros + ours.cpu.firstPass.diffMicros;
  const warm = ours.cpu.checkMicros + ours.cpu.diffMicros;
  if (first <= HOOK_CPU_TARGET_MICROS) return [];
  return [
    `check+diff costs ${num(first, 1)} µs per offer on the first pass over ${num(options.n)} ` +
      `offers, ${times(first, warm)} the ${num(warm, 1)} µs it costs warm: the first pass runs ` +
      `code V8 has not optimised yet, and a preview's provider host is always fresh. The target ` +
      `is ${warm <= HOOK_CPU_TARGET_MICROS ? "met warm and " : ""}missed on the first pass by ` +
      `${num(first - HOOK_CPU_TARGET_MICROS, 1)} µs.`,
  ];
}

function memory(results: BenchResults): string[] {
  const { ours, naive, oursHeapCapped, naiveHeapCapped, options } = results;
  const peak = peakOf(ours);
  const notes = [
    `Pulumi's provider host, started and configured before any offer, holds ` +
      `${num(ours.hostIdleMB, 1)} MB: the SDK it runs loads, among others, the TypeScript compiler ` +
      `for its closure serializer. ${num(options.n)} offers take affise.Offer's host ` +
      `${num(peak - ours.hostIdleMB, 1)} MB higher, to ${num(peak, 1)} MB` +
      (naive
        ? `; the naive provider's host, with almost no code, peaks at ${num(peakOf(naive), 1)} MB.`
        : "."),
  ];
  if (oursHeapCapped) {
    const capped = peakOf(oursHeapCapped);
    const failed = oursHeapCapped.lifecycle.phases.reduce((sum, p) => sum + p.failed, 0);
    const wall = (run: ProviderRun) => run.lifecycle.phases.reduce((sum, p) => sum + p.seconds, 0);
    notes.push(
      `With the host's old generation capped at ${oursHeapCapped.heapCapMB} MB ` +
        `(\`NODE_OPTIONS=--max-old-space-size=${oursHeapCapped.heapCapMB}\`), the same lifecycle ` +
        `peaks at ${num(capped, 1)} MB with ${count(failed, "failed operation")}` +
        (capped < peak
          ? `: the ${num(peak - capped, 1)} MB above that in the default run is garbage V8 collects ` +
            `only when pressed, not memory the host needs. Collecting it costs time: the five ` +
            `phases took ${num(wall(oursHeapCapped), 1)} s capped against ${num(wall(ours), 1)} s.`
          : "; the cap does not lower the peak."),
    );
  }
  if (oursHeapCapped && naiveHeapCapped) {
    const mine = peakOf(oursHeapCapped);
    const theirs = peakOf(naiveHeapCapped);
    const share =
      mine > theirs
        ? `affise.Offer's own share of the capped peak is ${num(mine - theirs, 1)} MB (its code, ` +
          `schema and caches)`
        : `affise.Offer's host peaks ${num(theirs - mine, 1)} MB lower, so nothing in its share ` +
          `of the peak is its own`;
    notes.push(
      `Capped alike, the naive provider's host (Pulumi's host with almost no provider code) peaks ` +
        `at ${num(theirs, 1)} MB against affise.Offer's ${num(mine, 1)} MB: ${share}. The rest is ` +
        `Pulumi's host, which compiles the \`__provider\` text anew (require-from-string) for ` +
        `every call and holds each request's gRPC messages.`,
    );
  }
  if (peak > HOST_RSS_TARGET_MB) {
    notes.push(
      `The ${HOST_RSS_TARGET_MB} MB target is missed by ${num(peak - HOST_RSS_TARGET_MB, 1)} MB ` +
        `(${percent(peak / HOST_RSS_TARGET_MB - 1)}) with Node's default heap settings.`,
    );
  }
  return notes;
}

function rateLimited(run: RateLimitedRun): string {
  const { phase, limit } = run;
  const failures = `${num(phase.failed)} failed operations`;
  if (run.clientRate === undefined) {
    return (
      `The ${run.label} client has no throttle and no retries: it met ${num(phase.requests.throttled)} ` +
      `429s and retried none, so ${num(phase.failed)} of ${num(phase.offers)} creates failed within ` +
      `${num(phase.seconds, 1)} s (its ${percent(run.fractionOfLimit)} of the limit is the emulator's ` +
      `one-second burst spent in that short run); \`pulumi up\` would end with those offers not created.`
    );
  }
  const ownFloor = phase.requests.accepted / limit;
  return (
    `${run.label}, client configured at ${num(run.clientRate)} req/s against a ${num(limit)} req/s ` +
    `limit: ${num(phase.requests.accepted)} accepted requests in ${num(phase.seconds, 1)} s, ` +
    `${percent(run.fractionOfLimit)} of the limit (its own floor, ${num(phase.requests.accepted)} ÷ ` +
    `${num(limit)} = ${num(ownFloor, 1)} s); ${num(phase.requests.throttled)} 429s, ` +
    `${num(phase.requests.throttledThenAccepted)} of them retried to success; ${failures}; ` +
    `${num(run.duplicates)} duplicate offers.`
  );
}
