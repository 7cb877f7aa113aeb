import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it('keeps the surname only', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the road and hides the house number', () => {
    expect(maskAddress('江宁区横溪街道天印大道160号26栋1单元401室')).toBe('江宁区横溪街道天印大道****');
    expect(maskAddress('玄武区梅园新村街道长江路12号3栋201室')).toBe('玄武区梅园新村街道长江路****');
  });

  it('keeps the village and hides the group and house number', () => {
    expect(maskAddress('高淳区砖墙镇相北村5组18号')).toBe('高淳区砖墙镇相北村****');
  });

  it('hides all but the first characters of an address without a house number', () => {
    expect(maskAddress('某某小区内')).toBe('某某小区内****');
  });
});
