/** Builds the DocModel: the official frame from the config, the body from the rendered template, the appendices from the data. */
import type { Config } from '../config/schema.js';
import type { LayoutProfile } from '../layout/profile.js';
import { TemplateError } from '../diagnostics/errors.js';
import { parsePeriod, type Period } from '../domain/period.js';
import type { Block, DocModel, TableBlock } from '../model/doc-model.js';
import { typographicQuotes } from '../domain/text.js';
import type { ReportModel } from '../model/report-model.js';
import { formatDateLong } from '../render/format.js';
import { parseMarkup, splitFrontMatter } from './markup.js';
import { appendixLabels, appendixNumbers, indicatorTable, modelAppendix, modelTable, otherItemsAppendix, unitAppendices } from './tables.js';
import { bindCompounds, bindHeader, bindLine } from './nobreak.js';

/**
 * "Số 45-BC/BDVTU" (Party) or "Số: 45/BC-SNV" (state); numbers below 10 zero-padded; an empty number leaves
 * room for the clerk to write it in at issuance.
 */
function documentNumber(config: Config, words: LayoutProfile['words'], type = config.document.type, n = config.document.number): string {
  const number = (/^\d$/.test(n) ? `0${n}` : n) || '      ';
  const { abbreviation } = config.organization;
  return words.numberStyle === 'state'
    ? `${words.numberLabel} ${number}/${type}-${abbreviation}`
    : `${words.numberLabel} ${number}-${type}/${abbreviation}`;
}

/** "Bình Sơn, ngày 05 tháng 4 năm 2023", or with day and month left blank to be written at signing. */
function placeAndDate(config: Config, year: number, given = config.document.date): string {
  const place = config.organization.place;
  if (given) {
    const [d, m, y] = given.split('/').map(Number) as [number, number, number];
    return `${place}, ${formatDateLong(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)}`;
  }
  return `${place}, ngày      tháng      năm ${year}`;
}

/** The report's year when the config gives no date: that of the latest report date, else the period's. */
function reportYear(model: ReportModel, period: Period): number {
  return model.latestReportDate ? Number(model.latestReportDate.slice(0, 4)) : period.year;
}

/** A long subject line is set on two lines, broken at the comma nearest its middle, as typists do. */
export function splitSubject(subject: string): string[] {
  if (subject.length <= 60) return [subject];
  let best = -1;
  for (let i = subject.indexOf(', '); i !== -1; i = subject.indexOf(', ', i + 1)) {
    if (best === -1 || Math.abs(i - subject.length / 2) < Math.abs(best - subject.length / 2)) best = i;
  }
  return best === -1 ? [subject] : [subject.slice(0, best + 1), subject.slice(best + 2)];
}

/**
 * "Nơi nhận:" lines: each closed as the profile's rules want it ("," in Party practice, ";" under NĐ 30/2020), the
 * archive line last with "."; two-syllable names kept on one line ("Tỉnh ủy").
 */
function recipientLines(list: readonly string[], archive: string, profile: LayoutProfile): string[] {
  const end = profile.words.recipientLineEnd;
  return [...list.map((r) => bindLine(`- ${r.replace(/[,;.]\s*$/, '')}${end}`)), bindLine(`- ${archive.replace(/[.;,]\s*$/, '')}.`)];
}

/**
 * Whom a state-style report is addressed to ("Kính gửi:"): the config's document.addressees, else the recipients
 * it is sent to for report ("… (để b/c)"), without that mark.
 */
function reportAddressees(config: Config): string[] {
  if (config.document.addressees.length > 0) return config.document.addressees;
  return config.recipients
    .filter((r) => /\((?:để\s+)?(?:b\/c|báo cáo)\)\s*[,;.]?\s*$/iu.test(r))
    .map((r) => r.replace(/\s*\((?:để\s+)?(?:b\/c|báo cáo)\)\s*[,;.]?\s*$/iu, ''));
}

/** Tables carry the catalogue's and the units' names: one quote style there too. */
function typographicTable(table: TableBlock): TableBlock {
  return {
    ...table,
    ...(table.caption ? { caption: typographicQuotes(table.caption) } : {}),
    ...(table.note ? { note: typographicQuotes(table.note) } : {}),
    columns: table.columns.map((c) => ({ ...c, header: bindHeader(typographicQuotes(c.header)) })),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => bindCompounds(typographicQuotes(c))) })),
  };
}

