import { describe, expect, test } from 'vitest';
import { ConfigError, isLoopback, loadConfig } from './config';

describe('PUBLIC_URL', () => {
  test('on a loopback address it defaults to localhost (development)', () => {
    for (const HOST of [undefined, '127.0.0.1', 'localhost', '::1', '127.0.1.1'])
      expect(loadConfig({ HOST, PORT: '3001' }).publicUrl).toBe('http://localhost:3001');
  });

  test('serving others without PUBLIC_URL is a start-up error in Chinese and English, not a localhost QR code', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'zx.example.cn']) {
      let error: unknown;
      try {
        loadConfig({ HOST });
      } catch (e) {
        error = e;
      }
      expect(error, HOST).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('必须设置 PUBLIC_URL');
      expect(message).toContain('PUBLIC_URL is required when HOST');
      expect(message).toContain(HOST);
    }
    // an empty variable counts as unset
    expect(() => loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: '' })).toThrow(ConfigError);
  });

  test('with PUBLIC_URL set the server may listen on any address; the QR code uses it', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://zx.example.cn/' }).publicUrl).toBe(
      'https://zx.example.cn',
    );
    expect(() => loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'not a url' })).toThrow(ConfigError);
  });

  test('loopback addresses', () => {
    expect(
      ['127.0.0.1', '127.9.9.9', 'localhost', 'LOCALHOST', '::1', '[::1]'].map(isLoopback),
    ).toEqual(Array(6).fill(true));
    expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.com'].map(isLoopback)).toEqual(
      Array(5).fill(false),
    );
  });
});
