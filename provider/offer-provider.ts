/**
 * The affise.Offer resource provider: check → diff → create / update / read / delete, each a thin
 * mapping from Pulumi state to AffiseClient calls. This object is NOT what is serialized into
 * state (see serialized-provider.ts); the provider host loads it from the installed package.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkOffer } from "./check";
import { AffiseClient } from "./client";
import { applyStackConfig, resolveConnection } from "./connection";
import { createOrAdoptOffer, createTuning, OfferNotReconciledError } from "./create-offer";
import { diffOffer } from "./diff";
import { encodeOfferForm } from "./encoding";
import { normalizeOffer } from "./normalize";
import { carryPaymentIds, idsFromAnswer } from "./payment-ids";
import { type AffiseOffer, inputsFromState, stateFromAffise } from "./read-model";
import type { CheckedOffer, OfferState } from "./types";

type Props = Record<string, unknown>;

export const offerProvider = {
  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    applyStackConfig((key) => request.config.get(key));
  },

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkOffer(news);
  },

  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffOffer(
      id,
      olds as Partial<OfferState>,
      asChecked(news),
    );
    return { changes, replaces, deleteBeforeReplace };
  },

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const offer = asChecked(inputs);
    return withOfferName(offer, "create", async () => {
      try {
        const connection = resolveConnection();
        const created = await createOrAdoptOffer(
          new AffiseClient(connection),
          offer,
          createTuning(connection.maxRetries),
        );
        return { id: created.id, outs: stateAfterWrite(offer, created) };
      } catch (error) {
        // The offer exists in Affise: hand its id to the engine so it is tracked, never orphaned.
        if (error instanceof OfferNotReconciledError) {
          throw Object.assign(error, {
            id: error.existing.id,
            properties: stateFromAffise(error.existing, offer),
          });
        }
        throw error;
      }
    });
  },

  async read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult> {
    const local = normalizeOffer({ payments: [], ...(props ?? {}) });
    return withOfferName(local, "read", async () => {
      const offer = await clientFor().getOffer(id);
      if (!offer) return { id: "" };
      const state = stateFromAffise(offer, local);
      return { id: offer.id, props: state, inputs: inputsFromState(state) };
    });
  },

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const previous = olds as unknown as OfferState;
    const offer = asChecked(news);
    return withOfferName(offer, "update", async () => {
      if (!diffOffer(id, previous, offer).affiseChanged) {
        return {
          outs: {
            ...previous,
            ...offer,
            payments: previous.payments,
            partnerPayments: previous.partnerPayments,
          },
        };
      }
      const payments = carryPaymentIds(offer.payments, previous.payments ?? []);
      const partnerPayments = carryPaymentIds(
        offer.partnerPayments,
        previous.partnerPayments ?? [],
      );
      const form = encodeOfferForm({ ...offer, payments, partnerPayments }, { mode: "edit" });
      const edited = await clientFor().editOffer(id, form);
      return { outs: stateAfterWrite({ ...offer, payments, partnerPayments }, edited) };
    });
  },

  async delete(id: string, props: Props): Promise<void> {
    const offer = normalizeOffer({ payments: [], ...props });
    await withOfferName(offer, offer.deletePolicy === "stop" ? "stop" : "delete", async () => {
      const client = clientFor();
      if (offer.deletePolicy === "stop") {
        if ((await client.getOffer(id)) !== undefined) await client.setOfferStatus(id, "stopped");
      } else {
        await client.deleteOffer(id);
      }
    });
  },
};

/** Outputs after a create or edit: the declared state, with the ids Affise assigned. */
function stateAfterWrite(offer: CheckedOffer, answer: AffiseOffer): OfferState {
  const answered = stateFromAffise(answer, offer);
  return {
    ...offer,
    payments: idsFromAnswer(offer.payments, answered.payments),
    partnerPayments: idsFromAnswer(offer.partnerPayments, answered.partnerPayments),
    offerId: answered.offerId,
  };
}

function clientFor(): AffiseClient {
  return new AffiseClient(resolveConnection());
}

/** Hooks never see the URN: `Offer` hands in its resource name so errors can say which offer. */
async function withOfferName<T>(
  offer: Pick<CheckedOffer, "resourceName">,
  action: string,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    const err = error as Error;
    const name = offer.resourceName ? `affise.Offer "${offer.resourceName}"` : "affise.Offer";
    err.message = `${name}: ${action} failed: ${err.message}`;
    throw err;
  }
}

function asChecked(inputs: Props): CheckedOffer {
  return inputs as unknown as CheckedOffer;
}
