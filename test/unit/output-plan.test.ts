/** OutputPlan: outputs never land on inputs or on each other, and never silently replace a file. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/diagnostics/errors.js';
import { discoverInputs } from '../../src/check/discover.js';
import { OutputPlan } from '../../src/output/plan.js';
import { canSymlink } from '../helpers/capabilities.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A working folder with an input folder "nop" holding one submission and a config file. */
function workspace(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'danvan-plan-'));
  dirs.push(cwd);
  mkdirSync(join(cwd, 'nop'));
  writeFileSync(join(cwd, 'nop', 'A.xlsx'), 'submission A');
  writeFileSync(join(cwd, 'cau-hinh.json'), '{}');
  return cwd;
}

function plan(cwd: string, force = false): OutputPlan {
  const p = new OutputPlan({ cwd, force });
  p.addInputs(['nop', 'cau-hinh.json']);
  p.addDiscovered(discoverInputs(['nop'], cwd));
  return p;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('OutputPlan checks every output against the inputs and the other outputs', () => {
  it('-o and --xlsx on one file are refused before any work', () => {
    const cwd = workspace();
    const p = plan(cwd);
    p.add('-o', 'X');
    expect(refusal(() => p.add('--xlsx', 'X'))).toBe('-o và --xlsx cùng ghi vào "X"; hãy đặt hai tên khác nhau.');
    expect(refusal(() => p.add('--xlsx', './X'))).toContain('cùng ghi vào');
  });

  it('an output onto an input file is refused, even with --force', () => {
    const cwd = workspace();
    for (const force of [false, true]) {
      expect(refusal(() => plan(cwd, force).add('-o', 'cau-hinh.json'))).toContain('đó chính là tệp đầu vào "cau-hinh.json"');
      expect(refusal(() => plan(cwd, force).add('-o', 'nop/A.xlsx'))).toMatch(/đầu vào/);
    }
  });

  it.skipIf(!canSymlink())('an output inside an input folder, or through a symbolic link to it, is refused', () => {
    const cwd = workspace();
    symlinkSync(join(cwd, 'nop'), join(cwd, 'bi-danh'));
    expect(refusal(() => plan(cwd, true).add('-o', 'nop/bao-cao.docx'))).toContain('vào thư mục báo cáo đầu vào');
    expect(refusal(() => plan(cwd, true).add('-o', 'bi-danh/bao-cao.docx'))).toContain('vào thư mục báo cáo đầu vào');
    expect(refusal(() => plan(cwd, true).add('-o', 'bi-danh/A.xlsx'))).toMatch(/đầu vào/);
  });

  it.skipIf(!canSymlink())('an output that is a link to an input, or a hard link to one, is refused even with --force', () => {
    const cwd = workspace();
    symlinkSync(join(cwd, 'cau-hinh.json'), join(cwd, 'lien-ket.docx'));
    linkSync(join(cwd, 'nop', 'A.xlsx'), join(cwd, 'cung-inode.docx'));
    expect(refusal(() => plan(cwd, true).add('-o', 'lien-ket.docx'))).toContain('tệp đầu vào');
    expect(refusal(() => plan(cwd, true).add('-o', 'cung-inode.docx'))).toContain('tệp đầu vào');
  });

  it.skipIf(!canSymlink())('a file reached through a link inside an input folder is an input too', () => {
    const cwd = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), 'danvan-plan-other-'));
    dirs.push(elsewhere);
    writeFileSync(join(elsewhere, 'B.xlsx'), 'submission B');
    symlinkSync(join(elsewhere, 'B.xlsx'), join(cwd, 'nop', 'B.xlsx'));
    expect(refusal(() => plan(cwd, true).add('-o', join(elsewhere, 'B.xlsx')))).toContain('tệp đầu vào');
  });

  it('an existing file with other bytes needs --force; with the same bytes it is left untouched; a folder or a special file is never written', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'cu.docx'), 'old');
    const other = plan(cwd);
    other.add('-o', 'cu.docx');
    other.write('-o', Buffer.from('new'));
    expect(refusal(() => other.commit())).toBe('Tệp "cu.docx" đã có (nội dung mới sẽ khác); danvan không ghi đè. Dùng --force để ghi đè hoặc chọn tên khác bằng -o.');
    expect(readFileSync(join(cwd, 'cu.docx'), 'utf8')).toBe('old');
    const before = statSync(join(cwd, 'cu.docx'));
    const same = plan(cwd);
    same.add('-o', 'cu.docx');
    same.write('-o', Buffer.from('old'));
    expect(same.commit()).toEqual({ written: [], unchanged: ['cu.docx'] });
    const after = statSync(join(cwd, 'cu.docx'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(() => plan(cwd, true).add('-o', 'cu.docx')).not.toThrow();
    mkdirSync(join(cwd, 'thu-muc.docx'));
    expect(refusal(() => plan(cwd, true).add('-o', 'thu-muc.docx'))).toContain('là một thư mục');
    expect(refusal(() => plan(cwd).add('-o', 'khong-co/bao-cao.docx'))).toBe('Thư mục "khong-co" để ghi -o không tồn tại.');
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(cwd, 'ong.docx')]);
      expect(refusal(() => plan(cwd, true).add('-o', 'ong.docx'))).toContain('không phải tệp thường');
    }
  });
});

