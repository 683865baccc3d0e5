import type { AddressInfo } from "node:net";
import { completeRateLimit, FaultController, noFaults } from "./faults";
import { offerReadModel } from "./read-model/offer";
import { RequestLog } from "./request-log";
import { buildServer } from "./server";
import { OfferStore } from "./store/offer-store";
import { SqlitePersistence } from "./store/sqlite-persistence";
import type { EmulatorOptions, FaultSettings, RunningEmulator } from "./types";

export type {
  CodeCase,
  EmulatorOptions,
  FailureStatus,
  FaultSettings,
  LoggedRequest,
  RateLimitSettings,
  RunningEmulator,
} from "./types";

/** Starts a local Affise offers API on loopback and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (typeof options.apiKey !== "string" || options.apiKey === "") {
    throw new Error("startEmulator: apiKey is required");
  }
  const baseline: FaultSettings = {
    ...noFaults(),
    latencyMs: options.latencyMs ?? 0,
    rateLimit: options.rateLimit ? completeRateLimit(options.rateLimit) : null,
  };
  const faults = new FaultController(baseline);
  faults.patch(baseline);
  const store = new OfferStore(
    options.dataFile ? new SqlitePersistence(options.dataFile) : undefined,
  );
  const log = new RequestLog();
  const codeCase = options.codeCase ?? "lower";
  const app = await buildServer({
    apiKey: options.apiKey,
    affiliateApiKeys: options.affiliateApiKeys ?? [],
    codeCase,
    store,
    faults,
    log,
    printLog: options.log ?? false,
  });

  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closed = false;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      store.close();
    },
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    faults: () => faults.settings(),
    setFaults: (patch) => faults.patch(patch),
    resetFaults: () => faults.reset(),
    offers: () => store.all().map((offer) => offerReadModel(offer, codeCase)),
  };
}
