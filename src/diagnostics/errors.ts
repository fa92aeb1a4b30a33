/** The few error classes danvan throws, and the one place that maps them to exit codes (SPEC §2). */

/** The exit codes scripts rely on (SPEC §2, README). Never renumber. */
export const EXIT = {
  /** Everything valid and written. */
  ok: 0,
  /** Written, but some input was invalid. */
  invalidInput: 1,
  /** Usage, config or template error; a tie between periods without --ky; LibreOffice missing or failing for --pdf. */
  usage: 2,
  /** Nothing written because of the inputs: no valid file, or --strict with invalid files. */
  nothingWritten: 3,
  /** A bug of danvan's own. */
  internal: 70,
} as const;

/** Base of every error whose message is already written for the user (in Vietnamese). */
export class DanvanError extends Error {
  /** What a run had checked before it failed, for `--json` to report next to the error (set by the pipeline). */
  // Typed `unknown` here: diagnostics/ depends on nothing above it; the pipeline knows it as its CheckReport.
  known?: { check: unknown; indicatorCodes: readonly string[] };

  constructor(
    message: string,
    readonly exitCode: number,
    /** Stable machine code of the failure, printed in `--json` as `error.code` (docs/json/*.schema.json). */
    readonly code: FailureCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Every `error.code` a `--json` output can carry. Never rename: scripts match on them. */
export type FailureCode =
  | 'usage'
  | 'config'
  | 'template'
  | 'output'
  | 'period-tie'
  | 'no-input'
  | 'no-valid-file'
  | 'strict'
  | 'batch'
  | 'interrupted'
  /** The file system refused (a folder that cannot be read, a permission, an I/O error). */
  | 'file-system'
  /** --pdf: LibreOffice is not installed, or it could not convert the report. */
  | 'pdf'
  | 'internal';

/** Wrong arguments: a missing folder, a bad flag value. */
export class UsageError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'usage');
  }
}

/** The config file is missing, unreadable or invalid. */
export class ConfigError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'config');
  }
}

/** The template does not compile or fails while rendering; the message names file and line. */
export class TemplateError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'template');
  }
}

/** The output cannot be written (exists without --force, folder missing, no permission). */
export class OutputError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'output');
  }
}

/**
 * The file system refused: a folder that cannot be listed, a permission missing, an I/O error. A problem
 * of the machine or of the paths given, not of danvan and not of one submission's content: exit 2.
 */
export class FileAccessError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'file-system');
  }
}

/**
 * The report could not be made into a PDF (--pdf): LibreOffice is missing, too slow or fails. A matter of
 * the machine, not of the submissions: exit 2, and nothing of the run is written (rerun without --pdf).
 */
export class PdfError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'pdf');
  }
}

/** Input submissions made the job refuse to write anything (no valid file; --strict with an invalid file). */
export class InputRejectedError extends DanvanError {
  constructor(message: string, code: 'no-input' | 'no-valid-file' | 'strict') {
    super(message, EXIT.nothingWritten, code);
  }
}

/** Two periods declared by as many files each, and no --ky to choose: the user must say which. */
export class PeriodTieError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.usage, 'period-tie');
  }
}

/**
 * A broken promise of danvan's own (an invariant that does not hold): never the user's fault. The message is
 * for developers; the CLI says it is our bug and exits 70.
 */
export class InternalError extends DanvanError {
  constructor(message: string) {
    super(message, EXIT.internal, 'internal');
  }
}
