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

/**
 * The file system refused: a folder that cannot be listed, a permission missing, an I/O error. A problem
 * of the machine or of the paths given, not of danvan and not of one submission's content: exit 2.
 */
export class FileAccessError extends DanvanError {
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
