import type { FailureStatus, FaultSettings } from "./types";
import type { EmulatorOptions } from "./types";

export const USAGE = `Usage: npm run emulator -- --api-key <key> [options]

  --api-key <key>          the API key clients must present (required)
  --port <n>               port to listen on (default 4010; 0 = any free port)
  --host <addr>            interface to bind (default 127.0.0.1)
  --data <file>            keep offers in this SQLite file across restarts
  --latency-ms <n>         delay every API request by n milliseconds
  --rate-limit <n>         allow n API requests per second (token bucket), 429 past it
  --rate-burst <n>         bucket size for --rate-limit (default: one second's worth)
  --retry-after            send Retry-After on rate-limited 429s (Affise sends none)
  --fail-next <n>          fail the next n API requests ...
  --fail-status <code>     ... with 500, 502 or 429 (default 500)
  --fail-ratio <r>         fail each API request with probability r (0..1), with --fail-status
  --drop-after-commit <n>  store the next n creates, then drop the connection unanswered
  --code-case <case>       how codes read back: lower (default) or as-sent
  --affiliate-key <key>    also accept this affiliate's key (affiliate view, 403 on admin requests)
  --log                    print one line per request to stderr
`;

export interface CliSettings {
  options: EmulatorOptions;
  /** Faults to apply once started, beyond what EmulatorOptions can express. */
  faults: Partial<FaultSettings>;
}

/** Parses the command line; throws an Error whose message explains what is wrong. */
export function parseCliArgs(argv: readonly string[]): CliSettings | "help" {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const BOOLEAN_FLAGS = new Set(["--log", "--retry-after", "--help", "-h"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (BOOLEAN_FLAGS.has(arg)) {
      flags.add(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (!KNOWN_VALUE_FLAGS.has(name)) throw new Error(`unknown option ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    values.set(name, value);
  }
  if (flags.has("--help") || flags.has("-h")) return "help";

  const apiKey = values.get("--api-key");
  if (!apiKey) throw new Error("--api-key is required");
  const number = (name: string, fallback?: number) => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new Error(`${name} must be a non-negative number`);
    return parsed;
  };

  const codeCase = values.get("--code-case");
  if (codeCase !== undefined && codeCase !== "lower" && codeCase !== "as-sent")
    throw new Error("--code-case must be lower or as-sent");
  const affiliateKey = values.get("--affiliate-key");
  const rate = number("--rate-limit");
  const failStatus = number("--fail-status", 500) as FailureStatus;
  if (![500, 502, 429].includes(failStatus))
    throw new Error("--fail-status must be 500, 502 or 429");
  const options: EmulatorOptions = {
    apiKey,
    port: number("--port", 4010),
    host: values.get("--host") ?? "127.0.0.1",
    dataFile: values.get("--data"),
    latencyMs: number("--latency-ms", 0),
    rateLimit: rate
      ? {
          requestsPerSecond: rate,
          burst: number("--rate-burst"),
          retryAfterHeader: flags.has("--retry-after"),
        }
      : undefined,
    log: flags.has("--log"),
    codeCase,
    affiliateApiKeys: affiliateKey ? [affiliateKey] : undefined,
  };
  const faults: Partial<FaultSettings> = {};
  const failNext = number("--fail-next", 0) ?? 0;
  if (failNext > 0) faults.failNext = { count: failNext, status: failStatus };
  const failRatio = number("--fail-ratio", 0) ?? 0;
  if (failRatio > 1) throw new Error("--fail-ratio must be from 0 to 1");
  if (failRatio > 0) faults.intermittent = { ratio: failRatio, statuses: [failStatus], seed: 1 };
  const drops = number("--drop-after-commit", 0) ?? 0;
  if (drops > 0) faults.dropAfterCommit = drops;
  return { options, faults };
}

const KNOWN_VALUE_FLAGS = new Set([
  "--api-key",
  "--port",
  "--host",
  "--data",
  "--latency-ms",
  "--rate-limit",
  "--rate-burst",
  "--fail-next",
  "--fail-status",
  "--fail-ratio",
  "--drop-after-commit",
  "--code-case",
  "--affiliate-key",
]);
