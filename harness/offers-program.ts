/** The JavaScript a user writes: one `new affise.Offer(name, args, options)` per offer. */
import type { OfferArgs } from "../provider";

export interface DeclaredOffer {
  name: string;
  args: OfferArgs;
  options?: { protect?: boolean; retainOnDelete?: boolean };
}

export function offersProgram(offers: DeclaredOffer[]): string {
  const lines = offers.map(
    ({ name, args, options }) =>
      `new affise.Offer(${JSON.stringify(name)}, ${JSON.stringify(args)}, ${JSON.stringify(options ?? {})});`,
  );
  return ['const affise = require("pulumi-affise");', ...lines, ""].join("\n");
}
