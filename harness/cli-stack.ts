/**
 * A Pulumi program in a temporary folder and its stack, driven with the real Pulumi CLI: a file
 * backend, Pulumi home and passphrase of its own in the same folder, offline settings, and the
 * program's node_modules linked to this repository (pulumi-affise as users install it, and the
 * @pulumi/pulumi it develops against).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { offlinePulumiEnv, type PulumiCli } from "../scripts/pulumi/provision";

export const ROOT = path.resolve(__dirname, "..");
const PASSPHRASE = "e2e-test-passphrase";

export interface PulumiResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class E2eStack {
  readonly dir: string;
  readonly programDir: string;
  private readonly env: NodeJS.ProcessEnv;
  /** Everything every command printed, to check that no secret was ever shown. */
  readonly transcript: string[] = [];

  /** With `sameProgramAs`, another stack of that stack's program, in the same backend. */
  constructor(
    cli: PulumiCli,
    readonly stack: string,
    readonly project: string,
    sameProgramAs?: E2eStack,
  ) {
    this.cli = cli.cli;
    if (sameProgramAs) {
      this.dir = sameProgramAs.dir;
      this.programDir = sameProgramAs.programDir;
      this.env = sameProgramAs.env;
      return;
    }
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-affise-e2e-"));
    this.programDir = path.join(this.dir, "program");
    fs.mkdirSync(path.join(this.programDir, "node_modules", "@pulumi"), { recursive: true });
    fs.symlinkSync(ROOT, path.join(this.programDir, "node_modules", "pulumi-affise"), "dir");
    fs.symlinkSync(
      path.join(ROOT, "node_modules", "@pulumi", "pulumi"),
      path.join(this.programDir, "node_modules", "@pulumi", "pulumi"),
      "dir",
    );
    fs.mkdirSync(path.join(this.dir, "backend"));
    this.env = offlinePulumiEnv(cli, {
      backendDir: path.join(this.dir, "backend"),
      home: path.join(this.dir, "pulumi-home"),
      passphrase: PASSPHRASE,
    });
    for (const name of ["AFFISE_API_URL", "AFFISE_API_KEY", "PULUMI_CONFIG_PASSPHRASE_FILE"]) {
      delete this.env[name];
    }
    this.writeFile(
      "Pulumi.yaml",
      [
        `name: ${project}`,
        "runtime:",
        "  name: nodejs",
        "  options:",
        "    typescript: false",
        "main: index.js",
        "",
      ].join("\n"),
    );
    this.writeFile("package.json", JSON.stringify({ name: project, private: true }));
  }

  private readonly cli: string;

  /** Sets environment variables for every later command (e.g. PULUMI_SKIP_CHECKPOINTS). */
  setEnv(values: Record<string, string>): void {
    Object.assign(this.env, values);
  }

  writeFile(relative: string, text: string): void {
    const file = path.join(this.programDir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  removeFile(relative: string): void {
    fs.rmSync(path.join(this.programDir, relative));
  }

  /** Creates the stack and sets the stack's Affise account (the key as a secret). */
  async init(apiUrl: string, apiKey: string): Promise<void> {
    await this.ok(["stack", "init"]);
    await this.ok(["config", "set", "affise:apiUrl", apiUrl]);
    const secret = ["config", "set", "--secret", "affise:apiKey"];
    await this.ok([...secret, apiKey], [...secret, "<key>"]);
  }

  /** Runs `pulumi <args>`; the transcript shows `shown` instead, for arguments that are secrets. */
  run(args: string[], shown = args): Promise<PulumiResult> {
    const flags = ["--stack", this.stack, "--non-interactive"];
    const all = [...args, ...flags];
    return new Promise((resolve, reject) => {
      const child = spawn(this.cli, all, { cwd: this.programDir, env: this.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        this.transcript.push(`$ pulumi ${[...shown, ...flags].join(" ")}\n${stdout}${stderr}`);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Runs a command that must succeed; its output is in the error when it does not. */
  async ok(args: string[], shown = args): Promise<PulumiResult> {
    const result = await this.run(args, shown);
    if (result.code !== 0) {
      throw new Error(
        `pulumi ${shown.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result;
  }

  /** The stack's deployment, as `pulumi stack export` prints it (secrets stay encrypted). */
  async exportText(): Promise<string> {
    return (await this.ok(["stack", "export"])).stdout;
  }

  async resources(): Promise<{ urn: string; type: string; id?: string; outputs?: Json }[]> {
    const deployment = JSON.parse(await this.exportText()) as Json;
    return deployment.deployment.resources ?? [];
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
