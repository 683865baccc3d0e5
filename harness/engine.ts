/**
 * A small stand-in for the Pulumi engine's resource steps, sequencing the host's calls as
 * `pulumi preview`, `up`, `refresh` and `destroy` do for a flat set of resources of one type:
 * Check(old inputs, new inputs) → Diff(old outputs, checked inputs) → Create / Update / replace,
 * with a bounded number of resources in flight (the engine's --parallel).
 */
import { isDeepStrictEqual } from "util";
import type { DiffReply, ProviderHost, ProviderHostError } from "./provider-host";

type Props = Record<string, unknown>;

export interface Declared {
  name: string;
  /** Inputs as the program registers them, `__provider` included. */
  inputs: Props;
  /** The StackMark the resource's marker depends on: the engine creates it first. */
  stackMark?: Declared;
}

// The program's own marker function, from the built package the host also runs.
const { ownMarker } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../dist/provider/lifecycle/ownership") as typeof import("../provider/lifecycle/ownership");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Tracked {
  urn: string;
  id: string;
  inputs: Props;
  outputs: Props;
  /** Top-level properties registered as secrets: the engine stores them encrypted. */
  secrets: string[];
}

export type StepKind = "create" | "update" | "replace" | "same" | "delete" | "failed";

export interface Step {
  name: string;
  kind: StepKind;
  /** What a reviewer sees: top-level inputs that differ between old and new checked inputs. */
  inputChanges: string[];
  diff?: DiffReply;
  error?: string;
  /** Check's failures, one per property, when check refused the inputs. */
  failures?: { property: string; reason: string }[];
}

export interface EngineOptions {
  project?: string;
  stack?: string;
  type?: string;
  parallel?: number;
  /** Called once a resource's create or update has returned, before a replace's delete. */
  afterWrite?: (name: string) => Promise<void>;
}

export class Engine {
  readonly state = new Map<string, Tracked>();
  /** Replaced resources whose delete has not happened yet (the engine's pending deletes). */
  readonly pendingDeletes: Tracked[] = [];
  /** The stack's StackMark, once created: its token is in every offer's marker. */
  stackMark?: Tracked;
  private readonly project: string;
  private readonly stack: string;
  private readonly type: string;
  private readonly parallel: number;

  constructor(
    private readonly host: ProviderHost,
    private readonly options: EngineOptions = {},
  ) {
    this.project = options.project ?? "offers";
    this.stack = options.stack ?? "dev";
    this.type = options.type ?? "pulumi-nodejs:dynamic/affise:Offer";
    this.parallel = options.parallel ?? 10;
  }

  urn(name: string, type = this.type): string {
    return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
  }

  /** `pulumi preview`: Check and Diff only; nothing is written. */
  preview(declared: Declared[]): Promise<Step[]> {
    return this.run(declared, false);
  }

  /** `pulumi up`: preview's steps, carried out; resources no longer declared are deleted. */
  async up(declared: Declared[]): Promise<Step[]> {
    // As the engine does: deletes a replace left pending (its run died after the create) go first.
    for (const old of [...this.pendingDeletes]) {
      await this.host.delete(old.id, old.urn, old.outputs);
      this.pendingDeletes.splice(this.pendingDeletes.indexOf(old), 1);
    }
    const steps = await this.run(declared, true);
    const names = new Set(declared.map((d) => d.name));
    const gone = [...this.state.keys()].filter((name) => !names.has(name));
    return [...steps, ...(await this.pool(gone, (name) => this.deleteStep(name)))];
  }

  /** `pulumi refresh`: Read every tracked resource; gone ones leave the state. Returns names that drifted. */
  async refresh(): Promise<{ drifted: string[]; gone: string[] }> {
    const drifted: string[] = [];
    const gone: string[] = [];
    await this.pool([...this.state.keys()], async (name) => {
      const tracked = this.state.get(name)!;
      const reply = await this.host.read(tracked.id, tracked.urn, tracked.outputs, tracked.inputs);
      if (!reply.id) {
        this.state.delete(name);
        gone.push(name);
        return;
      }
      const inputs = reply.inputs ?? tracked.inputs;
      if (changedKeys(tracked.inputs, inputs).length > 0) drifted.push(name);
      this.state.set(name, { ...tracked, id: reply.id, inputs, outputs: reply.properties });
    });
    return { drifted: drifted.sort(), gone: gone.sort() };
  }

  /** `pulumi destroy`. */
  async destroy(): Promise<Step[]> {
    return this.pool([...this.state.keys()], (name) => this.deleteStep(name));
  }

  /** The state as the engine would write it: secret values encrypted, never in plaintext. */
  stateAsStored(): string {
    return JSON.stringify(
      [...this.state.values()].map((tracked) => {
        const hide = (props: Props) =>
          Object.fromEntries(
            Object.entries(props).map(([k, v]) => [
              k,
              tracked.secrets.includes(k) ? "[encrypted]" : v,
            ]),
          );
        return { ...tracked, inputs: hide(tracked.inputs), outputs: hide(tracked.outputs) };
      }),
    );
  }

