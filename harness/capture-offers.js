// Run inside a Pulumi program's directory (any Node, any @pulumi/pulumi): declares the offers given
// as JSON on stdin with the INSTALLED pulumi-affise under pulumi.runtime.setMocks, and prints what
// each registered with the engine (type and inputs, __provider included) as JSON on stdout.
"use strict";
const path = require("path");
const dir = process.cwd();
const load = (name) => require(require.resolve(name, { paths: [dir] }));
const pulumi = load("@pulumi/pulumi");
const affise = load("pulumi-affise");

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
let stackMark;

// The mocks hand unknowns over as {__pulumiUnknown: true}; the engine sends the sentinel.
function asSentEngineSide(value) {
  if (Array.isArray(value)) return value.map(asSentEngineSide);
  if (value === null || typeof value !== "object") return value;
  if (value.__pulumiUnknown === true) return UNKNOWN;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSentEngineSide(v)]));
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const { offers, project, stack } = JSON.parse(input);
  const registered = {};
  const secretOutputs = {};
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        // As in a first preview: the token is only known once the engine has created the mark.
        if (args.type === "pulumi-nodejs:dynamic/affise:StackMark") {
          stackMark = { name: args.name, inputs: args.inputs };
          return { id: UNKNOWN, state: { token: UNKNOWN } };
        }
        const secret = secretOutputs[args.name] || [];
        registered[args.name] = {
          name: args.name,
          type: args.type,
          inputs: asSentEngineSide(args.inputs),
          secretOutputs: secret,
        };
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    stack,
    // A preview's registration: values that depend on resources not yet created stay unknown.
    true,
  );
  // The mocks drop additionalSecretOutputs; read them off the registration request first.
  const monitor = load("@pulumi/pulumi/runtime/settings").getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    secretOutputs[request.getName()] = request.getAdditionalsecretoutputsList();
    return register(request, callback);
  };
  const resources = offers.map(({ name, args }) => new affise.Offer(name, args));
  await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  process.stdout.write(
    JSON.stringify({
      node: process.version,
      sdk: load("@pulumi/pulumi/package.json").version,
      dir: path.basename(dir),
      registrations: offers.map(({ name }) => ({ ...registered[name], stackMark })),
    }),
  );
});
