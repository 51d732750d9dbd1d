import { validateSync } from 'class-validator';
import { formatNip, IsNipOfEmploymentType, nipRequired, parseNip, type EmploymentType, type NipParts } from './nip.js';

const thisYear = new Date().getUTCFullYear();

describe('parseNip', () => {
  it.each<[string, string, EmploymentType, string, NipParts]>([
    ['PNS', '198503122010011003', 'PNS', '198503122010011003', { birthDate: '1985-03-12', appointment: '2010-01', gender: 'M', sequence: '003' }],
    ['CPNS, female', '199807152024032001', 'CPNS', '199807152024032001', { birthDate: '1998-07-15', appointment: '2024-03', gender: 'F', sequence: '001' }],
    ['PPPK with code 21', '199001012021211005', 'PPPK', '199001012021211005', { birthDate: '1990-01-01', appointment: '2021', gender: 'M', sequence: '005' }],
    ['PPPK with code 95', '198811202023952012', 'PPPK', '198811202023952012', { birthDate: '1988-11-20', appointment: '2023', gender: 'F', sequence: '012' }],
    ['leap day', '200002292024031001', 'PNS', '200002292024031001', { birthDate: '2000-02-29', appointment: '2024-03', gender: 'M', sequence: '001' }],
    ['spaces typed between groups', '19850312 201001 1 003', 'PNS', '198503122010011003', { birthDate: '1985-03-12', appointment: '2010-01', gender: 'M', sequence: '003' }],
    ['non-breaking spaces and tabs from a spreadsheet', '\u00a019850312\t201001\u00a01 003 ', 'PNS', '198503122010011003', { birthDate: '1985-03-12', appointment: '2010-01', gender: 'M', sequence: '003' }],
    ['PPPK appointed next year', `19900101${thisYear + 1}211005`, 'PPPK', `19900101${thisYear + 1}211005`, { birthDate: '1990-01-01', appointment: String(thisYear + 1), gender: 'M', sequence: '005' }],
  ])('accepts %s', (_case, input, type, nip, parts) => {
    expect(parseNip(input, type)).toEqual({ ok: true, nip, parts });
  });

  it.each<[string, string, EmploymentType, string]>([
    ['17 digits', '19850312201001100', 'PNS', 'NIP must be 18 digits, got 17'],
    ['19 digits', '1985031220100110031', 'PNS', 'NIP must be 18 digits, got 19'],
    ['an empty string', '', 'PNS', 'NIP must be 18 digits, got 0'],
    ['letters', '19850312201001100A', 'PNS', 'NIP must contain only digits'],
    ['dots between groups', '19850312.201001.1.003', 'PNS', 'NIP must contain only digits'],
    ['scientific notation from a spreadsheet', '1.98503E+17', 'PNS', 'NIP 1.98503E+17 was turned into a number by a spreadsheet: format the NIP column as Text and enter all 18 digits'],
    ['Feb 30 birth date', '198502302010011003', 'PNS', 'NIP birth date 19850230 is not a real date'],
    ['Feb 29 in a non-leap year', '198502292010011003', 'PNS', 'NIP birth date 19850229 is not a real date'],
    ['birth month 13', '198513122010011003', 'PNS', 'NIP birth date 19851312 is not a real date'],
    ['birth day 00', '198503002010011003', 'CPNS', 'NIP birth date 19850300 is not a real date'],
    ['birth month 13 on a PPPK', '198513122021211005', 'PPPK', 'NIP birth date 19851312 is not a real date'],
    ['birth year before 1940', '193503122010011003', 'PNS', `NIP birth year 1935 is not plausible (expected 1940–${thisYear})`],
    ['birth year in the future', `${thisYear + 1}0101${thisYear + 1}011003`, 'PNS', `NIP birth year ${thisYear + 1} is not plausible (expected 1940–${thisYear})`],
    ['TMT month 00', '198503122010001003', 'PNS', 'NIP appointment month (TMT) must be 01–12, got 00'],
    ['TMT month 13', '198503122010131003', 'CPNS', 'NIP appointment month (TMT) must be 01–12, got 13'],
    ['a PPPK code (21) read as a PNS TMT month', '199001012021211005', 'PNS', 'NIP appointment month (TMT) must be 01–12, got 21'],
    ['TMT two years ahead', `19850312${thisYear + 2}011003`, 'PNS', `NIP appointment year ${thisYear + 2} is in the future`],
    ['TMT before the birth month', '198503121985021003', 'PNS', 'NIP appointment 1985-02 is before the birth date 1985-03-12'],
    ['PPPK year before 2019', '199001012018211005', 'PPPK', `NIP appointment year 2018 is not plausible for PPPK (expected 2019–${thisYear + 1})`],
    ['PPPK year two years ahead', `19900101${thisYear + 2}211005`, 'PPPK', `NIP appointment year ${thisYear + 2} is not plausible for PPPK (expected 2019–${thisYear + 1})`],
    ['PPPK born after the appointment year', `${thisYear}0101${thisYear - 1}211005`, 'PPPK', `NIP appointment ${thisYear - 1} is before the birth date ${thisYear}-01-01`],
    ['gender digit 0', '198503122010010003', 'PNS', 'NIP gender digit must be 1 or 2, got 0'],
    ['gender digit 3', '198503122010013003', 'PNS', 'NIP gender digit must be 1 or 2, got 3'],
    ['gender digit 3 on a PPPK', '199001012021213005', 'PPPK', 'NIP gender digit must be 1 or 2, got 3'],
    ['a short number for a non-ASN', '12345678', 'NON_ASN', 'NIP must be 18 digits, got 8'],
    ['letters for an external guest', 'NRP-85031234', 'EXTERNAL', 'NIP must contain only digits'],
  ])('rejects %s', (_case, input, type, message) => {
    expect(parseNip(input, type)).toEqual({ ok: false, message });
  });

  it.each<EmploymentType>(['NON_ASN', 'EXTERNAL'])('checks only the 18-digit shape for %s', (type) => {
    // Month 13 and gender 3 would be refused for an ASN; without a known layout they are not read.
    expect(parseNip('19851312 201013 3 003', type)).toEqual({ ok: true, nip: '198513122010133003', parts: null });
  });
});

