import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, composeResidentId, maskResidentId, parseResidentId, upgradeTo18 } from './resident-id.js';

const TODAY = '2026-12-04';

describe('resident ID', () => {
  it('accepts the standard example number and reads birth date, sex and region', () => {
    const result = parseResidentId('11010519491231002X', TODAY);
    expect(result).toEqual({ ok: true, id: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female', upgraded: false } });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    const result = parseResidentId(' 11010519491231002x ', TODAY);
    expect(result.ok && result.id.number).toBe('11010519491231002X');
  });

  it('computes the MOD 11-2 check character, with X for 10', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('rejects an ID whose check digit is wrong', () => {
    const result = parseResidentId('110105194912310021', TODAY);
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(!result.ok && result.message).toContain('should be X');
  });

  it('rejects a wrong length', () => {
    expect(parseResidentId('1101051949123100', TODAY)).toMatchObject({ ok: false, problem: 'length' });
    expect(parseResidentId('', TODAY)).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('rejects letters other than a final X', () => {
    expect(parseResidentId('11010519491231A02X', TODAY)).toMatchObject({ ok: false, problem: 'characters' });
    expect(parseResidentId('1101051949123100XX', TODAY)).toMatchObject({ ok: false, problem: 'characters' });
  });

  it('rejects impossible or future birth dates', () => {
    const feb30 = '32010219900230' + '001';
    expect(parseResidentId(feb30 + checkCharacter(feb30), TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
    const future = '32010220300101' + '001';
    expect(parseResidentId(future + checkCharacter(future), TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
    const ancient = '32010218990101' + '001';
    expect(parseResidentId(ancient + checkCharacter(ancient), TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('accepts 29 February only in a leap year', () => {
    const leap = composeResidentId('320102', '2000-02-29', 3, 'male');
    expect(parseResidentId(leap, TODAY).ok).toBe(true);
    const notLeap = '32010219000229001';
    expect(parseResidentId(notLeap + checkCharacter(notLeap), TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('rejects a region code starting with 0', () => {
    const body = '02010219900101001';
    expect(parseResidentId(body + checkCharacter(body), TODAY)).toMatchObject({ ok: false, problem: 'region' });
  });

  it('upgrades the 15-digit form to 18 digits', () => {
    expect(upgradeTo18('110105491231002')).toBe('11010519491231002X');
    const result = parseResidentId('110105491231002', TODAY);
    expect(result).toMatchObject({ ok: true, id: { number: '11010519491231002X', birthDate: '1949-12-31', upgraded: true } });
  });

  it('composes valid numbers whose sex and birth date read back', () => {
    const id = composeResidentId('320106', '1985-06-15', 17, 'male');
    expect(parseResidentId(id, TODAY)).toMatchObject({ ok: true, id: { regionCode: '320106', birthDate: '1985-06-15', sex: 'male' } });
  });

  it('masks all but the region and the last four characters', () => {
    expect(maskResidentId('32010219850615035X')).toBe('320102********035X');
  });

  it('counts age in whole years', () => {
    expect(ageOn('1985-06-15', '2026-06-14')).toBe(40);
    expect(ageOn('1985-06-15', '2026-06-15')).toBe(41);
  });
});
