import { describe, expect, it } from 'vitest';
import { cleanText, compareVietnamese, foldKey, itemKey } from '../../src/domain/text.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS, matchClosed } from '../../src/domain/fields.js';

describe('foldKey', () => {
  it('ignores case, diacritics, spaces and punctuation', () => {
    expect(foldKey('Mã  đơn vị')).toBe('madonvi');
    expect(foldKey('MA DON VI')).toBe('madonvi');
    expect(foldKey('mã đơn vị :')).toBe('madonvi');
    expect(foldKey('ĐĂNG KÝ')).toBe('dangky');
  });
  it('ignores Unicode normalisation form', () => {
    expect(foldKey('Kỳ báo cáo'.normalize('NFD'))).toBe(foldKey('Kỳ báo cáo'.normalize('NFC')));
  });
});

describe('itemKey', () => {
  it('same item with different case, spaces and punctuation gives the same key', () => {
    const a = itemKey('Tổ chức hội nghị quán triệt Kết luận 43-KL/TW.');
    const b = itemKey('tổ chức  Hội nghị quán triệt Kết luận 43-KL/TW');
    expect(a).toBe(b);
    expect(itemKey('  UBND tỉnh; ')).toBe(itemKey('UBND Tỉnh'));
  });
  it('NFD and NFC spellings give the same key', () => {
    expect(itemKey('Tổ chức hội nghị'.normalize('NFD'))).toBe(itemKey('Tổ chức hội nghị'));
  });
  it('different diacritics give different keys', () => {
    expect(itemKey('Tăng cường')).not.toBe(itemKey('Tang cuong'));
    expect(itemKey('bán hàng')).not.toBe(itemKey('bàn hàng'));
  });
});

describe('cleanText', () => {
  it('collapses spaces, non-breaking spaces and trims', () => {
    expect(cleanText('  a\u00a0\u00a0b   c \r\n d ')).toBe('a b c\nd');
  });
});

describe('compareVietnamese', () => {
  const sorted = (list: string[]) => [...list].sort(compareVietnamese);
  it('puts Đ after D and before G', () => {
    expect(sorted(['Giang', 'Đông Hòa', 'Dương'])).toEqual(['Dương', 'Đông Hòa', 'Giang']);
    expect(compareVietnamese('Đông Hòa', 'Dương')).toBeGreaterThan(0);
    expect(compareVietnamese('Đông Hòa', 'Giang')).toBeLessThan(0);
  });
  it('puts Ân after An, Ă between them', () => {
    expect(compareVietnamese('Ân', 'An')).toBeGreaterThan(0);
    expect(sorted(['Ân', 'Ăn', 'An'])).toEqual(['An', 'Ăn', 'Ân']);
  });
  it('sorts numbers numerically', () => {
    expect(sorted(['Phường 10', 'Phường 2'])).toEqual(['Phường 2', 'Phường 10']);
  });
});

describe('matchClosed', () => {
  it('matches a model field typed without diacritics', () => {
    expect(matchClosed(MODEL_FIELDS, 'van hoa - xa hoi')).toBe('Văn hóa - xã hội');
    expect(matchClosed(MODEL_FIELDS, 'van hoa-xa hoi')).toBe('Văn hóa - xã hội');
  });
  it('matches a field copied with its number', () => {
    expect(matchClosed(FIELDS, '3. Mặt trận và đoàn thể')).toBe('Mặt trận và đoàn thể');
    expect(matchClosed(FIELDS, '10) Khác')).toBe('Khác');
  });
  it('matches upper case', () => {
    expect(matchClosed(FIELDS, 'LÃNH ĐẠO, CHỈ ĐẠO')).toBe('Lãnh đạo, chỉ đạo');
    expect(matchClosed(RECOGNITION_LEVELS, 'trung uong')).toBe('Trung ương');
  });
  it('returns undefined for unknown or empty text', () => {
    expect(matchClosed(FIELDS, 'Thể thao')).toBeUndefined();
    expect(matchClosed(FIELDS, '')).toBeUndefined();
    expect(matchClosed(FIELDS, ' ... ')).toBeUndefined();
    expect(matchClosed(RECOGNITION_LEVELS, 'Xã')).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('drops control characters that a spreadsheet hides and XML forbids, keeps line breaks', async () => {
    const { cleanText } = await import('../../src/domain/text.js');
    expect(cleanText('Hội\u0001 nghị\u000b\nđối thoại\u007f')).toBe('Hội nghị\nđối thoại');
  });
});

describe('typographicQuotes', () => {
  it('opens after a space, a bracket or a dash, closes elsewhere; one pass', async () => {
    const { typographicQuotes } = await import('../../src/domain/text.js');
    expect(typographicQuotes('Phong trào "Dân vận khéo" năm 2023')).toBe('Phong trào “Dân vận khéo” năm 2023');
    expect(typographicQuotes('"—" là chỉ tiêu')).toBe('“—” là chỉ tiêu');
    expect(typographicQuotes('Ghi chú: "—" là')).toBe('Ghi chú: “—” là');
    expect(typographicQuotes('("a"), -"b"')).toBe('(“a”), -“b”');
    expect(typographicQuotes('đã có “sẵn”')).toBe('đã có “sẵn”');
    expect(typographicQuotes('"'.repeat(32_000)).length).toBe(32_000);
  });
});
