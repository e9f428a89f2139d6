import { describe, expect, it } from 'vitest';
import { bareObject } from '../src/engine/execute/bare-object.js';

describe('bare objects (the executor’s representations and shaped answers)', () => {
  it('inherit nothing, like Object.create(null)', () => {
    const object = bareObject();
    for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(object[key]).toBeUndefined();
      expect(key in object).toBe(false);
    }
    expect(Object.keys(object)).toEqual([]);
    expect(JSON.stringify(object)).toBe('{}');
  });

  it('take `__proto__` and `constructor` as keys like any other, in order', () => {
    const object = bareObject();
    object.b = 1;
    // The key a client may alias a field to: an own property here, never the object's prototype.
    const protoKey: string = '__proto__';
    object[protoKey] = { polluted: true };
    const constructorKey: string = 'constructor';
    object[constructorKey] = 'c';
    object.a = [1];
    expect(Object.keys(object)).toEqual(['b', '__proto__', 'constructor', 'a']);
    expect(Object.hasOwn(object, '__proto__')).toBe(true);
    expect(object.polluted).toBeUndefined();
    expect(JSON.stringify(object)).toBe('{"b":1,"__proto__":{"polluted":true},"constructor":"c","a":[1]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Another bare object is untouched: they share nothing but a frozen, empty prototype.
    expect(bareObject().b).toBeUndefined();
    expect(Object.isFrozen(Object.getPrototypeOf(object))).toBe(true);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(object))).toBeNull();
  });

  it('encode as JSON exactly as an Object.create(null) object with the same keys', () => {
    const bare = bareObject();
    const dictionary = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of [
      ['__typename', 'Product'],
      ['upc', '1'],
      ['price', 899],
      ['inStock', true],
      ['shipping', null],
    ] as const) {
      bare[key] = value;
      dictionary[key] = value;
    }
    expect(JSON.stringify(bare)).toBe(JSON.stringify(dictionary));
    expect(bare).toEqual(dictionary);
  });
});
