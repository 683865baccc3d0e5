/**
 * The Pulumi CLI for the end-to-end suites: an installed one, or the one `npm run pulumi:cli`
 * built. The suites never build it themselves (that takes minutes); without one they are skipped,
 * and say so loudly.
 */
import { findUsablePulumiCli, type PulumiCli } from "../../scripts/pulumi/provision";
import { ROOT } from "../../harness/cli-stack";

export const e2eCli: PulumiCli | undefined = findUsablePulumiCli(ROOT, process.env);

export const SKIP_REASON =
  "no Pulumi CLI: none on PATH or in ~/.pulumi/bin, and .tools/pulumi/bin/ is not built from " +
  "today's tools/pulumi/. Run `npm run pulumi:cli` (builds it with Go), then `npm test` again.";

/** `describe` with the real CLI, or a loud skip that names the reason. */
export function describeWithPulumi(name: string, body: (cli: PulumiCli) => void): void {
  if (e2eCli) {
    const cli = e2eCli;
    describe(name, () => body(cli));
    return;
  }
  process.stderr.write(`\n*** END-TO-END SUITE SKIPPED (${name}): ${SKIP_REASON}\n\n`);
  describe.skip(`${name} [SKIPPED: ${SKIP_REASON}]`, () => {
    it("needs the Pulumi CLI", () => undefined);
  });
}
