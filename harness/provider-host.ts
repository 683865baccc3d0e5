/**
 * Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), run as the engine runs
 * it: a child process serving `pulumirpc.ResourceProvider` over gRPC. This is a thin typed client;
 * `engine.ts` sequences its calls the way `pulumi up/preview/refresh/destroy` do.
 */
import { type ChildProcess, spawn } from "child_process";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as statusProto from "@pulumi/pulumi/proto/status_pb";

type Props = Record<string, unknown>;

export interface HostOptions {
  /** The Pulumi program's directory: the host resolves `require` in `__provider` from here. */
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Node binary to run the host with (default: this one). */
  node?: string;
  /** Directory whose node_modules holds the @pulumi/pulumi to take the host from (default: cwd). */
  sdkFrom?: string;
  /** Keep every request, reply and error as JSON in `transcript` (for secret scans). */
  recordTranscript?: boolean;
}

export interface DiffReply {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export class ProviderHostError extends Error {
  constructor(
    readonly method: string,
    message: string,
    readonly details: string,
    /** A create that failed after the resource came to exist: the engine records it (partial). */
    readonly initFailed?: { id: string; properties: Props },
  ) {
    super(message);
  }
}

export class ProviderHost {
  private stderrText = "";
  /** Every request and reply (as JSON) and every error message, when recording. */
  readonly transcript: string[] = [];
  private recording = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: grpc.Client & Record<string, unknown>,
    private readonly proto: ProtoModule,
  ) {
    child.stderr?.on("data", (chunk: Buffer) => (this.stderrText += chunk.toString()));
  }

