/**
 * `affise.StackMark`: one small resource per stack whose only output is a random token, kept in
 * the stack's state. Offers carry it in their marker, so two repositories with the same project and
 * stack names still mark their offers differently. It is created before any offer (every offer
 * depends on it), so the token is in state before the first create and survives a killed run.
 */
import { randomBytes } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { serializedStackMarkProvider } from "./serialized-providers";

export const STACK_MARK_NAME = "affise-stack";

export class StackMark extends pulumi.dynamic.Resource {
  /** 16 random hex characters; never changes for the life of the stack. */
  declare readonly token: pulumi.Output<string>;

  constructor(name: string = STACK_MARK_NAME, opts?: pulumi.CustomResourceOptions) {
    super(serializedStackMarkProvider, name, { token: undefined }, opts, "affise", "StackMark");
  }
}

let shared: StackMark | undefined;

/** The program's stack mark, declared once on first use (every Offer uses this one). */
export function stackMark(): StackMark {
  shared ??= new StackMark();
  return shared;
}

/** The StackMark's only output; it has no inputs of its own. */
interface StackMarkState {
  token: string;
}

/** The provider behind StackMark: no network, nothing to diff, nothing to delete. */
export const stackMarkProvider: pulumi.dynamic.ResourceProvider<
  Partial<StackMarkState>,
  StackMarkState
> = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create() {
    const token = randomBytes(8).toString("hex");
    return { id: token, outs: { token } };
  },
  async read(id, props) {
    return { id, props: { ...props, token: id } };
  },
  async delete() {},
};
