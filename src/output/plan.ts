/**
 * Every file a run writes goes through one OutputPlan: all output paths are registered and checked together
 * before any work (against every input of the run and against each other, by real path), their bytes are
 * staged in temporary files beside them, and the plan commits them at the end:
 *
 *   const plan = new OutputPlan({ cwd, force });
 *   plan.addInputs([config, template]);          // and plan.addDiscovered(discovery) for submissions
 *   plan.add('-o', 'bao-cao.docx');              // refused now if it lands on an input or another output
 *   plan.add('--xlsx', 'tong-hop.xlsx');
 *   …work…
 *   plan.write('-o', docxBytes);                 // staged: a temp file in the output's folder
 *   plan.write('--xlsx', workbookBytes);
 *   plan.commit();                               // all into place, or none (see commit)
 *   // in a finally: plan.discard() removes what was staged and not committed
 *
 * Rules: an output may not be an input file (same real path, or the same file through a hard link), nor lie
 * inside an input folder, nor be the same file as another output of the run, nor be a folder or a special
 * file; these hold even with --force. An existing file holding exactly the bytes to write is left as it is,
 * without --force (unchanged means untouched: rerunning after one late file rewrites only what changed); one
 * holding other bytes needs --force, and without it nothing of the run is written. Without --force the final
 * step creates the file without replacing anything (link(2), which fails if the name exists), so of two runs
 * racing for one name exactly one writes and the other is told the file exists; where link(2) fails for any
 * other reason (a FAT32 or exFAT stick), an exclusive copy keeps that promise. With --force the final step
 * is rename(2), which replaces atomically (a file open in Word or Excel is tried again briefly, then named). A temp file left by a killed run is removed by the next run that
 * writes in that folder; temp names start with "." so discovery never takes them for submissions.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutputError } from '../diagnostics/errors.js';
import { outputMsg } from '../messages/vi.js';

export interface OutputPlanOptions {
  /** Relative paths are resolved against this folder. */
  cwd: string;
  /** --force: an existing output file may be replaced (never an input). */
  force: boolean;
  /**
   * How the user named the outputs and --force, where not as options: a batch job's keys ("output", "force").
   * Messages only: the plan's own keys stay the options.
   */
  naming?: { flags: Readonly<Record<string, string>>; force: string };
  /** The calls that put outputs in place; injected by tests to play Windows' answers (see CommitHost). */
  host?: Partial<CommitHost>;
}

/**
 * What a commit asks of the system, injectable so that Windows' answers are tested on any machine: link(2) on a
 * FAT32/exFAT stick answers EISDIR (libuv's reading of ERROR_INVALID_FUNCTION), a file open in Word answers
 * EPERM, EBUSY or EACCES to rename(2), and an antivirus holds a new file for a moment.
 */
