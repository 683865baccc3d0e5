/**
 * The affise.Offer resource provider: check → diff → create / update / read / delete, each a thin
 * mapping from Pulumi state to AffiseClient calls. This object is NOT what is serialized into
 * state (see serialized-providers.ts); the provider host loads it from the installed package.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkAdoption } from "./adoption";
import { checkOffer, withoutInternalInputs } from "../check";
import { AffiseClient } from "../affise/client";
import {
  applyStackConfig,
  type AffiseConnection,
  resolveConnection,
  secretsInPlay,
} from "../affise/connection";
import { createOrAdoptOffer, createTuning, OfferNotReconciledError } from "./create-offer";
import { pastStartProblem } from "../dates";
import { diffOffer } from "../diff";
import { redact } from "../affise/errors";
import { isHeldByReplacement } from "./held-offers";
import { forgetDeletedOffer } from "./marker-index";
import { normalizeOffer } from "../normalize";
import { reachesSameOffer } from "./same-account";
import { inputsFromState, stateFromAffise } from "../read-model";
import { checkAdvertiser } from "./tenant-advertisers";
import { checkAgainstTenant } from "./tenant-lists";
import { sameTenant } from "../affise/tenant-url";
import type { CheckedOffer, OfferState } from "../types";
import { containsUnknown } from "../unknowns";
import { bringToDeclared, outputsFor } from "./write-offer";

/**
 * The engine hands `check` the inputs as declared and every later hook the inputs `check`
 * returned (`CheckedOffer`); outputs are the state (`OfferState`), partial as an older version
 * may have written it.
 */
export const offerProvider: Required<
  pulumi.dynamic.ResourceProvider<CheckedOffer, Partial<OfferState>>
> = {
  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    applyStackConfig((key) => request.config.get(key));
  },

  /** No network for a broken offer; new codes are then checked against the tenant's own lists. */
  async check(olds, news) {
    const outcome = checkOffer(news);
    if (outcome.failures.length > 0 || containsUnknown(news)) return outcome;
    const pastStart = pastStartProblem(outcome.inputs.startAt, olds.startAt, new Date());
    if (pastStart) return { ...outcome, failures: [{ property: "startAt", reason: pastStart }] };
    const connection = tryConnection(outcome.inputs);
    if (!connection) return outcome;
    const declared = withoutInternalInputs(news);
    const previous = withoutInternalInputs(olds);
    const failures = await withOfferName(outcome.inputs, "check", async () => {
      const [codes, advertiser] = await Promise.all([
        checkAgainstTenant(connection, previous, declared),
        checkAdvertiser(connection, previous, declared),
      ]);
      // A client (and its HTTP setup) only for an offer that names one to adopt.
      const adoption =
        outcome.inputs.adoptId === undefined
          ? []
          : await checkAdoption(
              new AffiseClient(connection),
              connection.apiUrl,
              previous,
              outcome.inputs,
            );
      return [...advertiser, ...codes, ...adoption];
    });
    return { inputs: outcome.inputs, failures };
  },

  async diff(id, previous, offer) {
    return withOfferName(offer, "diff", async () => {
      const stack = tryConnection({});
      if (!previous.apiUrl && !offer.apiUrl) guardTenant(previous, stack);
      const { changes, replaces, deleteBeforeReplace } = diffOffer(
        id,
        previous,
        offer,
        stack?.apiUrl,
      );
      const onlyRenamed =
        offer.apiUrl !== undefined &&
        replaces.length === 1 &&
        replaces[0] === "apiUrl" &&
        !containsUnknown(offer) &&
        (await reachesSameOffer(resolveConnection(offer), id, previous));
      if (onlyRenamed) return { changes: true, replaces: [], deleteBeforeReplace: false };
      return { changes, replaces, deleteBeforeReplace };
    });
  },

  async create(offer) {
    return withOfferName(offer, "create", async () => {
      const connection = resolveConnection(offer);
      try {
        const client = new AffiseClient(connection);
        const created = await createOrAdoptOffer(client, offer, createTuning(connection));
        const source = stateFromAffise(created, offer, offer.enabledAffiliates);
        return { id: created.id, outs: outputsFor(offer, source, connection.apiUrl) };
      } catch (error) {
        // The offer exists in Affise: hand its id to the engine so it is tracked, never orphaned.
        if (error instanceof OfferNotReconciledError) {
          const properties = {
            ...stateFromAffise(error.existing, offer),
            tenantUrl: connection.apiUrl,
          };
          throw Object.assign(error, { id: error.existing.id, properties });
        }
        throw error;
      }
    });
  },

  async read(id, props) {
    const previous = storedState(props);
    return withOfferName(previous, "read", async () => {
      const connection = connectionFor(previous);
      const client = new AffiseClient(connection);
      const offer = await client.getOffer(id);
      if (!offer) return { id: "" };
      const affiliates =
        previous.enabledAffiliates !== undefined
          ? await client.getEnabledAffiliates(id)
          : undefined;
      const state = {
        ...stateFromAffise(offer, previous, affiliates),
        tenantUrl: connection.apiUrl,
      };
      return { id: offer.id, props: state, inputs: inputsFromState(state) };
    });
  },

  async update(id, previous, offer) {
    return withOfferName(offer, "update", async () => {
      const connection = connectionFor({ ...offer, tenantUrl: previous.tenantUrl });
      const answer = await bringToDeclared(new AffiseClient(connection), id, offer, previous);
      const source = answer ? stateFromAffise(answer, offer, offer.enabledAffiliates) : previous;
      return { outs: outputsFor(offer, source, connection.apiUrl) };
    });
  },

  async delete(id, props) {
    const offer = storedState(props);
    await withOfferName(offer, offer.deletePolicy === "stop" ? "stop" : "delete", async () => {
      // The replacement took this very offer over: deleting it would delete the new resource's.
      if (isHeldByReplacement(props.offerId)) return;
      const client = new AffiseClient(connectionFor(offer));
      if (offer.deletePolicy === "stop") {
        if ((await client.getOffer(id)) !== undefined) await client.setOfferStatus(id, "stopped");
      } else {
        await client.deleteOffer(id);
        forgetDeletedOffer(client.tenant, id);
      }
    });
  },
};