  /** What the host wrote to stderr (the engine would log it). */
  get stderr(): string {
    return this.stderrText;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: HostOptions): Promise<ProviderHost> {
    // The host comes from the SDK the program uses; the client side speaks the same wire protocol
    // from this repository's SDK, as the engine (a separate binary) does.
    const hostEntry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", {
      paths: [options.sdkFrom ?? options.cwd, __dirname],
    });
    const proto = { rpc: providerRpc, pb: providerProto } as ProtoModule;
    const child = spawn(options.node ?? process.execPath, [hostEntry, "127.0.0.1:1"], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let early = "";
    child.stderr?.on("data", (d: Buffer) => (early += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.once("data", (d: Buffer) => resolve(parseInt(String(d).trim(), 10)));
      child.once("exit", (code) =>
        reject(new Error(`provider host exited with ${code}: ${early}`)),
      );
    });
    const client = new proto.rpc.ResourceProviderClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
      {
        "grpc.max_receive_message_length": 64 * 1024 * 1024,
      },
    );
    const host = new ProviderHost(child, client, proto);
    host.stderrText = early;
    host.recording = options.recordTranscript ?? false;
    return host;
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill();
    });
  }

  async getPluginInfo(): Promise<string> {
    const reply = await this.call("getPluginInfo", new Empty());
    return reply.getVersion();
  }

  /** The engine sends the stack config (namespaced keys, secrets unwrapped) as args. */
  async configure(config: Record<string, string>): Promise<void> {
    await this.call(
      "configure",
      new this.proto.pb.ConfigureRequest().setArgs(Struct.fromJavaScript(config)),
    );
  }

  async check(
    urn: string,
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const request = new this.proto.pb.CheckRequest()
      .setUrn(urn)
      .setOlds(struct(olds))
      .setNews(struct(news));
    const reply = await this.call("check", request);
    return {
      inputs: reply.getInputs()?.toJavaScript() ?? {},
      failures: reply
        .getFailuresList()
        .map((f: { getProperty(): string; getReason(): string }) => ({
          property: f.getProperty(),
          reason: f.getReason(),
        })),
    };
  }

  async diff(id: string, urn: string, olds: Props, news: Props): Promise<DiffReply> {
    const request = new this.proto.pb.DiffRequest()
      .setId(id)
      .setUrn(urn)
      .setOlds(struct(olds))
      .setNews(struct(news));
    const reply = await this.call("diff", request);
    const { DIFF_NONE, DIFF_SOME } = this.proto.pb.DiffResponse.DiffChanges;
    const changes = reply.getChanges();
    return {
      changes: changes === DIFF_NONE ? "none" : changes === DIFF_SOME ? "some" : "unknown",
      replaces: reply.getReplacesList(),
      deleteBeforeReplace: reply.getDeletebeforereplace(),
    };
  }

  async create(
    urn: string,
    properties: Props,
    preview = false,
  ): Promise<{ id: string; properties: Props }> {
    const request = new this.proto.pb.CreateRequest()
      .setUrn(urn)
      .setProperties(struct(properties))
      .setPreview(preview);
    const reply = await this.call("create", request);
    return { id: reply.getId(), properties: reply.getProperties()?.toJavaScript() ?? {} };
  }

  async read(
    id: string,
    urn: string,
    properties: Props,
    inputs?: Props,
  ): Promise<{ id: string; properties: Props; inputs?: Props }> {
    const request = new this.proto.pb.ReadRequest()
      .setId(id)
      .setUrn(urn)
      .setProperties(struct(properties));
    if (inputs) request.setInputs(struct(inputs));
    const reply = await this.call("read", request);
    return {
      id: reply.getId(),
      properties: reply.getProperties()?.toJavaScript() ?? {},
      inputs: reply.getInputs()?.toJavaScript(),
    };
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<{ properties: Props }> {
    const request = new this.proto.pb.UpdateRequest()
      .setId(id)
      .setUrn(urn)
      .setOlds(struct(olds))
      .setNews(struct(news));
    const reply = await this.call("update", request);
    return { properties: reply.getProperties()?.toJavaScript() ?? {} };
  }

  async delete(id: string, urn: string, properties: Props): Promise<void> {
    await this.call(
      "delete",
      new this.proto.pb.DeleteRequest().setId(id).setUrn(urn).setProperties(struct(properties)),
    );
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private call(method: string, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
      const fn = this.client[method] as (
        req: unknown,
        cb: (e: grpc.ServiceError | null, r: unknown) => void,
      ) => void;
      // Configure legitimately carries the stack config, key included, from engine to provider.
      if (this.recording && method !== "configure")
        this.transcript.push(JSON.stringify(toObject(request)));
      fn.call(this.client, request, (error, reply) => {
        if (this.recording) {
          this.transcript.push(
            error ? `${error.details} ${error.message}` : JSON.stringify(toObject(reply)),
          );
        }
        if (error) {
          reject(
            new ProviderHostError(
              method,
              error.details || error.message,
              this.stderrText,
              initFailure(error, this.proto),
            ),
          );
        } else resolve(reply);
      });
    });
  }
}

/** The id and properties a failed create packs into the status details, as the engine reads them. */
function initFailure(
  error: grpc.ServiceError,
  proto: ProtoModule,
): { id: string; properties: Props } | undefined {
  const [bin] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (!bin) return undefined;
  const status = statusProto.Status.deserializeBinary(new Uint8Array(bin as Buffer));
  for (const detail of status.getDetailsList()) {
    if (!detail.getTypeName().endsWith("ErrorResourceInitFailed")) continue;
    const failed = proto.pb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    return { id: failed.getId(), properties: failed.getProperties()?.toJavaScript() ?? {} };
  }
  return undefined;
}

function toObject(message: unknown): unknown {
  return typeof (message as { toObject?: unknown })?.toObject === "function"
    ? (message as { toObject(): unknown }).toObject()
    : message;
}

function struct(value: Props): Struct {
  return Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
interface ProtoModule {
  rpc: {
    ResourceProviderClient: new (
      address: string,
      credentials: grpc.ChannelCredentials,
      options?: object,
    ) => any;
  };
  pb: any;
}
