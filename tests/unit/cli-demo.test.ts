import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/main/cli/commands/demo-command';
import { referralCommand } from '../../src/main/cli/commands/referral-commands';
import { captureIo, lineValue } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';

/**
 * A trainer's first minutes: `demo` on an empty folder makes a store with the fictional cases, a
 * referring agency and a team in the referral directory (the cases consented to referral to a team),
 * so a signed referral can be exported at once, and running `demo` again adds no second team.
 */
const env = { FIELDSCREEN_PASSPHRASE: 'trainer passphrase long', FIELDSCREEN_LANG: 'en' };

describe('npm run cli -- demo', () => {
  it('leaves a store whose cases can be referred to the team it names, with a signed PDF', async () => {
    const dir = tempDir('fs-cli-demo-');
    const first = captureIo(env);
    expect(await demoCommand.run(['--data', dir, '--user', 'trainer'], first)).toBe(0);
    const team = lineValue(first.out, 'directory-mdt') ?? '';
    expect(team).toMatch(/^[0-9a-f-]{36}$/);
    const caseId = lineValue(first.out, 'case-id')?.split(' ')[0] ?? '';

    const out = join(dir, 'referral.pdf');
    const io = captureIo(env);
    const code = await referralCommand.run(
      [
        '--data',
        dir,
        '--user',
        'trainer',
        caseId,
        '--out',
        out,
        '--position',
        'Trainer',
        '--contact-id',
        team,
      ],
      io,
    );
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const sig = execFileSync('pdfsig', [out], { encoding: 'utf8' });
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('ทีมสหวิชาชีพจังหวัดสมุทรสาคร');

    const again = captureIo(env);
    expect(await demoCommand.run(['--data', dir, '--user', 'trainer'], again)).toBe(0);
    expect(lineValue(again.out, 'directory-mdt')).toBe(team);
  }, 120_000);
});
