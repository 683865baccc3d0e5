/** The benchmark's targets, checked against a run's measurements. */
import { num, percent } from "./format";
import type { RateLimitedRun } from "./rate-limited";
import type { BenchResults } from "./results";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  /** By how much it was missed. */
  shortfall?: string;
}

export const PROVIDER_BYTES_TARGET = 2560;
export const HOOK_CPU_TARGET_MICROS = 200;
export const RATE_FRACTION_TARGET = 0.9;
export const HOST_RSS_TARGET_MB = 200;
export const CREATE_REQUESTS_TARGET = 1.05;
export const CREATE_FLOOR_TARGET = 1.1;
export const CLIENT_OVERHEAD_TARGET_MS = 0.5;

export function checkTargets(results: BenchResults): TargetCheck[] {
  const { ours, options } = results;
  const [, preview, update] = ours.lifecycle.phases;
  const first = ours.cpu.firstPass;
  const hookMicros = first.checkMicros + first.diffMicros;
  const warmMicros = ours.cpu.checkMicros + ours.cpu.diffMicros;
  const peakMB = Math.max(...ours.lifecycle.phases.map((phase) => phase.hostPeakMB));
  const bytes = ours.lifecycle.providerBytes;
  const changed = results.changedOffers;
  const create = ours.lifecycle.phases[0];
  const perCreate = create.requests.total / create.offers;
  const overheadMs = results.clientOverhead.clientGetMs - results.clientOverhead.plainGetMs;
  const checks: TargetCheck[] = [
    {
      target: `create ≤ ${CREATE_REQUESTS_TARGET} Affise requests per offer, crash-safe`,
      measured: `${num(perCreate, 3)} (${num(create.requests.total)} for ${num(create.offers)} offers)`,
      met: perCreate <= CREATE_REQUESTS_TARGET,
      shortfall: `${num(perCreate - CREATE_REQUESTS_TARGET, 2)} requests per offer over`,
    },
    {
      target: `0 Affise requests for a no-op preview of ${num(options.n)} offers`,
      measured: `${num(preview.requests.total)} requests`,
      met: preview.requests.total === 0,
      shortfall: `${num(preview.requests.total)} requests too many`,
    },
    {
      target: "1 request per changed offer",
      measured: `${num(update.requests.total)} requests for ${num(changed)} changed offers (${num(update.requests.total / changed, 2)} each)`,
      met: update.requests.total === changed && update.requests.writes === changed,
      shortfall:
        `${num(update.requests.total - changed)} requests more than the ${num(changed)} needed: ` +
        "an edit that changes payments reads the offer first, since Affise replaces the list whole " +
        "and what its UI set on a payment must be sent back",
    },
    {
      target: `\`__provider\` ≤ ${num(PROVIDER_BYTES_TARGET)} bytes per resource`,
      measured: `${num(bytes)} bytes`,
      met: bytes <= PROVIDER_BYTES_TARGET,
      shortfall: `${num(bytes - PROVIDER_BYTES_TARGET)} bytes over`,
    },
    {
      target: "check+diff CPU ≤ 0.2 ms per offer, inside the provider",
      measured:
        `first pass over ${num(options.n)} offers: ${num(hookMicros / 1000, 3)} ms ` +
        `(check ${num(first.checkMicros, 1)} µs + diff ${num(first.diffMicros, 1)} µs); ` +
        `warm: ${num(warmMicros / 1000, 3)} ms; ${num(ours.cpu.changedDiffs)} diffs found a change`,
      // Every diff of a no-op preview must find nothing; otherwise it timed another path.
      met: hookMicros <= HOOK_CPU_TARGET_MICROS && ours.cpu.changedDiffs === 0,
      shortfall:
        ours.cpu.changedDiffs > 0
          ? `${num(ours.cpu.changedDiffs)} diffs of a no-op preview found a change`
          : `${num((hookMicros - HOOK_CPU_TARGET_MICROS) / 1000, 3)} ms over`,
    },
    ...results.rateLimited.filter((run) => run.label === "affise.Offer").map(rateTarget),
    ...results.rateLimited
      .filter((run) => run.label === "affise.Offer" && run.clientRate === run.limit)
      .map(floorTarget),
    {
      target: `client overhead ≤ ${CLIENT_OVERHEAD_TARGET_MS} ms per request over a plain fetch`,
      measured: `${num(overheadMs, 2)} ms (${num(results.clientOverhead.clientGetMs, 2)} against ${num(results.clientOverhead.plainGetMs, 2)} ms)`,
      met: overheadMs <= CLIENT_OVERHEAD_TARGET_MS,
      shortfall: `${num(overheadMs - CLIENT_OVERHEAD_TARGET_MS, 2)} ms over`,
    },
    {
      target: `host RSS ≤ ${HOST_RSS_TARGET_MB} MB at ${num(options.n)} offers`,
      measured: `${num(peakMB, 1)} MB peak (${num(ours.hostIdleMB, 1)} MB before the first offer)`,
      met: peakMB <= HOST_RSS_TARGET_MB,
      shortfall: `${num(peakMB - HOST_RSS_TARGET_MB, 1)} MB over (${percent(peakMB / HOST_RSS_TARGET_MB - 1)})`,
    },
  ];
  return checks.map((check) => (check.met ? { ...check, shortfall: undefined } : check));
}

function rateTarget(run: RateLimitedRun): TargetCheck {
  const failed = run.phase.failed;
  const met = run.fractionOfLimit >= RATE_FRACTION_TARGET && failed === 0 && run.duplicates === 0;
  const missing: string[] = [];
  if (run.fractionOfLimit < RATE_FRACTION_TARGET)
    missing.push(`${num((RATE_FRACTION_TARGET - run.fractionOfLimit) * 100, 1)} points short`);
  if (failed > 0) missing.push(`${num(failed)} failed operations`);
  if (run.duplicates > 0) missing.push(`${num(run.duplicates)} duplicate offers`);
  return {
    target: `≥ 90 % of a ${num(run.limit)} req/s limit, zero failed operations (client configured at ${num(run.clientRate ?? 0)} req/s)`,
    measured: `${percent(run.fractionOfLimit)}, ${num(failed)} failed`,
    met,
    shortfall: missing.join(", "),
  };
}

function floorTarget(run: RateLimitedRun): TargetCheck {
  const offers = run.phase.offers;
  const floor = offers / run.limit;
  const ratio = run.phase.seconds / floor;
  const clean = run.phase.failed === 0 && run.duplicates === 0;
  return {
    target:
      `${num(offers)} creates at ${num(run.limit)} req/s within ${CREATE_FLOOR_TARGET}× the ` +
      `${num(floor, 0)} s floor, 0 failures, 0 duplicates`,
    measured:
      `${num(run.phase.seconds, 1)} s (${num(ratio, 2)}×), ${num(run.phase.failed)} failed, ` +
      `${num(run.duplicates)} duplicates`,
    met: ratio <= CREATE_FLOOR_TARGET && clean,
    shortfall: [
      ratio > CREATE_FLOOR_TARGET
        ? `${num(run.phase.seconds - floor * CREATE_FLOOR_TARGET, 1)} s over ${CREATE_FLOOR_TARGET}× the floor`
        : "",
      run.phase.failed > 0 ? `${num(run.phase.failed)} failed` : "",
      run.duplicates > 0 ? `${num(run.duplicates)} duplicates` : "",
    ]
      .filter(Boolean)
      .join(", "),
  };
}
