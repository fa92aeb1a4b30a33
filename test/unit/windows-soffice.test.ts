// LibreOffice on Windows, tested on any machine by injecting the platform: found where the installer puts it
// (Program Files, the registry) or on PATH with PATHEXT; run without `detached`; its tree ended by taskkill on a
// timeout and on an interrupt; folders that a killed run left removed by the next; PDF dates of any time zone.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configuredProgram,
  convertWithSoffice,
  killTree,
  locateSoffice,
  parseRegQuery,
  removeLeftoverConversions,
  SofficeError,
  stopOwnConversions,
  type ProcessHost,
  type SofficeHost,
} from '../../src/files/soffice.js';
import { stabilisePdf } from '../../src/writers/pdf/index.js';
import { tempDir } from '../e2e/run-cli.js';

/** A Windows machine whose only programs are `programs` (compared without case, as NTFS does). */
function windowsHost(programs: string[], env: NodeJS.ProcessEnv, registry: Record<string, string> = {}): SofficeHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    platform: 'win32',
    path: win32,
    env,
    isProgram: (p) => programs.some((q) => q.toLowerCase() === p.toLowerCase()),
    queryRegistry: (key) => {
      asked.push(key);
      return registry[key] ?? null;
    },
    asked,
  };
}

const WINDOWS_ENV = { PATH: 'C:\\Windows\\system32;C:\\Windows', PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.JS', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };

describe('finding LibreOffice on Windows', () => {
  it('finds soffice.com under %ProgramFiles%\\LibreOffice\\program, where the installer puts it (not on PATH)', () => {
    const host = windowsHost(['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files\\LibreOffice\\program\\soffice.com'], WINDOWS_ENV);
    expect(locateSoffice(host)).toBe('C:\\Program Files\\LibreOffice\\program\\soffice.com');
    // Found without asking the registry.
    expect(host.asked).toEqual([]);
  });

  it('finds a 32-bit LibreOffice under Program Files (x86)', () => {
    const host = windowsHost(['C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'], WINDOWS_ENV);
    expect(locateSoffice(host)).toBe('C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe');
  });

  it('reads the environment without regard to case, as Windows does (Path, PROGRAMFILES)', () => {
    const host = windowsHost(['E:\\Program Files\\LibreOffice\\program\\soffice.exe'], { Path: 'C:\\Windows', PROGRAMFILES: 'E:\\Program Files' });
    expect(locateSoffice(host)).toBe('E:\\Program Files\\LibreOffice\\program\\soffice.exe');
  });

  it('finds the program folder recorded in the registry (LibreOffice installed elsewhere)', () => {
    const host = windowsHost(['D:\\Ung dung\\LibreOffice\\program\\soffice.exe'], WINDOWS_ENV, {
      'HKLM\\SOFTWARE\\WOW6432Node\\LibreOffice\\UNO\\InstallPath': 'D:\\Ung dung\\LibreOffice\\program',
    });
    expect(locateSoffice(host)).toBe('D:\\Ung dung\\LibreOffice\\program\\soffice.exe');
    expect(host.asked).toContain('HKLM\\SOFTWARE\\LibreOffice\\UNO\\InstallPath');
  });

  it('finds soffice on PATH only with an extension of PATHEXT that starts without a shell (.com, .exe)', () => {
    const env = { ...WINDOWS_ENV, PATH: 'C:\\Tools;"C:\\Portable;LO\\program"' };
    // A bare "soffice" or a soffice.bat is not something spawn can start on Windows.
    expect(locateSoffice(windowsHost(['C:\\Tools\\soffice', 'C:\\Tools\\soffice.bat'], env))).toBeNull();
    expect(locateSoffice(windowsHost(['C:\\Tools\\soffice.exe'], env))).toBe('C:\\Tools\\soffice.exe');
    // A quoted PATH entry, as cmd.exe writes one holding ";".
    expect(locateSoffice(windowsHost(['C:\\Portable;LO\\program\\soffice.com'], env))).toBe('C:\\Portable;LO\\program\\soffice.com');
  });

  it('DANVAN_SOFFICE naming soffice without its extension finds soffice.com or soffice.exe on Windows only', () => {
    const host = windowsHost(['D:\\LO\\program\\soffice.exe'], WINDOWS_ENV);
    expect(configuredProgram('D:\\LO\\program\\soffice', host)).toBe('D:\\LO\\program\\soffice.exe');
    expect(configuredProgram('D:\\LO\\program\\soffice.exe', host)).toBe('D:\\LO\\program\\soffice.exe');
    expect(configuredProgram('D:\\LO\\program\\khong-co', host)).toBeNull();
    expect(configuredProgram('/opt/lo/soffice', { ...host, platform: 'linux', path: posix, isProgram: (p) => p === '/opt/lo/soffice.exe' })).toBeNull();
  });

  it('says there is none when LibreOffice is nowhere', () => {
    const host = windowsHost([], WINDOWS_ENV);
    expect(locateSoffice(host)).toBeNull();
    expect(host.asked.length).toBeGreaterThan(0);
  });

  it('on Linux looks on PATH only, for soffice or libreoffice without an extension', () => {
    const host: SofficeHost = { platform: 'linux', path: posix, env: { PATH: '/usr/local/bin:relative:/usr/bin' }, isProgram: (p) => p === '/usr/bin/libreoffice', queryRegistry: () => { throw new Error('no registry on Linux'); } };
    expect(locateSoffice(host)).toBe('/usr/bin/libreoffice');
  });

  it('reads the value of `reg query … /ve`, in any display language', () => {
    const english = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\LibreOffice\\UNO\\InstallPath\r\n    (Default)    REG_SZ    C:\\Program Files\\LibreOffice\\program\r\n\r\n';
    const vietnamese = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\LibreOffice\\UNO\\InstallPath\r\n    (Mặc định)    REG_SZ    D:\\LO 7\\program\r\n\r\n';
    expect(parseRegQuery(english)).toBe('C:\\Program Files\\LibreOffice\\program');
    expect(parseRegQuery(vietnamese)).toBe('D:\\LO 7\\program');
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.\r\n')).toBeNull();
  });
});

/** A LibreOffice that does nothing until it is killed, or (with `writes`) converts at once; spawns and kills are recorded. */
function fakeWindows(writes?: Buffer) {
  const spawned: { program: string; args: readonly string[]; options: SpawnOptions }[] = [];
  const ran: { program: string; args: readonly string[] }[] = [];
  const children = new Map<number, EventEmitter>();
  let nextPid = 4242;
  const host: ProcessHost = {
    platform: 'win32',
    spawn: (program, args, options) => {
      spawned.push({ program, args, options });
      const child = Object.assign(new EventEmitter(), { pid: nextPid++, stdout: new PassThrough(), stderr: new PassThrough() });
      children.set(child.pid, child);
      if (writes) {
        const outDir = args[args.indexOf('--outdir') + 1]!;
        const input = args[args.length - 1]!;
        setImmediate(() => {
          writeFileSync(join(outDir, `${posix.basename(input.replace(/\\/g, '/')).replace(/\.[^.]+$/, '')}.pdf`), writes);
          child.emit('close', 0);
        });
      }
      return child as unknown as ChildProcess;
    },
    runSync: (program, args) => {
      ran.push({ program, args });
      // taskkill /T /F ends the tree: the launcher closes.
      const pid = Number(args[args.indexOf('/PID') + 1]);
      setImmediate(() => children.get(pid)?.emit('close', 1));
    },
  };
  return { host, spawned, ran };
}

describe('running LibreOffice on Windows', () => {
  let saved: string | undefined;
  let temp: string;
  beforeEach(() => {
    saved = process.env['TMPDIR'];
    temp = tempDir('danvan-wintmp-');
    process.env['TMPDIR'] = temp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  });

  const conversion = { bytes: Buffer.from('PK'), from: 'docx', to: 'pdf', extension: 'pdf', soffice: 'C:\\Program Files\\LibreOffice\\program\\soffice.com' };

  it('on a timeout ends the whole tree with taskkill /PID n /T /F (no process group there), and leaves no folder', async () => {
    const { host, spawned, ran } = fakeWindows();
    const error = await convertWithSoffice({ ...conversion, timeoutMs: 30 }, host).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SofficeError);
    expect((error as SofficeError).reason).toBe('timeout');
    expect(spawned).toHaveLength(1);
    // Not detached: on Windows that opens a console window and makes no group to kill.
    expect(spawned[0]!.options.detached).toBeUndefined();
    expect(spawned[0]!.options.windowsHide).toBe(true);
    expect(ran).toEqual([{ program: 'taskkill', args: ['/PID', '4242', '/T', '/F'] }]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a conversion that ends by itself gives the bytes written, and taskkill is not run', async () => {
    const pdf = Buffer.from('%PDF-1.7 fake');
    const { host, ran, spawned } = fakeWindows(pdf);
    const bytes = await convertWithSoffice({ ...conversion, timeoutMs: 60_000 }, host);
    expect(Buffer.from(bytes).equals(pdf)).toBe(true);
    expect(ran).toEqual([]);
    // The profile is given as a file URL (file:///C:/… on Windows, never file://C:\…).
    expect(spawned[0]!.args[0]).toMatch(/^-env:UserInstallation=file:\/\/\//);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('an interrupt ends every LibreOffice of this process by taskkill and removes their folders', () => {
    const dir = join(temp, `danvan-soffice-${process.pid}-abc123`);
    mkdirSync(join(dir, 'profile'), { recursive: true });
    writeFileSync(join(dir, 'pid'), '777');
    const ran: { program: string; args: readonly string[] }[] = [];
    stopOwnConversions({ platform: 'win32', spawn: () => { throw new Error('not used'); }, runSync: (program, args) => ran.push({ program, args }) });
    expect(ran).toEqual([{ program: 'taskkill', args: ['/PID', '777', '/T', '/F'] }]);
    expect(existsSync(dir)).toBe(false);
  });

  it('a kill that fails (the process is gone: ESRCH) is not an error', () => {
    const gone = () => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    };
    expect(() => killTree(999_999, { platform: 'win32', runSync: gone })).not.toThrow();
    expect(() => killTree(999_999, { platform: 'linux', runSync: gone })).not.toThrow();
  });

  it('the next run removes the folders a killed run left: a process that is gone, or anyone\'s after a day', () => {
    const now = Date.now();
    // The run's own folders are never touched: none of these pids may be this process's (it was 4001 once).
    const pid = (n: number) => (n === process.pid ? n + 10 : n);
    const dead = join(temp, `danvan-soffice-${pid(31337)}-aaaaaa`);
    const living = join(temp, `danvan-soffice-${pid(4000)}-bbbbbb`);
    const old = join(temp, `danvan-soffice-${pid(4001)}-cccccc`);
    const other = join(temp, 'danvan-lo-dddddd');
    for (const d of [dead, living, old, other]) mkdirSync(join(d, 'profile'), { recursive: true });
    const twoDaysAgo = (now - 2 * 24 * 3600 * 1000) / 1000;
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const removed = removeLeftoverConversions(temp, (n) => n !== pid(31337), now);
    expect(removed).toBe(2);
    expect(readdirSync(temp).sort()).toEqual(['danvan-lo-dddddd', `danvan-soffice-${pid(4000)}-bbbbbb`]);
  });
});

describe('PDF dates whatever the time zone', () => {
  /** The date parts LibreOffice writes, in the shape of one time zone. */
  const pdf = (info: string, xmp: string) =>
    Buffer.from(`%PDF-1.7\n<< /CreationDate (D:${info}) /ModDate (D:${info}) >>\n<xmp:CreateDate>${xmp}</xmp:CreateDate>\n<xmp:MetadataDate>${xmp}</xmp:MetadataDate>\n`, 'latin1');

  it('a PDF made in Hà Nội (+07:00, TZ ignored on Windows) is stabilised to the same bytes as one made in UTC', () => {
    const utc = stabilisePdf(pdf("20261129195105Z'", '2026-11-29T19:51:05Z'), '2023-04-05', '0'.repeat(32));
    const hanoi = stabilisePdf(pdf("20261130025105+07'00'", '2026-11-30T02:51:05+07:00'), '2023-04-05', '0'.repeat(32));
    const newYork = stabilisePdf(pdf("20261129145105-05'00'", '2026-11-29T14:51:05.123-05:00'), '2023-04-05', '0'.repeat(32));
    expect(hanoi.toString('latin1')).toContain("(D:20230405000000+00'00')");
    expect(hanoi.toString('latin1')).toContain('<xmp:CreateDate>2023-04-05T00:00:00+00:00</xmp:CreateDate>');
    expect(newYork.toString('latin1')).toContain('<xmp:CreateDate>2023-04-05T00:00:00.000+00:00</xmp:CreateDate>');
    expect(utc.toString('latin1')).toContain("(D:20230405000000Z')");
    // Same length as before, so that the cross-reference offsets hold; the same report date in every zone.
    expect(hanoi.length).toBe(pdf("20261130025105+07'00'", '2026-11-30T02:51:05+07:00').length);
    const again = stabilisePdf(pdf("20261201081500+07'00'", '2026-12-01T08:15:00+07:00'), '2023-04-05', '0'.repeat(32));
    expect(again.equals(hanoi)).toBe(true);
  });
});
