import { expect, test } from 'vitest';
import { parseCsv } from './csv';

test('header keys the records; missing trailing fields are empty', () => {
  expect(parseCsv('code,name,remark\n01,农业\n02,林业,x\n')).toEqual([
    { code: '01', name: '农业', remark: '' },
    { code: '02', name: '林业', remark: 'x' },
  ]);
});

test('quoted fields keep commas, newlines and doubled quotes', () => {
  const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\n';
  expect(parseCsv(text)).toEqual([
    { a: 'x, y', b: 'say "hi"' },
    { a: 'two\nlines', b: 'z' },
  ]);
});

test('CRLF line ends and a UTF-8 BOM', () => {
  expect(parseCsv('\uFEFFcode,name\r\n6511,基础软件开发\r\n6512,支撑软件开发\r\n')).toEqual([
    { code: '6511', name: '基础软件开发' },
    { code: '6512', name: '支撑软件开发' },
  ]);
});

test('no final newline, blank lines skipped, empty input gives nothing', () => {
  expect(parseCsv('a,b\n\n1,2')).toEqual([{ a: '1', b: '2' }]);
  expect(parseCsv('')).toEqual([]);
  expect(parseCsv('a,b\n')).toEqual([]);
});

test('an empty quoted field is an empty string', () => {
  expect(parseCsv('a,b,c\n"",2,""\n')).toEqual([{ a: '', b: '2', c: '' }]);
});
