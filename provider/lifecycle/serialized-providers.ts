/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The objects `dynamic.Resource` serializes into state as `__provider`: for every offer, and for
 * the StackMark. Each is a shim whose hooks load the provider from the *installed* pulumi-affise
 * package and call it. So state holds a few hundred bytes with no settings and no secrets in
 * them, and `read`/`delete` (which the engine runs from the `__provider` saved in state, not from
 * the code shipped now) still run today's provider for state written by any older version. Both
 * share one loader, so they cannot drift apart in how they find the package.
 *
 * The host compiles this text with no file name, so `require` resolves from the host's working
 * directory, which is the folder of the Pulumi program's `main`: resolve the package from there,
 * or, when the program is this repository itself, load the repository found above that folder (a
 * package cannot require itself by name).
 */
import type * as pulumi from "@pulumi/pulumi";

type Hooks = Required<pulumi.dynamic.ResourceProvider>;
/** What the package exports for the shims (kept exported for state written by any version). */
type Installed = { offerProvider: Hooks; stackMarkProvider: Hooks };

// Short names and plain code on purpose: every character here is stored once per resource in
// state (`m`: the installed package's module; `d`: the host's folder; `e`: the package's entry).
// No memo needed: Node caches both the resolution and the loaded module.
// This repository's own program runs, and so this host, in dist/program/ below the repository.
function m(): Installed {
  const d = process.cwd();
  let e = d;
  try {
    e = require.resolve("pulumi-affise", { paths: [d] });
  } catch {
    e = d.replace(/[\\/]dist[\\/]program$/, "");
    if (require(require("path").join(e, "package.json")).name !== "pulumi-affise") {
      throw new Error(`pulumi-affise is not installed in ${d}`);
    }
  }
  return require(e);
}

export const serializedOfferProvider: Hooks = {
  configure: (r) => m().offerProvider.configure(r),
  check: (o, n) => m().offerProvider.check(o, n),
  diff: (i, o, n) => m().offerProvider.diff(i, o, n),
  create: (n) => m().offerProvider.create(n),
  read: (i, p) => m().offerProvider.read(i, p),
  update: (i, o, n) => m().offerProvider.update(i, o, n),
  delete: (i, p) => m().offerProvider.delete(i, p),
};

export const serializedStackMarkProvider: pulumi.dynamic.ResourceProvider = {
  check: (o, n) => m().stackMarkProvider.check(o, n),
  diff: (i, o, n) => m().stackMarkProvider.diff(i, o, n),
  create: (n) => m().stackMarkProvider.create(n),
  read: (i, p) => m().stackMarkProvider.read(i, p),
  delete: (i, p) => m().stackMarkProvider.delete(i, p),
};
