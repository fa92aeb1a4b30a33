/**
 * `kiemtra --phan-hoi DIR` as a library: from a check report, the files the feedback folder receives — an
 * annotated copy of every .xlsx/.xlsm with a problem, and tong-hop-kiem-tra.xlsx — all in memory, so that
 * nothing is written before every one of them could be built and the folder checked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CheckReport } from '../check/check.js';
import type { FileResult } from '../check/file-result.js';
import type { UnitEntry } from '../config/schema.js';
import { parsePeriod, periodName } from '../domain/period.js';
import { feedbackMsg } from '../messages/vi.js';
import { AnnotateError, annotateWorkbook } from './annotate-workbook.js';
import { feedbackIssues, toFeedbackIssue } from './issues.js';
import { buildSummaryWorkbook, summaryLines, type SummaryLine } from './summary-workbook.js';

export interface FeedbackFile {
  /** Path inside the feedback folder, with forward slashes. */
  path: string;
  bytes: Buffer;
}

export interface FeedbackPlan {
  files: FeedbackFile[];
  /** Each annotated copy: the checked file and the copy's path inside the folder. */
  copies: { file: string; copy: string }[];
  /** Files with a problem that get no copy, and why (in Vietnamese). */
  notCopied: { file: string; reason: string }[];
  summary: string;
}

export interface FeedbackRequest {
  inputs: readonly string[];
  cwd: string;
  registry: readonly UnitEntry[];
}

const COPYABLE = new Set(['.xlsx', '.xlsm']);

/** The copy keeps the file's name; a file found in a subfolder of an input folder keeps that subfolder. */
function copyPath(file: string, request: FeedbackRequest): string {
  const absolute = resolve(request.cwd, file);
  for (const input of request.inputs) {
    const root = resolve(request.cwd, input);
    const rel = relative(root, absolute);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel) && isDirectory(root)) return rel.split(sep).join('/');
  }
  return basename(absolute);
}

/**
 * Copies an earlier run left in the folder for files that get none now (the unit sent a newer file, or fixed
 * everything): danvan does not delete them, but says so, so that nobody sends a unit an out-of-date list.
 */
export function staleCopies(report: CheckReport, plan: FeedbackPlan, request: FeedbackRequest, dir: string): string[] {
  const written = new Set(plan.files.map((f) => f.path.toLowerCase()));
  const stale = new Set<string>();
  for (const file of report.files) {
    const path = copyPath(file.file, request);
    if (!written.has(path.toLowerCase()) && existsSync(join(resolve(request.cwd, dir), path))) stale.add(path);
  }
  return [...stale].sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A name no other output of the run uses (compared ignoring case, as Windows and macOS do): "x (2).xlsx". */
function unique(path: string, taken: Set<string>): string {
  let candidate = path;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
    const ext = extname(path);
    candidate = `${path.slice(0, path.length - ext.length)} (${n})${ext}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Why a file with a problem gets no annotated copy, or null when it gets one. */
function refusal(file: FileResult): string | null {
  const ext = extname(file.file).toLowerCase();
  if (!COPYABLE.has(ext)) return feedbackMsg.noCopy.format(ext);
  // A file that could not be opened as a workbook has nothing to annotate.
  if (file.errors.some((e) => e.code.startsWith('file.'))) return feedbackMsg.noCopy.unreadable;
  return null;
}

function unitLabel(file: FileResult): string | null {
  const name = file.contact?.unitName;
  if (name && file.unit) return `${name} (${file.unit})`;
  return name ?? file.unit;
}

export async function buildFeedback(report: CheckReport, request: FeedbackRequest): Promise<FeedbackPlan> {
  const taken = new Set<string>([feedbackMsg.summaryFile.toLowerCase()]);
  const files: FeedbackFile[] = [];
  const copies: FeedbackPlan['copies'] = [];
  const notCopied: FeedbackPlan['notCopied'] = [];
  const copyOf = new Map<string, SummaryLine['copy']>();

  for (const file of report.files) {
    // A file its unit has replaced is not sent back: its problems may be fixed already in the newer one.
    if (file.superseded) {
      copyOf.set(file.file, { reason: feedbackMsg.noCopy.superseded });
      continue;
    }
    const issues = feedbackIssues(file);
    if (issues.length === 0) continue;
    let reason = refusal(file);
    if (reason === null) {
      try {
        const bytes = readFileSync(resolve(request.cwd, file.file));
        const annotated = annotateWorkbook(bytes, issues.map(toFeedbackIssue), {
          fileName: basename(file.file),
          unit: unitLabel(file),
          period: file.period ? periodName(parsePeriod(file.period)!) : null,
          superseded: !!file.superseded,
        });
        const path = unique(copyPath(file.file, request), taken);
        files.push({ path, bytes: annotated.bytes });
        copies.push({ file: file.file, copy: path });
        copyOf.set(file.file, { path });
        continue;
      } catch (error) {
        const detail =
          error instanceof AnnotateError
            ? error.reason === 'strict'
              ? feedbackMsg.strictFormat
              : error.reason === 'not-xlsx'
                ? feedbackMsg.noCopy.unreadable
                : feedbackMsg.damaged
            : ((error as NodeJS.ErrnoException).code ?? feedbackMsg.damaged);
        reason = error instanceof AnnotateError && error.reason === 'not-xlsx' ? detail : feedbackMsg.noCopy.failed(detail);
      }
    }
    notCopied.push({ file: file.file, reason });
    copyOf.set(file.file, { reason });
  }
  for (const file of report.files) if (!copyOf.has(file.file)) copyOf.set(file.file, { reason: feedbackMsg.noCopy.clean });

  const summary = feedbackMsg.summaryFile;
  files.push({ path: summary, bytes: await buildSummaryWorkbook(report, summaryLines(report, request.registry, copyOf)) });
  return { files, copies, notCopied, summary };
}
