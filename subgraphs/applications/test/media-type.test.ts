import { describe, expect, it } from 'vitest';
import { sniffMediaType, SNIFF_BYTES } from '../src/document/media-type.js';

function head(...parts: Array<string | number[]>): Buffer {
  const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
  return Buffer.concat([bytes, Buffer.alloc(Math.max(0, SNIFF_BYTES - bytes.length), 0x20)]);
}

/** A zip local file header whose first entry is `name`. */
function zip(name: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return head([...header], name);
}

describe('sniffMediaType: by content, never by name', () => {
  it.each([
    ['application/pdf', head('%PDF-1.7\n')],
    ['image/png', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/jpeg', head([0xff, 0xd8, 0xff, 0xe0])],
    ['image/webp', head('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 ')],
    ['image/gif', head('GIF89a')],
    ['image/tiff', head([0x49, 0x49, 0x2a, 0x00])],
    ['application/ofd', zip('OFD.xml')],
  ])('takes %s', (mediaType, bytes) => {
    expect(sniffMediaType(bytes)).toEqual({ allowed: true, mediaType });
  });

  it.each([
    ['a Windows executable', head('MZ', [0x90, 0x00])],
    ['a Linux executable', head([0x7f, 0x45, 0x4c, 0x46, 0x02])],
    ['a macOS executable', head([0xcf, 0xfa, 0xed, 0xfe])],
    ['a script', head('#!/bin/sh\nrm -rf /\n')],
    ['a web page or markup', head('  <!DOCTYPE html><script>')],
    ['a web page or markup', head('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">')],
    ['a zip archive', zip('[Content_Types].xml')],
    ['an unrecognised format', head('just some text')],
  ])('refuses %s', (detected, bytes) => {
    expect(sniffMediaType(bytes)).toEqual({ allowed: false, detected });
  });

  it('refuses a RIFF that is not WebP (a WAV) and a PDF marker that is not at the start', () => {
    expect(sniffMediaType(head('RIFF', [0x10, 0, 0, 0], 'WAVEfmt ')).allowed).toBe(false);
    expect(sniffMediaType(head('MZ%PDF-1.7')).allowed).toBe(false);
  });

  it('judges a file shorter than the sniff window by what there is', () => {
    expect(sniffMediaType(Buffer.from('%PDF-'))).toEqual({ allowed: true, mediaType: 'application/pdf' });
    expect(sniffMediaType(Buffer.from('%PD')).allowed).toBe(false);
  });
});
