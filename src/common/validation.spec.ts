import { IsString, MaxLength, MinLength } from 'class-validator';
import { exceedsDepth, isEmailAddress, validateInput } from './validation.js';

describe('isEmailAddress', () => {
  it('answers false, never throws, for any string', () => {
    for (const hostile of ['\ud800@x.id', 'a@\udfff.id', '\udc00', `${'a'.repeat(10_000)}@x.id`, '']) {
      expect(isEmailAddress(hostile)).toBe(false);
    }
    expect(isEmailAddress(42)).toBe(false);
    expect(isEmailAddress('rina.wulandari@batukota.go.id')).toBe(true);
    // A surrogate pair is one whole character, not a lone half: judged by the validator, not refused here.
    expect(() => isEmailAddress('rina😀@batukota.go.id')).not.toThrow();
    expect(isEmailAddress('rina@batukota.go.id')).toBe(true);
  });
});

describe('exceedsDepth', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : depth % 2 ? [nested(depth - 1)] : { a: nested(depth - 1) });

  it('counts levels of arrays and objects', () => {
    expect(exceedsDepth(1)).toBe(false);
    expect(exceedsDepth(nested(64))).toBe(false);
    expect(exceedsDepth(nested(65))).toBe(true);
    expect(exceedsDepth({ a: [1, 2, { b: 'c' }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [1, 2, { b: {} }] }, 3)).toBe(true);
  });

  it('walks a document far deeper than the stack without overflowing', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(exceedsDepth(deep)).toBe(true);
    expect(exceedsDepth(deep, 300_000)).toBe(false);
  });
});

describe('validateInput', () => {
  class Name {
    @IsString()
    @MinLength(2)
    @MaxLength(10)
    name: string;
  }

  it('gives one message per problem: missing is required, a wrong type is only that', () => {
    expect(validateInput(Name, {}).errors).toEqual([{ field: 'name', message: 'name is required' }]);
    expect(validateInput(Name, { name: 12345 }).errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
    expect(validateInput(Name, { name: 'x' }).errors).toEqual([{ field: 'name', message: 'name must be longer than or equal to 2 characters' }]);
    expect(validateInput(Name, { name: 'Batu' }).errors).toEqual([]);
  });

  // Found by test/fuzz.e2e-spec.ts on POST /sign/:token, a form that validates with validateInput.
  it('names a field without a name, or a body that is not an object, after the body: every error has a field', () => {
    expect(validateInput(Name, { name: 'Batu', '': {} }).errors).toEqual([{ field: 'body', message: 'body has a field without a name' }]);
    for (const body of [1, null, [], 'Batu']) {
      expect(validateInput(Name, body as object).errors).toEqual([{ field: 'body', message: 'body must be a JSON object' }]);
    }
  });
});
