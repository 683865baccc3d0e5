/**
 * What `pulumi preview --json` prints (the engine's PreviewDigest), reduced to what a review
 * reads. Inputs in `newState` are the provider's checked inputs — the very values the engine
 * compares — so the review shows the same change the engine will make.
 */

/** One resource's state as the engine serializes it; secrets arrive as "[secret]". */
export interface PreviewResourceState {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface PreviewStep {
  /** create, update, delete, same, replace, create-replacement, delete-replaced, refresh, … */
  op: string;
  urn: string;
  oldState?: PreviewResourceState;
  newState?: PreviewResourceState;
  diffReasons?: string[];
  replaceReasons?: string[];
}

export interface PreviewDiagnostic {
  urn?: string;
  message?: string;
  severity?: string;
}

export interface PreviewDigest {
  /** The stack's config as the preview ran with it; secrets arrive as "[secret]". */
  config: Record<string, unknown>;
  steps: PreviewStep[];
  diagnostics: PreviewDiagnostic[];
  changeSummary: Record<string, number>;
}

/** Parses the JSON a preview printed; says plainly what is wrong when it is not a preview. */
export function parsePreviewJson(text: string): PreviewDigest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(
      "the preview is not JSON: run `pulumi preview --json` and pass what it printed on stdout",
    );
  }
  if (!isRecord(value)) throw new Error("the preview JSON is not an object");
  const steps = value.steps ?? [];
  if (!Array.isArray(steps) || !steps.every(isStep)) {
    throw new Error("the preview JSON has no list of steps with an op and a urn each");
  }
  const diagnostics = Array.isArray(value.diagnostics) ? value.diagnostics.filter(isRecord) : [];
  const changeSummary = isRecord(value.changeSummary) ? value.changeSummary : {};
  return {
    config: isRecord(value.config) ? value.config : {},
    steps,
    diagnostics: diagnostics as PreviewDiagnostic[],
    changeSummary: changeSummary as Record<string, number>,
  };
}

/** The resource name is the URN's last segment (`urn:pulumi:stack::project::type::name`). */
export function resourceNameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

function isStep(value: unknown): value is PreviewStep {
  return isRecord(value) && typeof value.op === "string" && typeof value.urn === "string";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
