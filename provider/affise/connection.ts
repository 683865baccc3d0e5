/**
 * Where the provider finds Affise: Pulumi config delivered through the dynamic provider's
 * `configure` hook, else environment variables read at call time. Nothing here is serialized into
 * state: this module lives in the installed package, loaded by the provider host.
 */
import { urlProblem } from "../url-rules";

/** Affise keys are 40 characters; anything this short is a slip, and too short to redact safely. */
export const MIN_API_KEY_LENGTH = 8;

import { canonicalApiUrl } from "./tenant-url";
export interface AffiseConnection {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  maxRequestsPerSecond: number;
  maxConcurrency: number;
  /** The longest Retry-After honoured; a longer one fails at once, naming the account and the wait. */
  maxWaitSeconds: number;
  /** How long an account that has never answered in this process is tried before giving up. */
  unreachableAfterMs: number;
  /** How long after a create that got no answer its offer is still looked for by its marker. */
  createSettleSeconds: number;
}

/** Settings and their sources: stack config key, environment variable, default. */
const SETTINGS = {
  apiUrl: { config: "affise:apiUrl", env: "AFFISE_API_URL" },
  apiKey: { config: "affise:apiKey", env: "AFFISE_API_KEY" },
  timeoutMs: { config: "affise:timeoutMs", env: "AFFISE_TIMEOUT_MS", default: 30_000 },
  maxRetries: { config: "affise:maxRetries", env: "AFFISE_MAX_RETRIES", default: 6 },
  maxRequestsPerSecond: {
    config: "affise:maxRequestsPerSecond",
    env: "AFFISE_MAX_REQUESTS_PER_SECOND",
    default: 10,
  },
  maxConcurrency: { config: "affise:maxConcurrency", env: "AFFISE_MAX_CONCURRENCY", default: 4 },
  maxWaitSeconds: { config: "affise:maxWaitSeconds", env: "AFFISE_MAX_WAIT_SECONDS", default: 30 },
  unreachableAfterMs: {
    config: "affise:unreachableAfterMs",
    env: "AFFISE_UNREACHABLE_AFTER_MS",
    default: 8_000,
  },
  createSettleSeconds: {
    config: "affise:createSettleSeconds",
    env: "AFFISE_CREATE_SETTLE_SECONDS",
    default: 120,
  },
} as const;

type SettingName = keyof typeof SETTINGS;

let fromConfigure: Partial<Record<SettingName, string>> = {};

/** Called by the provider's `configure` hook with the stack config (secrets already unwrapped). */
export function applyStackConfig(get: (key: string) => string | undefined): void {
  const values: Partial<Record<SettingName, string>> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as [
    SettingName,
    (typeof SETTINGS)[SettingName],
  ][]) {
    const value = get(setting.config);
    if (value !== undefined && value !== "") values[name] = value;
  }
  fromConfigure = values;
}

export interface ConnectionOverrides {
  apiUrl?: string;
  apiKey?: string;
}

export function resolveConnection(overrides: ConnectionOverrides = {}): AffiseConnection {
  const read = (name: SettingName): string | undefined =>
    (overrides as Record<string, string | undefined>)[name] ??
    fromConfigure[name] ??
    envValue(SETTINGS[name].env);

  const apiUrl = read("apiUrl");
  if (!apiUrl) {
    throw new Error(
      "The Affise API URL is not set. Run `pulumi config set affise:apiUrl https://api-<company>.affise.com` " +
        "or set the AFFISE_API_URL environment variable.",
    );
  }
  // Config values are never repeated in a message: swapped apiUrl and apiKey are an easy slip.
  const urlProblemFound = urlProblem(apiUrl, { credentials: false });
  if (urlProblemFound) {
    throw new Error(
      `affise:apiUrl ${urlProblemFound}; it looks like https://api-<company>.affise.com ` +
        "(its value is not shown: it may be the API key set in the wrong place).",
    );
  }
  const apiKey = read("apiKey");
  if (!apiKey) {
    throw new Error(
      "The Affise API key is not set. Run `pulumi config set --secret affise:apiKey <key>` " +
        "or set the AFFISE_API_KEY environment variable.",
    );
  }
  if (apiKey.length < MIN_API_KEY_LENGTH) {
    throw new Error(
      `affise:apiKey is shorter than ${MIN_API_KEY_LENGTH} characters, so it cannot be an Affise API key ` +
        "(and could not be told apart in messages to keep it out of them).",
    );
  }
  return {
    apiUrl: canonicalApiUrl(apiUrl),
    apiKey,
    timeoutMs: positiveNumber("timeoutMs", read("timeoutMs")),
    maxRetries: positiveNumber("maxRetries", read("maxRetries"), true),
    maxRequestsPerSecond: positiveNumber("maxRequestsPerSecond", read("maxRequestsPerSecond")),
    maxConcurrency: positiveNumber("maxConcurrency", read("maxConcurrency")),
    maxWaitSeconds: positiveNumber("maxWaitSeconds", read("maxWaitSeconds"), true),
    unreachableAfterMs: positiveNumber("unreachableAfterMs", read("unreachableAfterMs")),
    createSettleSeconds: positiveNumber("createSettleSeconds", read("createSettleSeconds"), true),
  };
}

/**
 * Every value that may be a key: the stack's and the offer's keys, and an apiUrl that is not a URL
 * (a key set in the wrong place). Messages are scrubbed of all of them before they leave.
 */
export function secretsInPlay(overrides: { apiUrl?: unknown; apiKey?: unknown } = {}): string[] {
  const keys = [overrides.apiKey, fromConfigure.apiKey, envValue(SETTINGS.apiKey.env)];
  const urls = [overrides.apiUrl, fromConfigure.apiUrl, envValue(SETTINGS.apiUrl.env)];
  const notUrls = urls.filter((url) => typeof url === "string" && urlProblem(url) !== undefined);
  return [...keys, ...notUrls].filter(
    (value): value is string => typeof value === "string" && value.length >= MIN_API_KEY_LENGTH,
  );
}

function positiveNumber(
  name: Exclude<SettingName, "apiUrl" | "apiKey">,
  raw: string | undefined,
  zeroAllowed = false,
): number {
  if (raw === undefined) return SETTINGS[name].default;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new Error(`${SETTINGS[name].config} must be a ${zeroAllowed ? "" : "positive "}number.`);
  }
  return value;
}

function envValue(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}
