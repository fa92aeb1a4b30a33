/** Body blocks onto docx paragraphs and tables: numbered headings, body paragraphs, indicator tables, the end mark. */

import { Paragraph, TextRun } from 'docx';
import type { Table } from 'docx';
import type { Block, HeadingBlock, ParagraphBlock, TextRun as ModelRun } from '../../model/doc-model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { STYLE } from './styles.js';
import { alignment, upperVi } from './text.js';
import { tableWithCaption } from './tables.js';
import type { TableRowSlots } from './table-rows.js';

/** Printed form of a heading number under the profile ("I." or the older "I-" for parts). */
function headingNumber(block: HeadingBlock, profile: LayoutProfile): string {
  if (block.level === 1 && profile.headings.partNumberStyle === 'I-') return block.number.replace(/\.$/, '-');
  return block.number;
}

export function headingParagraph(block: HeadingBlock, profile: LayoutProfile): Paragraph {
  const style = profile.headings[block.level];
  const number = headingNumber(block, profile);
  const text = number === '' ? block.text : `${number} ${block.text}`;
  return new Paragraph({
    style: STYLE.heading[block.level],
    children: [new TextRun({ text: style.upper ? upperVi(text) : text })],
  });
}

/** Runs of a model run; a newline inside the text becomes a line break. */
function textRuns(r: ModelRun): TextRun[] {
  return r.text.split('\n').map((part, i) => new TextRun({
    text: part,
    ...(i > 0 ? { break: 1 } : {}),
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
  }));
}

export function bodyParagraph(block: ParagraphBlock, keepWithNext = false): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    ...(block.align !== undefined && block.align !== 'justify' ? { alignment: alignment(block.align) } : {}),
    ...(block.indent === false ? { indent: { firstLine: 0 } } : {}),
    ...(keepWithNext ? { keepNext: true } : {}),
    children: block.runs.flatMap(textRuns),
  });
}

/**
 * The body with the end mark ("./.") appended to the last paragraph, or as a paragraph of its own when
 * the body ends with a heading or a table. The mark's own full stop stands for the sentence's, so a
 * final "." is not doubled ("… thực hiện./.").
 */
export function withEndMark(blocks: readonly Block[], endMark: string): Block[] {
  if (endMark === '') return [...blocks];
  const last = blocks[blocks.length - 1];
  if (last === undefined || last.type !== 'paragraph' || last.runs.length === 0) {
    return [...blocks, { type: 'paragraph', runs: [{ text: endMark }] }];
  }
  const runs = [...last.runs];
  const tail = runs[runs.length - 1] as ModelRun;
  if (endMark.startsWith('.') && /\.\s*$/.test(tail.text)) {
    runs[runs.length - 1] = { ...tail, text: tail.text.replace(/\.\s*$/, '') };
  } else if (/\s$/.test(tail.text)) {
    runs[runs.length - 1] = { ...tail, text: tail.text.trimEnd() };
  }
  runs.push({ text: endMark });
  return [...blocks.slice(0, -1), { ...last, runs }];
}

/**
 * The docx children of the body. The last paragraph keeps with the closing table, so the signature
 * never starts a page alone.
 */
export function bodyChildren(blocks: readonly Block[], profile: LayoutProfile, textWidth: number, slots?: TableRowSlots): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, i) => {
    const isLast = i === blocks.length - 1;
    switch (block.type) {
      case 'heading':
        out.push(headingParagraph(block, profile));
        break;
      case 'paragraph':
        out.push(bodyParagraph(block, isLast));
        break;
      case 'table':
        out.push(...tableWithCaption(block, profile, textWidth, { text: profile.table.text, header: profile.table.header }, slots));
        break;
    }
  });
  return out;
}
