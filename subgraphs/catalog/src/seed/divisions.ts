import { CITY_DIVISION, seededRandom } from '@govgraph/kit';
import { DivisionLevel } from '../division/division.enums.js';

export interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  parent_code: string | null;
  sort_order: number;
}

/**
 * The city's ten districts and their 74 sub-districts (街道), as the hall's 2017 report counts
 * them. 大鹏新区 is a functional district inside 龙岗's code range, so it and its sub-districts
 * carry codes in 440307's range (440307500 …).
 */
const DISTRICTS: Array<{ code: string; name: string; subdistricts: string[] }> = [
  { code: '440303', name: '罗湖区', subdistricts: ['桂园', '黄贝', '东门', '翠竹', '南湖', '笋岗', '东湖', '莲塘', '东晓', '清水河'] },
  { code: '440304', name: '福田区', subdistricts: ['园岭', '南园', '福田', '沙头', '香蜜湖', '梅林', '莲花', '华富', '福保', '华强北'] },
  { code: '440305', name: '南山区', subdistricts: ['南头', '南山', '沙河', '蛇口', '招商', '粤海', '桃源', '西丽'] },
  { code: '440306', name: '宝安区', subdistricts: ['新安', '西乡', '航城', '福永', '福海', '沙井', '新桥', '松岗', '燕罗', '石岩'] },
  { code: '440307', name: '龙岗区', subdistricts: ['平湖', '坂田', '布吉', '南湾', '横岗', '龙城', '龙岗', '坪地', '吉华', '宝龙', '园山'] },
  { code: '440308', name: '盐田区', subdistricts: ['梅沙', '盐田', '沙头角', '海山'] },
  { code: '440309', name: '龙华区', subdistricts: ['观湖', '民治', '龙华', '大浪', '福城', '观澜'] },
  { code: '440310', name: '坪山区', subdistricts: ['坪山', '马峦', '碧岭', '石井', '坑梓', '龙田'] },
  { code: '440311', name: '光明区', subdistricts: ['光明', '公明', '新湖', '凤凰', '玉塘', '马田'] },
  { code: '440307500', name: '大鹏新区', subdistricts: ['葵涌', '大鹏', '南澳'] },
];

export const DIVISION_COUNTS = { districts: 10, subdistricts: 74, communities: 645 } as const;

const COMMUNITY_WORDS = [...'新村东西南北中华兴和平安康宁福田园林湖山海河桥港湾岭岗坑围塘湾沙石龙凤金银玉'];

/** The whole tree, parents before children; communities named deterministically (645 in all). */
export function divisionRows(): DivisionRow[] {
  const rows: DivisionRow[] = [{ code: CITY_DIVISION.code, name: CITY_DIVISION.name, level: DivisionLevel.CITY, parent_code: null, sort_order: 0 }];
  const subdistricts: DivisionRow[] = [];
  DISTRICTS.forEach((district, d) => {
    rows.push({ code: district.code, name: district.name, level: DivisionLevel.DISTRICT, parent_code: CITY_DIVISION.code, sort_order: d });
    district.subdistricts.forEach((name, s) => {
      // 大鹏's sub-districts continue 大鹏's own range; the others are 001, 002, … of their district.
      const code = district.code.length === 9 ? String(Number(district.code) + s + 1) : `${district.code}${String(s + 1).padStart(3, '0')}`;
      const row = { code, name: `${name}街道`, level: DivisionLevel.SUBDISTRICT, parent_code: district.code, sort_order: s };
      rows.push(row);
      subdistricts.push(row);
    });
  });

  // 645 communities over 74 sub-districts: 8 or 9 each, deterministically.
  const random = seededRandom(645);
  const perSubdistrict = subdistricts.map((_, i) => (i < DIVISION_COUNTS.communities - 8 * subdistricts.length ? 9 : 8));
  subdistricts.forEach((subdistrict, i) => {
    const used = new Set<string>();
    for (let c = 0; c < perSubdistrict[i]!; c++) {
      let name: string;
      do {
        name = `${COMMUNITY_WORDS[Math.floor(random() * COMMUNITY_WORDS.length)]}${COMMUNITY_WORDS[Math.floor(random() * COMMUNITY_WORDS.length)]}`;
      } while (used.has(name));
      used.add(name);
      rows.push({
        code: `${subdistrict.code}${String(c + 1).padStart(3, '0')}`,
        name: `${name}社区`,
        level: DivisionLevel.COMMUNITY,
        parent_code: subdistrict.code,
        sort_order: c,
      });
    }
  });
  return rows;
}
