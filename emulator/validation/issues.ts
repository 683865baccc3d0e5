/** Collects what is wrong with a request, each message prefixed by the field path. */
export class Issues {
  private readonly messages: string[] = [];

  add(path: string, message: string): void {
    this.messages.push(`${path}: ${message}`);
  }

  get isEmpty(): boolean {
    return this.messages.length === 0;
  }

  get count(): number {
    return this.messages.length;
  }

  /** Throws a ValidationError carrying every message, if there is any. */
  throwIfAny(): void {
    if (!this.isEmpty) throw new ValidationError(this.messages.join("; "));
  }
}

/** A request Affise would refuse with HTTP 400; nothing has been stored. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValidationError";
  }
}
