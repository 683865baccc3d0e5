/**
 * From preview steps to what happens to each offer. The engine emits several steps for one
 * resource: a refresh (with `--refresh`) before the plan, and three for a replacement. A review
 * wants one verdict per offer: created, adopted, changed, replaced or deleted, plus any drift the
 * refresh found in Affise. A create that names an existing offer (`adoptId`) makes none: it is an
 * adoption, and a reviewer must not read it as a new offer.
 */
import { type PreviewDigest, type PreviewStep, resourceNameOf } from "./preview-json";

export const OFFER_TYPE = "affise:Offer";

/** An offer's checked inputs as they appear in a preview; secrets are "[secret]". */
export type OfferInputs = Record<string, unknown>;

export type OfferVerdict = "create" | "adopt" | "update" | "replace" | "delete";

export interface OfferChange {
  name: string;
  urn: string;
  verdict: OfferVerdict;
  /** Inputs before (refreshed, when the preview refreshed): absent for a create or an adoption. */
  before?: OfferInputs;
  /** Declared inputs: absent for a delete. */
  after?: OfferInputs;
  /** Fields whose change forces the replacement. */
  replaceReasons: string[];
  /** Inputs as stored at the last apply, when the preview refreshed (compare with `before`). */
  drifted?: OfferInputs;
  /** Affise's id, when the offer exists (for an adoption, the offer it takes over, when known). */
  id?: string;
  /** The existing offer the change's create takes over (`adoptId`): an adoption, or a replacement that adopts. */
  takenOver?: TakenOver;
}

/**
 * An existing Affise offer that is set to the file's values. A preview cannot see its values
 * (the engine has no state for it); `readAdoptedOffers` reads them.
 */
export interface TakenOver {
  /** Unknown while adoptId is a preview's unknown (another resource's output). */
  id?: string;
  /** The offer as Affise holds it, read through the provider's reader. */
  values?: OfferInputs;
  /** Why its values were not read, when reading them was asked for. */
  unread?: string;
}

const REFRESH_OPS = new Set(["refresh", "update", "delete"]);
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced"]);

/** Every offer the preview would create, change, replace or delete, in preview order. */
export function offerChanges(preview: PreviewDigest): OfferChange[] {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of preview.steps) {
    if (!isOfferUrn(step.urn)) continue;
    const steps = byUrn.get(step.urn) ?? [];
    steps.push(step);
    byUrn.set(step.urn, steps);
  }
  const changes: OfferChange[] = [];
  for (const [urn, steps] of byUrn) {
    const change = verdictFor(urn, steps);
    if (change) changes.push(change);
  }
  return changes;
}

function verdictFor(urn: string, steps: PreviewStep[]): OfferChange | undefined {
  const [first, ...rest] = steps;
  // With --refresh, a resource's first step is its refresh; an update or delete there is drift.
  const refresh = rest.length > 0 && REFRESH_OPS.has(first.op) ? first : undefined;
  const plan = refresh ? rest : steps;
  const name = resourceNameOf(urn);
  // The refresh step carries the inputs stored at the last apply; the plan's old state is what
  // the refresh read from Affise. Where they differ, someone changed the offer in Affise.
  const drifted = refresh ? inputsOf(refresh.oldState?.inputs) : undefined;
  const replacement = plan.find((step) => REPLACE_OPS.has(step.op));
  if (replacement) {
    const replace = plan.find((step) => step.op === "replace") ?? replacement;
    return {
      name,
      urn,
      verdict: "replace",
      before: inputsOf(findState(plan, "oldState")),
      after: inputsOf(findState(plan, "newState")),
      replaceReasons: replace.replaceReasons ?? replace.diffReasons ?? [],
      drifted,
      id: idOf(plan),
      takenOver: takenOverBy(findState(plan, "newState")),
    };
  }
  const step = plan[plan.length - 1];
  if (step.op === "create" && step.newState?.inputs?.adoptId !== undefined) {
    return {
      name,
      urn,
      verdict: "adopt",
      after: inputsOf(step.newState.inputs),
      replaceReasons: [],
      drifted,
      id: adoptedId(step.newState.inputs),
      takenOver: takenOverBy(step.newState.inputs),
    };
  }
  if (step.op === "create" || step.op === "update" || step.op === "delete") {
    return {
      name,
      urn,
      verdict: step.op,
      before: inputsOf(step.oldState?.inputs),
      after: step.op === "delete" ? undefined : inputsOf(step.newState?.inputs),
      replaceReasons: [],
      drifted,
      id: step.oldState?.id,
    };
  }
  return undefined;
}

/** The offer `adoptId` names; undefined while it is a preview's unknown (another resource's output). */
export function adoptedId(inputs: OfferInputs | undefined): string | undefined {
  const id = inputs?.adoptId;
  if (typeof id === "number" && Number.isInteger(id)) return String(id);
  return typeof id === "string" && /^[1-9][0-9]*$/.test(id) ? id : undefined;
}

function takenOverBy(inputs: OfferInputs | undefined): TakenOver | undefined {
  return inputs?.adoptId === undefined ? undefined : { id: adoptedId(inputs) };
}

/**
 * What the file's values replace in Affise, as far as the review knows: the old inputs, or for a
 * create that takes an offer over, that offer's values if they were read (else unknown).
 */
export function previousValues(change: OfferChange): OfferInputs | undefined {
  return change.takenOver ? change.takenOver.values : change.before;
}

function findState(steps: PreviewStep[], which: "oldState" | "newState") {
  return steps.map((step) => step[which]?.inputs).find((inputs) => inputs !== undefined);
}

function idOf(steps: PreviewStep[]): string | undefined {
  return steps.map((step) => step.oldState?.id).find((id) => id !== undefined);
}

function inputsOf(inputs: Record<string, unknown> | undefined): OfferInputs | undefined {
  return inputs === undefined ? undefined : inputs;
}

/** `urn:pulumi:stack::project::[parent$]type::name`: the offer's own type is the last `$` part. */
export function isOfferUrn(urn: string): boolean {
  const parts = urn.split("::");
  return parts.length >= 4 && isOfferType(parts[2].split("$").pop() ?? "");
}

/** `pulumi-nodejs:dynamic/affise:Offer`, the type a dynamic resource named affise:Offer gets. */
export function isOfferType(type: string): boolean {
  return type === OFFER_TYPE || type.endsWith(`/${OFFER_TYPE}`);
}
