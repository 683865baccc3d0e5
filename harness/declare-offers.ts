/**
 * Runs the real `affise.Offer` constructor (so the real `dynamic.Resource` serialization) under
 * `pulumi.runtime.setMocks`, and returns what each offer registers with the engine: its type and
 * its inputs, `__provider` included — exactly what a `pulumi up` of the same program would send.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { OfferArgs } from "../provider";
import type { Declared } from "./engine";
import { programUnderTest } from "./program-under-test";

export interface Registration extends Declared {
  type: string;
  /** Outputs the program asked the engine to keep secret (additionalSecretOutputs). */
  secretOutputs: string[];
}

/** The engine's placeholder for a value not known until a resource it depends on exists. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const STACK_MARK_TYPE = "pulumi-nodejs:dynamic/affise:StackMark";
/** The program declares one StackMark, on its first offer: kept here for every later declaration. */
let stackMarkRegistration: Declared | undefined;

// The built package, as the provider host will load it: tests prove the shipped code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const affise = require("../dist/provider") as typeof import("../provider");

export async function declareOffers(
  offers: { name: string; args: OfferArgs }[],
  options: { project?: string; stack?: string } = {},
): Promise<Registration[]> {
  const program = programUnderTest();
  if (!program.isRepository) return declareInProgram(program.dir, program.node, offers, options);
  const registered = new Map<string, Registration>();
  const secretOutputs = new Map<string, string[]>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        // As in a first preview: the token is only known once the engine has created the mark.
        if (args.type === STACK_MARK_TYPE) {
          stackMarkRegistration = { name: args.name, inputs: args.inputs };
          return { id: UNKNOWN, state: { token: UNKNOWN } };
        }
        const secret = secretOutputs.get(args.name) ?? [];
        registered.set(args.name, {
          name: args.name,
          type: args.type,
          inputs: asSentEngineSide(args.inputs) as Record<string, unknown>,
          secretOutputs: secret,
        });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    options.project ?? "offers",
    options.stack ?? "dev",
    // A preview's registration: values that depend on resources not yet created stay unknown.
    true,
  );
  recordSecretOutputs(secretOutputs);
  const resources = offers.map(({ name, args }) => new affise.Offer(name, args));
  await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  return offers.map(({ name }) => ({ ...registered.get(name)!, stackMark: stackMarkRegistration }));
}

/** Declares the offers in another program directory, with its own Node, SDK and installed package. */
function declareInProgram(
  dir: string,
  node: string,
  offers: { name: string; args: OfferArgs }[],
  options: { project?: string; stack?: string },
): Registration[] {
  const output = execFileSync(node, [path.join(__dirname, "capture-offers.js")], {
    cwd: dir,
    input: JSON.stringify({
      offers,
      project: options.project ?? "offers",
      stack: options.stack ?? "dev",
    }),
    encoding: "utf8",
  });
  return (JSON.parse(output) as { registrations: Registration[] }).registrations;
}

/** The mocks hand unknowns over as `{__pulumiUnknown: true}`; the engine sends the sentinel. */
function asSentEngineSide(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asSentEngineSide);
  if (value === null || typeof value !== "object") return value;
  if ((value as { __pulumiUnknown?: unknown }).__pulumiUnknown === true) return UNKNOWN;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, asSentEngineSide(item)]),
  );
}

/** The mocks drop a registration's additionalSecretOutputs; read them off the request first. */
function recordSecretOutputs(into: Map<string, string[]>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const monitor = require("@pulumi/pulumi/runtime/settings").getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: RegisterRequest, callback: unknown) => {
    into.set(request.getName(), request.getAdditionalsecretoutputsList());
    return register(request, callback);
  };
}

interface RegisterRequest {
  getName(): string;
  getAdditionalsecretoutputsList(): string[];
}