export function buildDocModel(rendered: string, model: ReportModel, config: Config, templateFile: string, profile: LayoutProfile): DocModel {
  const period = parsePeriod(model.period) as Period;
  const { front, body } = splitFrontMatter(rendered);
  let tableNo = 0;
  const caption = (title: string) => `Bảng ${++tableNo}. ${title}`;
  const resolveTable = (name: string): Block[] | undefined => {
    if (name === 'chi-tieu') return [indicatorTable(model, caption('Kết quả thực hiện các chỉ tiêu chủ yếu'))];
    if (name === 'mo-hinh') {
      const table = modelTable(model, caption('Mô hình “Dân vận khéo” theo lĩnh vực và cấp công nhận'));
      return table ? [table] : [];
    }
    return undefined;
  };
  const { blocks, unknownTables } = parseMarkup(body, resolveTable);
  if (unknownTables.length) {
    throw new TemplateError(`Mẫu báo cáo ${templateFile}: không có bảng "${unknownTables[0]}" (chỉ có "chi-tieu" và "mo-hinh").`);
  }
  const subject = front['trich-yeu'];
  if (!subject) throw new TemplateError(`Mẫu báo cáo ${templateFile}: thiếu dòng "trich-yeu:" ở phần đầu (giữa hai dòng ---).`);

  // Under each appendix title, which report it belongs to, as the number and date lines of the report say it.
  const number = documentNumber(config, profile.words).replace(/^Số:? /, '');
  const attached = `(Kèm theo Báo cáo số ${number}, ${placeAndDate(config, reportYear(model, period)).replace(/^.*?, (?=ngày)/, '')})`;
  const labels = appendixLabels(appendixNumbers(model, config.report), profile.words.appendixNumerals);
  const parts = [
    ...(labels.donVi ? unitAppendices(model, labels.donVi) : []),
    ...(labels.moHinh ? [modelAppendix(model, labels.moHinh)!] : []),
    ...(labels.khac ? [otherItemsAppendix(model, config.report, labels.khac)!] : []),
  ];
  const appendices = parts.map((a) => ({
    ...a,
    subtitle: [...a.subtitle, attached],
    table: typographicTable(a.table),
  }));

  return {
    profile: config.layout,
    frame: {
      superiorBody: config.organization.superiorBody.toLocaleUpperCase('vi'),
      issuingBody: config.organization.issuingBody.toLocaleUpperCase('vi'),
      documentNumber: documentNumber(config, profile.words),
      partyName: config.organization.partyName,
      ...(config.organization.motto ? { motto: config.organization.motto } : {}),
      placeAndDate: placeAndDate(config, reportYear(model, period)),
      documentType: front['ten-loai'] ?? 'BÁO CÁO',
      subject: splitSubject(subject),
      ...(profile.words.numberStyle === 'state' ? { addressees: reportAddressees(config) } : {}),
    },
    body: blocks.map((b) => (b.type === 'table' ? typographicTable(b) : b)),
    endMark: config.document.endMark,
    signature: {
      authority: config.signer.authority.toLocaleUpperCase('vi'),
      title: config.signer.title.toLocaleUpperCase('vi'),
      name: config.signer.name,
    },
    recipients: recipientLines(config.recipients, config.archive, profile),
    appendices,
    meta: { title: `Báo cáo ${subject}`, author: config.organization.name },
  };
}

export interface LetterOptions {
  /** The letter's year, when the config gives no date: the period's, or the next one for a year report. */
  year: number;
  /** Type in the number line: "CV" (công văn). */
  type: string;
  /** The letter's own number and date (dd/mm/yyyy), when the config gives them for letters. */
  number?: string;
  date?: string;
  recipients: string[];
}

/**
 * A letter (công văn) in the same frame and profile as the report: the trích yếu goes under the number, "Kính gửi:"
 * under the header, no type name and no appendix. The template's front matter gives "trich-yeu" and "kinh-gui".
 */
export function buildLetterModel(rendered: string, config: Config, templateFile: string, profile: LayoutProfile, options: LetterOptions): DocModel {
  const { front, body } = splitFrontMatter(rendered);
  const { blocks, unknownTables } = parseMarkup(body, () => undefined);
  if (unknownTables.length) throw new TemplateError(`Mẫu ${templateFile}: công văn không có bảng "${unknownTables[0]}".`);
  const subject = front['trich-yeu'];
  if (!subject) throw new TemplateError(`Mẫu ${templateFile}: thiếu dòng "trich-yeu:" ở phần đầu (giữa hai dòng ---).`);
  const addressees = (front['kinh-gui'] ?? '').split(';').map((a) => a.trim()).filter(Boolean);
  return {
    profile: config.layout,
    frame: {
      superiorBody: config.organization.superiorBody.toLocaleUpperCase('vi'),
      issuingBody: config.organization.issuingBody.toLocaleUpperCase('vi'),
      documentNumber: documentNumber(config, profile.words, options.type, options.number ?? ''),
      partyName: config.organization.partyName,
      ...(config.organization.motto ? { motto: config.organization.motto } : {}),
      placeAndDate: placeAndDate(config, options.year, options.date ?? ''),
      documentType: '',
      subject: [],
      letterSubject: bindLine(subject),
      addressees,
    },
    body: blocks,
    endMark: config.document.endMark,
    signature: {
      authority: config.signer.authority.toLocaleUpperCase('vi'),
      title: config.signer.title.toLocaleUpperCase('vi'),
      name: config.signer.name,
    },
    recipients: recipientLines(options.recipients, config.archive, profile),
    appendices: [],
    meta: { title: subject, author: config.organization.name },
  };
}
