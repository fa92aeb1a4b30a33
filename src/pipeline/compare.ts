/** Reads an earlier aggregate (a workbook in the submission form) to compare today's totals with. */
import { UsageError } from '../diagnostics/errors.js';
import type { Indicator } from '../domain/catalogue.js';
import { parsePeriod, periodName, samePeriodLastYear, type Period } from '../domain/period.js';
import { analyzeFile } from '../check/analyze-file.js';
import { formatLocation } from '../diagnostics/issue.js';

export async function readComparison(
  file: string,
  current: string,
  options: { catalogue: readonly Indicator[]; maxBytes: number; cwd: string },
): Promise<{ period: string; figures: Record<string, number | null> }> {
  const result = await analyzeFile(file, options);
  if (!result.valid || !result.submission) {
    const problems = result.errors.slice(0, 5).map((e) => `  - ${formatLocation(e) ? `${formatLocation(e)}: ` : ''}${e.message}`);
    throw new UsageError(`Tệp so sánh "${file}" không dùng được:\n${problems.join('\n')}`);
  }
  const period = parsePeriod(result.submission.info.period) as Period;
  const expected = samePeriodLastYear(parsePeriod(current) as Period);
  if (period.kind !== expected.kind || period.year >= (parsePeriod(current) as Period).year) {
    throw new UsageError(
      `Tệp so sánh "${file}" là số liệu ${periodName(period)}; cần số liệu cùng kỳ năm trước (${periodName(expected)}) hoặc cùng kỳ của một năm trước đó.`,
    );
  }
  return { period: result.submission.info.period, figures: result.submission.figures };
}