export interface CommitHost {
  platform: NodeJS.Platform;
  link: (from: string, to: string) => void;
  rename: (from: string, to: string) => void;
  copyFile: (from: string, to: string, mode: number) => void;
  /** Waits between two tries at a locked file. */
  sleep: (ms: number) => void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const SYSTEM: CommitHost = {
  platform: process.platform,
  link: linkSync,
  rename: renameSync,
  copyFile: copyFileSync,
  sleep: (ms) => void Atomics.wait(pause, 0, 0, ms),
};

/** Waits before each new try at a locked output (an antivirus or the indexer lets go within a second or two). */
export const LOCK_RETRY_MS = [50, 100, 200, 400, 800];

interface PlannedOutput {
  /** The option that names this output, for messages ("-o", "--xlsx"). */
  flag: string;
  /** As the user gave it (or the default name), for messages. */
  path: string;
  absolute: string;
  /** Real path of the folder + the file's name: where the bytes will land. */
  real: string;
  /** When the path exists and is a link: the real path of what it points to. */
  target?: string;
  /** When the path exists: its device and inode (64-bit, as bigints), to recognise a hard link to an input. */
  identity?: string;
  temp?: string;
  /** The bytes to write are those already there: the file is left untouched, with no --force needed. */
  unchanged?: boolean;
}

/** What a commit did with each output, by the path the user gave. */
export interface CommitResult {
  written: string[];
  /** Already there with the same bytes: not touched (the run says "không thay đổi"). */
  unchanged: string[];
}

interface InputFile {
  real: string;
  shown: string;
}

/** Folder names compare without case where the file system usually ignores it. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';
const key = (path: string) => (CASE_INSENSITIVE ? path.toLowerCase() : path);

/** Temp files: ".<name>.danvan-<host>-<pid>-<random>.tmp", so that the next run can tell whose they are. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const TEMP_NAME = /^\..+\.danvan-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.tmp$/;
/** A temp file this old is abandoned whoever made it (a run takes seconds). */
const STALE_MS = 24 * 60 * 60 * 1000;

function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(key(folder), key(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

let noFileId = 0;

/**
 * A file's identity: device and inode. Windows file ids are 64-bit, beyond a JS number's 53 bits, so they are
 * read as bigints (two files must never compare equal by rounding). A file system that gives no id (0) gives a
 * file an identity of its own, equal to no other.
 */
export function identityOf(stats: Pick<BigIntStats, 'dev' | 'ino'>): string {
  return stats.ino === 0n ? `no-file-id:${(noFileId += 1)}` : `${stats.dev}:${stats.ino}`;
}

const statId = (path: string) => identityOf(statSync(path, { bigint: true }));
const lstatId = (path: string) => identityOf(lstatSync(path, { bigint: true }));

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

/** Whether a file holds exactly `data`: the size first, then the bytes. */
function sameBytes(path: string, data: Uint8Array): boolean {
  try {
    if (statSync(path).size !== data.length) return false;
    return readFileSync(path).equals(data);
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

/** Plans of this thread that may hold staged files, so that an interrupted run can take them back (interrupt()). */
const live = new Set<OutputPlan>();

/**
 * Ctrl-C or SIGTERM: every live plan removes what it staged and rolls back a commit under way, so that an
 * interrupted run leaves neither a temp file nor half of its outputs. Returns how many files were removed.
 */
export function interruptLivePlans(): number {
  let removed = 0;
  for (const plan of live) removed += plan.interrupt();
  return removed;
}

/**
 * Temp files of this process in the given folders: what worker threads of this process staged when the
 * process is interrupted (their plans live in other threads). The name carries host and process id.
 */
export function removeOwnTemps(folders: Iterable<string>): number {
  let removed = 0;
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || m[1] !== HOST || Number(m[2]) !== process.pid) continue;
      try {
        unlinkSync(join(folder, name));
        removed += 1;
      } catch {
        // gone already
      }
    }
  }
  return removed;
}

export class OutputPlan {
  private readonly outputs: PlannedOutput[] = [];
  /** Outputs this commit has already put in place, with their inode, while it runs. */
  private committing: { output: PlannedOutput; identity: string }[] = [];
  private readonly byReal = new Map<string, PlannedOutput>();
  private readonly inputFiles = new Map<string, InputFile>();
  private readonly inputDirs = new Map<string, string>();
  private inputIdentities: Map<string, string> | undefined;
  private readonly cleaned = new Set<string>();

  constructor(private readonly options: OutputPlanOptions) {
    live.add(this);
  }

  /** See interruptLivePlans. */
  interrupt(): number {
    let removed = 0;
    for (const d of this.committing) {
      if (!this.options.force) {
        this.removeIfOurs(d.output.real, d.identity);
        removed += 1;
      }
    }
    this.committing = [];
    for (const output of this.outputs) {
      if (output.temp) removed += 1;
      this.removeTemp(output);
    }
    live.delete(this);
    return removed;
  }

  /** Inputs named by the user (submission files and folders, config, template, --compare); missing paths are ignored. */
  addInputs(paths: Iterable<string | null | undefined>): void {
    for (const path of paths) {
      if (!path) continue;
      const absolute = resolve(this.options.cwd, path);
      let stats: Stats;
      try {
        stats = statSync(absolute);
      } catch {
        continue;
      }
      const real = realOrSelf(absolute);
      if (stats.isDirectory()) this.inputDirs.set(key(real), path);
      else this.inputFiles.set(key(real), { real, shown: path });
    }
    this.inputIdentities = undefined;
  }

  /** An output's option as the user named it (a batch job's key, or the option itself). */
  private shown(flag: string): string {
    return this.options.naming?.flags[flag] ?? flag;
  }

  private get forceHint(): string {
    return this.options.naming?.force ?? '--force';
  }

  /** What discovery reached under the inputs: real paths of the files checked and the folders walked. */
  addDiscovered(found: { realFiles: readonly string[]; realDirs: readonly string[] }): void {
    for (const real of found.realFiles) if (!this.inputFiles.has(key(real))) this.inputFiles.set(key(real), { real, shown: real });
    for (const real of found.realDirs) if (!this.inputDirs.has(key(real))) this.inputDirs.set(key(real), real);
    this.inputIdentities = undefined;
  }

  /**
   * Registers an output and checks it at once (OutputError if it cannot be written): its folder exists; it
   * is not a folder or a special file; it is no input and lies in no input folder, and it is not another
   * output of this run (all by real path, links resolved); without --force, it does not exist yet.
   */
  add(flag: string, path: string): void {
    const output = this.resolveOutput(flag, path);
    this.verify(output);
    this.outputs.push(output);
    this.byReal.set(key(output.real), output);
    if (output.target) this.byReal.set(key(output.target), output);
    this.cleanStaleTemps(dirname(output.real));
  }

  /** Checks every output again, e.g. after inputs were added. */
  check(): void {
    this.byReal.clear();
    this.outputs.forEach((output, i) => {
      const fresh = { ...this.resolveOutput(output.flag, output.path), ...(output.temp ? { temp: output.temp } : {}) };
      this.outputs[i] = fresh;
      this.verify(fresh);
      this.byReal.set(key(fresh.real), fresh);
      if (fresh.target) this.byReal.set(key(fresh.target), fresh);
    });
  }

  /** Paths of the registered outputs, as given. */
  get paths(): string[] {
    return this.outputs.map((o) => o.path);
  }

  /**
   * Stages the bytes of an output (by its flag, or its path for plans with many outputs of one flag) in a temp
   * file beside it; when the file already holds exactly these bytes, nothing is staged and it stays untouched.
   */
  write(which: string, data: Uint8Array): void {
    const output = this.find(which);
    if (output.temp) this.removeTemp(output);
    output.unchanged = output.identity !== undefined && sameBytes(output.target ?? output.real, data);
    if (output.unchanged) return;
    const temp = join(dirname(output.real), `.${basename(output.real)}.danvan-${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temp, 'wx', 0o666);
      output.temp = temp;
      for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
      fsyncSync(fd);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      this.removeTemp(output);
      throw new OutputError(outputMsg.writeFailed(output.path, errnoOf(error)));
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * Leaves an existing output untouched when `holds(path)` says it already is what this run would write, judged
   * without making the bytes (a PDF made from the very same report, by the fingerprint it carries): true when
   * kept (then `write` is not called for it), false when the bytes must be made and written.
   */
  keepIf(which: string, holds: (path: string) => boolean): boolean {
    const output = this.find(which);
    if (output.identity === undefined) return false;
    output.unchanged = holds(output.target ?? output.real);
    return output.unchanged;
  }

  /**
   * Puts every staged output in place, in a fixed order (by real path, so that two runs with the same
   * outputs contend for the same first name). Without --force each is created with link(2): if a name
   * appeared meanwhile, nothing more is written, what this commit already created is removed again, and
   * an OutputError says the file exists. Where link(2) fails otherwise (no hard links on the volume), an
   * exclusive copy does the same. With --force, rename(2) replaces atomically. Returns the paths written, as given.
   */
  commit(): CommitResult {
    const staged = this.outputs.filter((o) => o.temp).sort((a, b) => (a.real < b.real ? -1 : a.real > b.real ? 1 : 0));
    // A file whose bytes would change needs --force; without it, none of the run's outputs is written.
    // Every such file is named at once: a late report changes the report, the workbooks and the PDF together.
    const blocked = this.options.force ? [] : staged.filter((o) => o.identity !== undefined);
    if (blocked.length) {
      this.discard();
      const named = [...blocked].sort((a, b) => this.outputs.indexOf(a) - this.outputs.indexOf(b)).map((o) => ({ path: o.path, flag: this.shown(o.flag) }));
      throw new OutputError(named.length === 1 ? outputMsg.exists(named[0]!.path, named[0]!.flag, this.forceHint) : outputMsg.existsMany(named, this.forceHint));
    }
    const done: { output: PlannedOutput; identity: string }[] = (this.committing = []);
    for (const output of staged) {
      const temp = output.temp!;
      try {
        let identity = statId(temp);
        if (this.options.force) this.whileLocked(output, () => this.host.rename(temp, output.real));
        else identity = this.createNoClobber(temp, output.real, identity);
        output.temp = undefined;
        done.push({ output, identity });
      } catch (error) {
        const errno = errnoOf(error);
        if (!this.options.force) {
          for (const d of done) this.removeIfOurs(d.output.real, d.identity);
        }
        this.discard();
        if (error instanceof OutputError) throw error;
        throw new OutputError(errno === 'EEXIST' ? outputMsg.appeared(output.path, this.shown(output.flag), this.forceHint) : outputMsg.writeFailed(output.path, errno));
      }
    }
    this.committing = [];
    live.delete(this);
    return { written: staged.map((o) => o.path), unchanged: this.outputs.filter((o) => o.unchanged).map((o) => o.path) };
  }

  /** Removes every staged temp file not committed (call in a finally block). */
  discard(): void {
    for (const output of this.outputs) if (output.temp) this.removeTemp(output);
    live.delete(this);
  }

  private get host(): CommitHost {
    return { ...SYSTEM, ...this.options.host };
  }

  /**
   * Creates `final` from `temp` without replacing anything. link(2) where the volume has hard links; where it
   * fails for any reason but EEXIST (FAT32 and exFAT sticks, where Windows answers ERROR_INVALID_FUNCTION and
   * libuv says EISDIR; network shares; EPERM, ENOTSUP, EXDEV…), an exclusive copy (COPYFILE_EXCL), which fails
   * with EEXIST as link does when the name exists: the no-clobber promise holds on every volume.
   */
  private createNoClobber(temp: string, final: string, tempIdentity: string): string {
    let identity = tempIdentity;
    try {
      this.host.link(temp, final);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') throw error;
      this.host.copyFile(temp, final, constants.COPYFILE_EXCL);
      // The copy's own identity, so that a failure further on removes it again (what this commit created).
      try {
        identity = lstatId(final);
      } catch {
        identity = `gone:${tempIdentity}`;
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // held a moment by an antivirus: a stale temp, removed by a later run (cleanStaleTemps)
    }
    return identity;
  }

  /**
   * Runs `put` (the rename over an existing output), trying again a few times while the file is locked: on
   * Windows a file open in Word or Excel, or scanned by an antivirus, refuses to be replaced with EPERM, EBUSY
   * or EACCES. A lock that outlasts the tries is named as such: close the file and run again.
   */
  private whileLocked(output: PlannedOutput, put: () => void): void {
    const host = this.host;
    const lockCodes = host.platform === 'win32' ? ['EPERM', 'EBUSY', 'EACCES'] : ['EBUSY'];
    for (let attempt = 0; ; attempt += 1) {
      try {
        put();
        return;
      } catch (error) {
        if (!lockCodes.includes(errnoOf(error) ?? '')) throw error;
        if (attempt >= LOCK_RETRY_MS.length) throw new OutputError(outputMsg.locked(output.path));
        host.sleep(LOCK_RETRY_MS[attempt]!);
      }
    }
  }

  private removeIfOurs(path: string, identity: string): void {
    try {
      // A linked file has the temp's inode, a copied one the inode read right after the copy.
      if (lstatId(path) === identity) unlinkSync(path);
    } catch {
      // already gone
    }
  }

  private removeTemp(output: PlannedOutput): void {
    if (!output.temp) return;
    try {
      unlinkSync(output.temp);
    } catch {
      // nothing was created, or it is already gone
    }
    output.temp = undefined;
  }

  private find(which: string): PlannedOutput {
    const output = this.outputs.find((o) => o.flag === which) ?? this.byReal.get(key(join(realOrSelf(dirname(resolve(this.options.cwd, which))), basename(which))));
    if (!output) throw new Error(`output ${which} was never added to the plan`);
    return output;
  }

  private resolveOutput(flag: string, path: string): PlannedOutput {
    const absolute = resolve(this.options.cwd, path);
    const folder = dirname(absolute);
    let folderStats: Stats;
    try {
      folderStats = statSync(folder);
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') throw new OutputError(outputMsg.folderMissing(dirname(path), this.shown(flag)));
      throw new OutputError(outputMsg.writeFailed(path, errno));
    }
    if (!folderStats.isDirectory()) throw new OutputError(outputMsg.folderMissing(dirname(path), this.shown(flag)));
    const real = join(realOrSelf(folder), basename(absolute));
    const output: PlannedOutput = { flag, path, absolute, real };
    let own: BigIntStats | undefined;
    try {
      own = lstatSync(real, { bigint: true });
    } catch {
      return output;
    }
    let stats = own;
    if (own.isSymbolicLink()) {
      try {
        stats = statSync(real, { bigint: true });
        output.target = realOrSelf(real);
      } catch {
        // a link to nothing: rename replaces the link itself
        return { ...output, identity: identityOf(own) };
      }
    }
    if (stats.isDirectory()) throw new OutputError(outputMsg.isFolder(path, this.shown(flag)));
    if (!stats.isFile()) throw new OutputError(outputMsg.notRegular(path, this.shown(flag)));
    output.identity = identityOf(stats);
    return output;
  }

  private verify(output: PlannedOutput): void {
    const places = output.target ? [output.real, output.target] : [output.real];
    for (const place of places) {
      const input = this.inputFiles.get(key(place));
      if (input) throw new OutputError(outputMsg.onInput(output.path, this.shown(output.flag), input.shown));
      for (const [dirKey, shown] of this.inputDirs) {
        if (key(place) === dirKey || inside(dirKey, place)) throw new OutputError(outputMsg.insideInput(output.path, this.shown(output.flag), shown));
      }
      const other = this.byReal.get(key(place));
      if (other && other !== output) throw new OutputError(outputMsg.sameAsOther(output.path, this.shown(output.flag), this.shown(other.flag)));
    }
    if (output.identity) {
      const input = this.identities().get(output.identity);
      if (input) throw new OutputError(outputMsg.onInput(output.path, this.shown(output.flag), input));
      const other = this.outputs.find((o) => o !== output && o.identity === output.identity);
      if (other) throw new OutputError(outputMsg.sameAsOther(output.path, this.shown(output.flag), this.shown(other.flag)));
      // An existing file without --force is judged when its bytes are known: the same bytes leave it untouched.
    }
  }

  /** Device and inode of every input file (only needed when an output already exists). */
  private identities(): Map<string, string> {
    if (!this.inputIdentities) {
      this.inputIdentities = new Map();
      for (const input of this.inputFiles.values()) {
        try {
          this.inputIdentities.set(statId(input.real), input.shown);
        } catch {
          // gone since: nothing to protect
        }
      }
    }
    return this.inputIdentities;
  }

  /** Removes temp files that killed runs left in a folder: ours whose process is gone, anyone's after a day. */
  private cleanStaleTemps(folder: string): void {
    if (this.cleaned.has(folder)) return;
    this.cleaned.add(folder);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m) continue;
      const path = join(folder, name);
      try {
        const pid = Number(m[2]);
        const stats = lstatSync(path);
        const abandoned = (m[1] === HOST && pid !== process.pid && !processAlive(pid)) || now - stats.mtimeMs > STALE_MS;
        if (abandoned && stats.isFile()) unlinkSync(path);
      } catch {
        // another run removed it, or it is not ours to remove
      }
    }
  }
}