describe('OutputPlan commits', () => {
  it('writes every staged output, and nothing is left behind', () => {
    const cwd = workspace();
    const p = plan(cwd);
    p.add('-o', 'bao-cao.docx');
    p.add('--xlsx', 'tong-hop.xlsx');
    p.write('-o', Buffer.from('docx'));
    p.write('--xlsx', Buffer.from('xlsx'));
    expect(p.commit()).toEqual({ written: ['bao-cao.docx', 'tong-hop.xlsx'], unchanged: [] });
    expect(readFileSync(join(cwd, 'bao-cao.docx'), 'utf8')).toBe('docx');
    expect(readFileSync(join(cwd, 'tong-hop.xlsx'), 'utf8')).toBe('xlsx');
    expect(readdirSync(cwd).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('without --force, a file that appeared after the check is not replaced, and nothing of the run is written', () => {
    const cwd = workspace();
    const p = plan(cwd);
    p.add('-o', 'a.docx');
    p.add('--xlsx', 'b.xlsx');
    p.write('-o', Buffer.from('ours'));
    p.write('--xlsx', Buffer.from('ours'));
    // Another run (or person) writes b.xlsx in the meantime; a.docx sorts first and is linked, then rolled back.
    writeFileSync(join(cwd, 'b.xlsx'), 'theirs');
    const message = refusal(() => p.commit());
    expect(message).toContain('Tệp "b.xlsx" vừa được tạo ra trong lúc danvan chạy');
    expect(readFileSync(join(cwd, 'b.xlsx'), 'utf8')).toBe('theirs');
    expect(existsSync(join(cwd, 'a.docx'))).toBe(false);
    expect(readdirSync(cwd).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('with --force, replaces an existing output atomically', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'a.docx'), 'old');
    const p = plan(cwd, true);
    p.add('-o', 'a.docx');
    p.write('-o', Buffer.from('new'));
    p.commit();
    expect(readFileSync(join(cwd, 'a.docx'), 'utf8')).toBe('new');
  });

  it('discard removes what was staged when the run fails', () => {
    const cwd = workspace();
    const p = plan(cwd);
    p.add('-o', 'a.docx');
    p.write('-o', Buffer.from('x'));
    expect(readdirSync(cwd).some((n) => n.includes('.danvan-'))).toBe(true);
    p.discard();
    expect(readdirSync(cwd).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a temp file left by a killed run is removed by the next run writing in that folder, and is never taken for a submission', async () => {
    const cwd = workspace();
    // A real process that has ended: its pid is free.
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((done) => child.on('exit', done));
    const first = new OutputPlan({ cwd, force: false });
    first.add('-o', 'a.docx');
    first.write('-o', Buffer.from('x'));
    const [tempName] = readdirSync(cwd).filter((n) => n.includes('.danvan-'));
    const stale = tempName!.replace(`-${process.pid}-`, `-${pid}-`);
    writeFileSync(join(cwd, stale), 'left by a killed run');
    const old = '.b.docx.danvan-00000000-1-00000000.tmp';
    writeFileSync(join(cwd, old), 'from another machine, long ago');
    utimesSync(join(cwd, old), new Date(2020, 0, 1), new Date(2020, 0, 1));
    first.discard();
    // Not a candidate submission: discovery lists it as a hidden file at most.
    expect(discoverInputs([cwd], cwd).files).toEqual([join('nop', 'A.xlsx')]);
    const next = new OutputPlan({ cwd, force: false });
    next.add('-o', 'c.docx');
    expect(readdirSync(cwd).filter((n) => n.includes('.danvan-'))).toEqual([]);
  });
});

describe('an interrupted run leaves nothing behind', () => {
  it('interruptLivePlans removes what live plans staged; a committed plan is no longer live', async () => {
    const { interruptLivePlans } = await import('../../src/output/plan.js');
    const cwd = workspace();
    const staged = plan(cwd);
    staged.add('-o', 'a.docx');
    staged.write('-o', Buffer.from('a'));
    const done = plan(cwd);
    done.add('-o', 'b.docx');
    done.write('-o', Buffer.from('b'));
    done.commit();
    expect(readdirSync(cwd).some((n) => n.endsWith('.tmp'))).toBe(true);
    interruptLivePlans();
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(cwd, 'a.docx'))).toBe(false);
    expect(readFileSync(join(cwd, 'b.docx'), 'utf8')).toBe('b');
  });
});
