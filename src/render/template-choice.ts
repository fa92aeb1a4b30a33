/**
 * Which template renders a report: the built-in one for the period, a user's single template, or a user's
 * folder holding both kinds (so-ket.hbs for quý, 6 tháng, 9 tháng; tong-ket.hbs for the year), picked by period.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TemplateError } from '../diagnostics/errors.js';
import { templateMsg } from '../messages/vi.js';
import { BUILTIN_TEMPLATES, builtinTemplatePath, loadTemplate, type LoadedTemplate } from './template.js';

export interface TemplateChoice {
  /** The template for a period: a final review (năm) or an interim one. */
  forPeriod(final: boolean): LoadedTemplate;
  /** True when the user gave one file, whose kind may not match the period. */
  single: boolean;
}

/**
 * Loads (and so checks) the user's templates before any submission is read, so that a template mistake costs
 * no waiting; the built-in ones are loaded when the period is known.
 */
export function chooseTemplates(template: string | undefined, cwd: string): TemplateChoice {
  if (!template) {
    return { forPeriod: (final) => loadTemplate(builtinTemplatePath(final), 'mẫu có sẵn'), single: false };
  }
  const path = resolve(cwd, template);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const loaded: Partial<Record<'interim' | 'final', LoadedTemplate>> = {};
    for (const kind of ['interim', 'final'] as const) {
      const file = join(path, BUILTIN_TEMPLATES[kind]);
      if (existsSync(file)) loaded[kind] = loadTemplate(file, join(template, BUILTIN_TEMPLATES[kind]));
    }
    if (!loaded.interim && !loaded.final) throw new TemplateError(templateMsg.folderEmpty(template));
    return {
      forPeriod: (final) => {
        const kind = final ? 'final' : 'interim';
        const chosen = loaded[kind];
        if (!chosen) throw new TemplateError(templateMsg.folderMissing(template, BUILTIN_TEMPLATES[kind], final));
        return chosen;
      },
      single: false,
    };
  }
  const one = loadTemplate(path, template);
  return { forPeriod: () => one, single: true };
}

/** A sơ kết template rendering a year, or a tổng kết template rendering a quarter: the subject line says which. */
export function periodMismatch(subject: string, final: boolean): boolean {
  const text = subject.toLocaleLowerCase('vi');
  return final ? text.includes('sơ kết') && !text.includes('tổng kết') : text.includes('tổng kết') && !text.includes('sơ kết');
}