describe('formatNip', () => {
  it('prints the groups letters print: birth date, appointment, gender, sequence', () => {
    expect(formatNip('197003151997031006')).toBe('19700315 199703 1 006');
    expect(formatNip('19700315 199703 1 006')).toBe('19700315 199703 1 006');
  });

  it('prints anything else as given', () => {
    expect(formatNip('12345')).toBe('12345');
  });
});

describe('nipRequired', () => {
  it.each<[EmploymentType, boolean]>([
    ['PNS', true],
    ['CPNS', true],
    ['PPPK', true],
    ['NON_ASN', false],
    ['EXTERNAL', false],
  ])('%s → %s', (type, required) => {
    expect(nipRequired(type)).toBe(required);
  });
});

describe('@IsNipOfEmploymentType', () => {
  class PersonBody {
    @IsNipOfEmploymentType()
    nip?: unknown;

    employmentType?: unknown;
  }

  function messagesFor(nip: unknown, employmentType: unknown): string[] {
    const body = Object.assign(new PersonBody(), { nip, employmentType });
    return validateSync(body).flatMap((error) => Object.values(error.constraints ?? {}));
  }

  it.each<[string, unknown, unknown, string[]]>([
    ['a valid PNS NIP', '198503122010011003', 'PNS', []],
    ['a valid PPPK NIP', '199001012021211005', 'PPPK', []],
    ['a PNS NIP with a bad month', '198503122010131003', 'PNS', ['NIP appointment month (TMT) must be 01–12, got 13']],
    ['a PNS NIP checked as PPPK', '198503122010011003', 'PPPK', ['NIP appointment year 2010 is not plausible for PPPK (expected 2019–' + (thisYear + 1) + ')']],
    ['no NIP for a PNS', undefined, 'PNS', ['NIP is required for PNS employees']],
    ['an empty NIP for a PPPK', '', 'PPPK', ['NIP is required for PPPK employees']],
    ['no NIP for a non-ASN', undefined, 'NON_ASN', []],
    ['no NIP for an external guest', null, 'EXTERNAL', []],
    ['a number instead of a string', 1985031220, 'PNS', ['NIP must be a string of 18 digits']],
    ['an unknown employment type (left to its own validator)', 'garbage', 'HONORER', []],
  ])('%s', (_case, nip, employmentType, messages) => {
    expect(messagesFor(nip, employmentType)).toEqual(messages);
  });
});