  /**
   * As the engine does for a resource others depend on: the StackMark is created (once) before
   * the offers, and its token resolves the offers' inputs that were unknown until then.
   */
  private async withStackMark(declared: Declared[], apply: boolean): Promise<Declared[]> {
    const mark = declared.find((d) => d.stackMark)?.stackMark;
    if (mark && apply && !this.stackMark) {
      const urn = this.urn(mark.name, "pulumi-nodejs:dynamic/affise:StackMark");
      const checked = await this.host.check(urn, {}, mark.inputs);
      const created = await this.host.create(urn, checked.inputs);
      this.stackMark = {
        urn,
        id: created.id,
        inputs: checked.inputs,
        outputs: created.properties,
        secrets: [],
      };
    }
    const token = this.stackMark?.outputs.token as string | undefined;
    return token ? withStackToken(declared, token) : declared;
  }

  private async run(all: Declared[], apply: boolean): Promise<Step[]> {
    const declared = await this.withStackMark(all, apply);
    return this.pool(declared, async ({ name, inputs: registered }) => {
      const urn = this.urn(name);
      const old = this.state.get(name);
      // A provider that does not accept secrets gets them unwrapped; the engine remembers them.
      const { plain: inputs, secrets } = unwrapSecrets(registered);
      try {
        const checked = await this.host.check(urn, old?.inputs ?? {}, inputs);
        if (checked.failures.length > 0) {
          const error = checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
          return {
            name,
            kind: "failed",
            inputChanges: [],
            error,
            failures: checked.failures,
          } satisfies Step;
        }
        const create = async () => {
          const record = (id: string, outputs: Props) =>
            this.state.set(name, { urn, id, outputs, inputs: checked.inputs, secrets });
          try {
            const created = await this.host.create(urn, checked.inputs);
            record(created.id, created.properties);
          } catch (error) {
            // As the engine does: a resource that exists despite the failure is tracked.
            const failed = (error as ProviderHostError).initFailed;
            if (failed?.id) record(failed.id, failed.properties);
            throw error;
          }
        };
        if (!old) {
          if (apply) await create();
          return { name, kind: "create", inputChanges: Object.keys(checked.inputs) } satisfies Step;
        }
        const diff = await this.host.diff(old.id, urn, old.outputs, checked.inputs);
        const inputChanges = changedKeys(old.inputs, checked.inputs);
        const changed =
          diff.changes === "some" || (diff.changes === "unknown" && inputChanges.length > 0);
        if (!changed) return { name, kind: "same", inputChanges, diff } satisfies Step;
        if (diff.replaces.length > 0) {
          if (apply) {
            await create();
            // The new resource exists: the old one is recorded as pending delete until deleted.
            this.pendingDeletes.push(old);
            await this.options.afterWrite?.(name);
            await this.host.delete(old.id, urn, old.outputs);
            this.pendingDeletes.splice(this.pendingDeletes.indexOf(old), 1);
          }
          return { name, kind: "replace", inputChanges, diff } satisfies Step;
        }
        if (apply) {
          const updated = await this.host.update(old.id, urn, old.outputs, checked.inputs);
          this.state.set(name, {
            ...old,
            inputs: checked.inputs,
            outputs: updated.properties,
            secrets,
          });
          await this.options.afterWrite?.(name);
        }
        return { name, kind: "update", inputChanges, diff } satisfies Step;
      } catch (error) {
        return {
          name,
          kind: "failed",
          inputChanges: [],
          error: (error as Error).message,
        } satisfies Step;
      }
    });
  }

  private async deleteStep(name: string): Promise<Step> {
    const tracked = this.state.get(name)!;
    try {
      await this.host.delete(tracked.id, tracked.urn, tracked.outputs);
      this.state.delete(name);
      return { name, kind: "delete", inputChanges: [] };
    } catch (error) {
      return { name, kind: "failed", inputChanges: [], error: (error as Error).message };
    }
  }

  private async pool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallel, items.length) }, worker));
    return results;
  }
}

/** The offers' inputs once the stack's mark exists: its token fills in what was unknown. */
export function withStackToken(declared: Declared[], token: string): Declared[] {
  return declared.map((d) => {
    if (d.inputs.stackToken !== UNKNOWN) return d;
    const inputs: Props = { ...d.inputs, stackToken: token };
    if (inputs.externalOfferId === UNKNOWN) inputs.externalOfferId = ownMarker(token, d.name);
    return { ...d, inputs };
  });
}

/** The engine's own comparison of two input bags (the preview a reviewer reads). */
export function changedKeys(before: Props, after: Props): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete("__provider");
  return [...keys].filter((key) => !isDeepStrictEqual(before[key], after[key])).sort();
}

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Top-level secret values (as the SDK serializes them) replaced by their plain values. */
function unwrapSecrets(inputs: Props): { plain: Props; secrets: string[] } {
  const secrets: string[] = [];
  const plain = Object.fromEntries(
    Object.entries(inputs).map(([key, value]) => {
      const wrapped = value as Record<string, unknown> | null;
      if (wrapped && typeof wrapped === "object" && wrapped[SECRET_SIG_KEY] === SECRET_SIG) {
        secrets.push(key);
        return [key, wrapped.value];
      }
      return [key, value];
    }),
  );
  return { plain, secrets };
}
