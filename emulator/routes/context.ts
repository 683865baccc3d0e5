import type { FaultController } from "../faults";
import type { RecordOutcome } from "../http/api-hooks";
import type { RequestLog } from "../request-log";
import type { OfferStore } from "../store/offer-store";
import type { CodeCase } from "../types";

/** What route handlers share. */
export interface RouteContext {
  store: OfferStore;
  /** How this tenant reads codes back. */
  codeCase: CodeCase;
  faults: FaultController;
  log: RequestLog;
  record: RecordOutcome;
}

/** Offer ids in paths are positive integers; anything else is not a route Affise has. */
export function parseOfferId(raw: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : undefined;
}
