/** The few error classes danvan throws, and the one place that maps them to exit codes (SPEC §2). */

export const EXIT = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  internal: 70,
} as const;

/** Base of every error whose message is already written for the user (in Vietnamese). */
export class DanvanError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong arguments: a missing folder, a bad flag value. */
export class UsageError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The config file is missing, unreadable or invalid. */
export class ConfigError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The template does not compile or fails while rendering; the message names file and line. */
export class TemplateError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The output cannot be written (exists without --force, folder missing, no permission). */
export class OutputError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Input submissions made the job refuse (for example --strict with an invalid file). */
export class InputRejectedError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.invalidInput);
  }
}

/**
 * A broken promise of danvan's own (an invariant that does not hold): never the user's fault. The message is
 * for developers; the CLI says it is our bug and exits 70.
 */
export class InternalError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.internal);
  }
}
