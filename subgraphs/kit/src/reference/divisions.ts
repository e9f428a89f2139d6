/**
 * GB/T 2260 codes of the city's districts (docs/domain.md, "Departments and districts"). 大鹏新区, the tenth, is a functional
 * district inside 龙岗's code range: it has no code of its own here.
 */
export const CITY_DIVISION = { code: '440300', name: '深圳市' } as const;

export const DISTRICTS = [
  { code: '440303', name: '罗湖区' },
  { code: '440304', name: '福田区' },
  { code: '440305', name: '南山区' },
  { code: '440306', name: '宝安区' },
  { code: '440307', name: '龙岗区' },
  { code: '440308', name: '盐田区' },
  { code: '440309', name: '龙华区' },
  { code: '440310', name: '坪山区' },
  { code: '440311', name: '光明区' },
] as const;

export function districtName(code: string): string | null {
  return DISTRICTS.find((d) => d.code === code)?.name ?? null;
}
