import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../src/main/security/csp';
import { isAppUrl, permissionAllowed } from '../../src/main/security/navigation';

const root = join(__dirname, '..', '..');

describe('window security policy', () => {
  it('the renderer page carries exactly the strict CSP, with no inline or remote sources', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
    for (const bad of ['unsafe-inline', 'unsafe-eval', 'http:', 'https:', '*']) {
      expect(RENDERER_CSP_HEADER).not.toContain(bad);
    }
    expect(RENDERER_CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('shows attachment pictures from blob: URLs made in the page, never from another origin', () => {
    // The case page views JPEG/PNG attachments through URL.createObjectURL: img-src needs blob:, and
    // nothing else may load from blob: or from outside the app.
    const directives = new Map(
      RENDERER_CSP_HEADER.split('; ').map((d) => {
        const [name = '', ...sources] = d.split(' ');
        return [name, sources.sort()] as const;
      }),
    );
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    for (const [name, sources] of directives) {
      if (name !== 'img-src') expect(sources, name).not.toContain('blob:');
    }
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows navigation only to the app entry page', () => {
    const entry = 'file:///opt/FieldScreen/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(entry, entry)).toBe(true);
    expect(isAppUrl(`${entry}#case/1`, entry)).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:9999/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'not a url',
    ]) {
      expect(isAppUrl(url, entry), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false);
  });

  it('denies every permission request', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(permissionAllowed(p)).toBe(false);
    }
  });

  it('the Electron shell turns on isolation and sandbox, turns off Node, and checks IPC senders', () => {
    const shell = readFileSync(join(root, 'src/main/shell/main.ts'), 'utf8');
    expect(shell).toMatch(/contextIsolation:\s*true/);
    expect(shell).toMatch(/sandbox:\s*true/);
    expect(shell).toMatch(/nodeIntegration:\s*false/);
    expect(shell).toMatch(/webviewTag:\s*false/);
    expect(shell).toContain('requestSingleInstanceLock');
    expect(shell).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(shell).toContain('setPermissionRequestHandler');
    expect(shell).toContain('trustedSender(event.sender');
    expect(shell).not.toMatch(/shell\.openExternal/);
  });
});
