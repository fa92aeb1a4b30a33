// The similarity that merges one item said by many units in other words (src/aggregate/similar.ts).
import { describe, expect, it } from 'vitest';
import { SimilarIndex, dice, signature, similar } from '../../src/aggregate/similar.js';

const T = 0.9;
const same = (a: string, b: string) => similar(signature(a), signature(b), T);

describe('the stated measure', () => {
  it('merges the five wordings of one task that differ in case, quotes, commas and function words', () => {
    const wordings = [
      'Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với thực hiện nhiệm vụ chính trị của địa phương',
      'Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo" gắn với thực hiện nhiệm vụ chính trị ở địa phương.',
      'tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”, gắn với thực hiện nhiệm vụ chính trị của địa phương',
      'Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với việc thực hiện nhiệm vụ chính trị của địa phương',
      'Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo" gắn với thực hiện các nhiệm vụ chính trị tại địa phương',
    ];
    for (const other of wordings.slice(1)) expect(same(wordings[0]!, other), other).toBe(true);
  });

  it('never merges items that differ in a number', () => {
    expect(same('Tổ chức hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư', 'Tổ chức hội nghị quán triệt Kết luận số 44-KL/TW của Ban Bí thư')).toBe(false);
    expect(same('Vận động Nhân dân hiến 5.600 m² đất làm đường', 'Vận động Nhân dân hiến 5.800 m² đất làm đường')).toBe(false);
    expect(same('Trao 1.250 suất quà Tết cho hộ nghèo', 'Trao 1250 suất quà Tết cho hộ nghèo')).toBe(true);
  });

  it('never merges items that differ in a name', () => {
    expect(same('Vận động Nhân dân hiến đất làm đường tại xã Hòa Xuân', 'Vận động Nhân dân hiến đất làm đường tại xã Hòa Tâm')).toBe(false);
    expect(
      same('Tham mưu Ban Thường vụ Huyện ủy sơ kết công tác dân vận 6 tháng đầu năm 2023', 'Tham mưu Ban Thường vụ Thành ủy sơ kết công tác dân vận 6 tháng đầu năm 2023'),
    ).toBe(false);
  });

  it('merges wordings that differ only in a capital of style or in "đến"/"tới"/"cho" (an outside tester\'s 300-unit report)', () => {
    const a = 'Tuyên truyền, quán triệt Nghị quyết của Đảng đến cán bộ, đảng viên và Nhân dân';
    expect(same(a, 'Tuyên truyền, quán triệt nghị quyết của Đảng tới cán bộ, đảng viên và nhân dân')).toBe(true);
    expect(same(a, 'Tuyên truyền, quán triệt Nghị quyết của Đảng cho cán bộ, đảng viên và Nhân dân')).toBe(true);
    // A capital that names something the other text does not hold is still a different name.
    const withPlace = signature(`${a} xã Hòa Xuân`);
    expect(dice(signature(a).syllables, withPlace.syllables)).toBeGreaterThan(0.8);
    expect(similar(signature(a), withPlace, 0.8)).toBe(false);
  });

  it('never merges across numbers written as words, or places typed in lower case (a third outside tester)', () => {
    expect(same('Tổ chức hai hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân trong quý', 'Tổ chức ba hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân trong quý')).toBe(false);
    expect(same('Tham gia hội thi Dân vận khéo lần thứ nhất do tỉnh tổ chức thành công tốt đẹp', 'Tham gia hội thi Dân vận khéo lần thứ hai do tỉnh tổ chức thành công tốt đẹp')).toBe(false);
    expect(same('Vận động hàng trăm hộ dân hiến đất mở rộng đường giao thông nông thôn trong kỳ', 'Vận động hàng nghìn hộ dân hiến đất mở rộng đường giao thông nông thôn trong kỳ')).toBe(false);
    expect(same('Vận động nhân dân hiến đất làm đường giao thông nông thôn tại xã an hòa', 'Vận động nhân dân hiến đất làm đường giao thông nông thôn tại xã an hải')).toBe(false);
    expect(same('Ra mắt mô hình dân vận khéo về xây dựng nông thôn mới tại thị trấn Phú Mỹ', 'Ra mắt mô hình dân vận khéo về xây dựng nông thôn mới tại thị xã Phú Mỹ')).toBe(false);
    // What stays one item: "một" (a) and "năm" (year) are not counted as numbers, and "xã hội" is no place.
    expect(same('Tổ chức một hội nghị sơ kết công tác dân vận năm 2023 của hệ thống chính trị - xã hội', 'Tổ chức hội nghị sơ kết công tác dân vận năm 2023 của hệ thống chính trị xã hội')).toBe(true);
    expect(same('Vận động nhân dân hiến đất làm đường giao thông tại xã An Hòa', 'Vận động Nhân dân hiến đất làm đường giao thông ở xã an hòa')).toBe(true);
  });

  it('does not merge different things that share many words', () => {
    expect(
      same('Tổ chức các hoạt động kỷ niệm 48 năm Ngày giải phóng miền Nam, thống nhất đất nước', 'Phối hợp tổ chức Lễ kỷ niệm 48 năm Ngày giải phóng miền Nam, thống nhất đất nước'),
    ).toBe(false);
    expect(same('Công tác nắm tình hình Nhân dân có lúc chưa kịp thời', 'Công tác tuyên truyền có lúc chưa kịp thời')).toBe(false);
  });

  it('computes Dice over multisets of syllables', () => {
    expect(dice(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'e'])).toBe(0.75);
    expect(dice(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(2 / 3, 10);
    expect(dice([], [])).toBe(1);
    expect(signature('Công tác “dân vận” của các cấp ủy ở cơ sở').syllables).toEqual(['công', 'tác', 'dân', 'vận', 'cấp', 'ủy', 'cơ', 'sở']);
  });
});

describe('SimilarIndex', () => {
  /** Deterministic pseudo-random generator, so that the test is the same every run. */
  function rng(seed: number) {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  }

  it('finds exactly what comparing every pair in order would find, on thousands of generated items', () => {
    const vocabulary = 'tuyên truyền vận động nhân dân hội nghị đối thoại tổ chức triển khai thực hiện mô hình phong trào thi đua cơ sở khu dân cư giải quyết kiến nghị chính sách'.split(' ');
    const random = rng(7);
    const texts: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      if (i > 0 && random() < 0.4) {
        // A variant of an earlier text: one word changed, added or dropped.
        const words = texts[Math.floor(random() * texts.length)]!.split(' ');
        const k = Math.floor(random() * words.length);
        const op = random();
        if (op < 0.33) words[k] = vocabulary[Math.floor(random() * vocabulary.length)]!;
        else if (op < 0.66) words.splice(k, 0, vocabulary[Math.floor(random() * vocabulary.length)]!);
        else if (words.length > 4) words.splice(k, 1);
        texts.push(words.join(' '));
      } else {
        const n = 8 + Math.floor(random() * 10);
        texts.push(Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' '));
      }
    }
    const index = new SimilarIndex<number>(T);
    const representatives: { sig: ReturnType<typeof signature>; id: number }[] = [];
    let merged = 0;
    for (const [i, text] of texts.entries()) {
      const sig = signature(text);
      const brute = representatives.find((r) => similar(r.sig, sig, T))?.id;
      const found = index.find(sig);
      expect(found, `item ${i}`).toBe(brute);
      if (found === undefined) {
        index.add(sig, i);
        representatives.push({ sig, id: i });
      } else merged += 1;
    }
    expect(merged).toBeGreaterThan(100);
  });

  /** Runs texts through the index as gather.ts does, checking each answer against comparing every pair in order. */
  function throughIndex(texts: string[], brute: boolean): { index: SimilarIndex<number>; groups: number } {
    const index = new SimilarIndex<number>(T);
    const representatives: { sig: ReturnType<typeof signature>; id: number }[] = [];
    for (const [i, text] of texts.entries()) {
      const sig = signature(text);
      const found = index.find(sig);
      if (brute) expect(found, `item ${i}: ${text}`).toBe(representatives.find((r) => similar(r.sig, sig, T))?.id);
      if (found === undefined) {
        index.add(sig, i);
        representatives.push({ sig, id: i });
      }
    }
    return { index, groups: representatives.length };
  }

  it('finds what comparing every pair finds, also for items with numbers and names', () => {
    const random = rng(11);
    const places = ['Hòa Xuân', 'Hòa Tâm', 'An Hải', 'Tân Lạc', 'Đồng Hòa', 'Bắc Sơn'];
    const texts: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const n = Math.floor(random() * 40);
      const place = places[Math.floor(random() * places.length)]!;
      const kind = random();
      if (kind < 0.3) texts.push(`Tổ chức hội nghị đối thoại với Nhân dân lần thứ ${n}`);
      else if (kind < 0.6) texts.push(`Tổ chức tuyên truyền, vận động Nhân dân tại xã ${place}`);
      else if (kind < 0.8) texts.push(`tổ chức tuyên truyền vận động nhân dân tại xã ${place.toLowerCase()} ${n} buổi`);
      else texts.push(`Tổ chức ${n} buổi tuyên truyền vận động nhân dân ở ${place}`);
    }
    expect(throughIndex(texts, true).groups).toBeGreaterThan(50);
  });

  it('compares each item with a bounded number of groups when every item shares its words: 10,000 "… lần thứ N", 20,000 items of one file', () => {
    const numbered = Array.from({ length: 10_000 }, (_, i) => `Tổ chức hội nghị đối thoại trực tiếp với Nhân dân lần thứ ${i + 1}`);
    const first = throughIndex(numbered, false);
    expect(first.groups).toBe(10_000);
    // Comparing every pair would be 50 million comparisons; n·log2(n) is about 133,000.
    expect(first.index.comparisons).toBeLessThan(10_000 * Math.log2(10_000));

    const places = Array.from({ length: 4_000 }, (_, i) => `Thôn ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
    const items: string[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const place = places[i % places.length]!;
      switch (i % 4) {
        case 0: items.push(`Tuyên truyền, vận động Nhân dân chấp hành chủ trương của Đảng tại ${place}`); break;
        case 1: items.push(`Tổ chức hội nghị đối thoại với Nhân dân lần thứ ${i}`); break;
        case 2: items.push(`Vận động Nhân dân hiến đất làm đường giao thông nông thôn tại ${place}, ${i % 7} hộ`); break;
        default: items.push(`Tổ chức ${i} buổi tuyên truyền vận động nhân dân xây dựng nông thôn mới`);
      }
    }
    const second = throughIndex(items, false);
    expect(second.index.comparisons).toBeLessThan(20_000 * Math.log2(20_000));
  });
});
