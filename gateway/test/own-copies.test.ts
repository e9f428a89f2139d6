import { describe, expect, it } from 'vitest';
import { copyJson, OwnCopies } from '../src/engine/fetch/own-copies.js';

describe('own copies of answer entities', () => {
  it('gives the first taker the object and every further taker a deep copy', () => {
    const entity = JSON.parse('{"__typename":"User","id":"1","friends":[{"id":"2","tags":["a",null]}],"best":{"id":"3"}}');
    const copies = new OwnCopies();
    expect(copies.take(entity)).toBe(entity);
    const second = copies.take(entity);
    expect(second).not.toBe(entity);
    expect(second).toEqual(entity);
    expect(second.friends).not.toBe(entity.friends);
    expect(second.friends[0]).not.toBe(entity.friends[0]);
    expect(second.best).not.toBe(entity.best);
    expect(copies.take(null)).toBeNull();
    expect(copies.take('x')).toBe('x');
  });

  it('copies parsed JSON exactly: keys in order, every value kind, as structuredClone would', () => {
    const source = '{"b":1,"a":"x","2":true,"1":false,"n":null,"f":1.5,"neg":-0,"list":[[1,2],[],{"z":{}}],"deep":{"c":{"d":[{"e":"é"}]}}}';
    const value = JSON.parse(source);
    const copy = copyJson(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(Object.keys(copy)).toEqual(Object.keys(value));
    expect(copy).toStrictEqual(structuredClone(value));
  });

  it('keeps a "__proto__" key an own property, never the prototype of the copy', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"list":[{"__proto__":null}]}');
    const copy = copyJson(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(Object.hasOwn(copy.list[0], '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