/** State as read and delete get it (maybe written by an older version), normalised like inputs. */
function storedState(props: Partial<OfferState> = {}): CheckedOffer & Partial<OfferState> {
  const state: CheckedOffer & Partial<OfferState> = normalizeOffer({ payments: [], ...props });
  state.tenantUrl = props.tenantUrl;
  return state;
}

/** The offer's own connection if it has one, else the stack's; checked against where it lives. */
function connectionFor(offer: Partial<OfferState>): AffiseConnection {
  const connection = resolveConnection(offer);
  if (!offer.apiUrl) guardTenant(offer, connection);
  return connection;
}

/**
 * An offer made with the stack's affise:apiUrl lives in that tenant. If the stack now points at
 * another one, acting on the offer's id there would touch a different offer: refuse, and say so.
 */
function guardTenant(
  previous: Partial<OfferState>,
  connection: AffiseConnection | undefined,
): void {
  const livesIn = previous.tenantUrl;
  if (!livesIn || !connection || sameTenant(livesIn, connection.apiUrl)) return;
  throw new Error(
    `this offer lives in the Affise account at ${livesIn}, but affise:apiUrl now points at ` +
      `${connection.apiUrl}. Acting on its id there would touch another offer. Set the stack's ` +
      `affise:apiUrl back, or give this offer apiUrl: ${livesIn} and its apiKey.`,
  );
}

function tryConnection(offer: Partial<CheckedOffer>): AffiseConnection | undefined {
  try {
    return resolveConnection(offer);
  } catch {
    return undefined;
  }
}

/** Hooks never see the URN: `Offer` hands in its resource name so errors can say which offer. */
async function withOfferName<T>(
  offer: Pick<CheckedOffer, "resourceName"> & { apiUrl?: unknown; apiKey?: unknown },
  action: string,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    // A new error each time: one failure (a tenant-list fetch) may be shared by many offers.
    const cause = error instanceof Error ? error : new Error(String(error));
    const name = offer.resourceName ? `affise.Offer "${offer.resourceName}"` : "affise.Offer";
    const message = `${name}: ${action} failed: ${cause.message}`;
    const wrapped = new Error(redact(message, secretsInPlay(offer)));
    wrapped.name = cause.name;
    // What the provider host reads from a failed create that left an offer behind.
    const { id, properties, reasons } = cause as {
      id?: unknown;
      properties?: unknown;
      reasons?: unknown;
    };
    throw Object.assign(wrapped, id === undefined ? {} : { id, properties, reasons });
  }
}
