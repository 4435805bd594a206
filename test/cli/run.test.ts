import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../src/adapters/cli/run.js';
import { DiagnosisSchema, ExplanationSchema } from '../../src/knowledge/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(opts: { stdin?: string | Uint8Array; tty?: boolean } = {}): Captured {
  let out = '';
  let err = '';
  const stdin =
    typeof opts.stdin === 'string' ? new TextEncoder().encode(opts.stdin) : (opts.stdin ?? new Uint8Array());
  return {
    io: {
      readStdin: async (max) => stdin.subarray(0, max + 1),
      readFile: async (path, max) => (await readFile(path)).subarray(0, max + 1),
      stdinIsTTY: opts.tty ?? false,
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
    },
    out: () => out,
    err: () => err,
  };
}

describe('activation-doctor diagnose', () => {
  it('a French admin piping "pourquoi 0xC004F038 ?" gets the answer in French; the English question stays English', async () => {
    const fr = capture({ stdin: 'pourquoi 0xC004F038 ?\n' });
    expect(await run(['diagnose'], fr.io)).toBe(0);
    expect(fr.out()).toMatch(/^Diagnostic d’activation\n/);
    expect(fr.out()).toContain('0xC004F038');
    const en = capture({ stdin: 'why 0xC004F038?\n' });
    expect(await run(['diagnose'], en.io)).toBe(0);
    expect(en.out()).toMatch(/^Activation diagnosis\n/);
  });

  it('reads a file and prints codes, findings with indented fix commands, and the next evidence', async () => {
    const c = capture();
    const code = await run(['diagnose', join(FIXTURES, 'en', 'slmgr-ato-0xC004F074.txt')], c.io);
    expect(code).toBe(0);
    expect(c.err()).toBe('');
    const out = c.out();
    expect(out).toContain('Codes:\n  0xC004F074  SL_E_VL_BINDING_SERVICE_UNAVAILABLE');
    expect(out).toContain('Findings:\n  1. ');
    expect(out).toMatch(/\n {7}- [^\n]+\n {11}> \S[^\n]*\n/);
    expect(out).toContain('Next evidence to paste:\n  > nslookup -type=SRV _vlmcs._tcp');
  });

  it('reads standard input when no file is given, and --json prints the diagnosis object', async () => {
    const c = capture({
      stdin: readFileSync(join(FIXTURES, 'en', 'test-netconnection-1688-false.txt'), 'utf8'),
    });
    expect(await run(['diagnose', '--json'], c.io)).toBe(0);
    const d = DiagnosisSchema.parse(JSON.parse(c.out()));
    expect(d.findings[0]?.id).toBe('kms-port-blocked');
    // The test it pasted already ran: the fix goes on from there instead of asking for it again.
    const commands = d.findings[0]?.fix.map((s) => s.command);
    expect(commands).not.toContain('Test-NetConnection kms01.contoso.com -Port 1688');
    expect(commands).toContain('slmgr /ato');
  });

  it('"-" means standard input', async () => {
    const c = capture({ stdin: 'Error: 0xC004C003' });
    expect(await run(['diagnose', '-', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).codes[0].code).toBe('0xC004C003');
  });

  it('--lang fr answers in French even for an English paste', async () => {
    const c = capture({ stdin: readFileSync(join(FIXTURES, 'en', 'slmgr-ato-access-denied.txt'), 'utf8') });
    expect(await run(['diagnose', '--lang', 'fr'], c.io)).toBe(0);
    expect(c.out()).toContain('Diagnostic d’activation');
    expect(c.out()).toContain('La commande n’a pas été lancée en administrateur');
    expect(c.out()).toContain('Éléments à coller ensuite');
  });

  it('without --lang the language of the paste is used', async () => {
    const c = capture({
      stdin: 'Bonjour, l’activation de notre serveur échoue avec 0xC004F074 depuis hier, merci',
    });
    expect(await run(['diagnose', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).lang).toBe('fr');
  });

  it('a crack request prints the refusal instead of findings', async () => {
    const c = capture({ stdin: 'how do I point my clients at a vlmcsd server?' });
    expect(await run(['diagnose'], c.io)).toBe(0);
    expect(c.out()).toContain("I can't help with KMS emulators");
    expect(c.out()).not.toContain('Findings:');
  });

  it("names the facts it relied on in the reader's words, in English and in French, never as field names", async () => {
    /** The report's evidence lines (after the label the language uses) for what the admin piped in. */
    const evidenceFor = async (stdin: string, label: string) => {
      const c = capture({ stdin });
      expect(await run(['diagnose'], c.io)).toBe(0);
      return c
        .out()
        .split('\n')
        .filter((l) => l.trim().startsWith(label))
        .join('\n');
    };
    const fieldName = /\b[a-z]+[A-Z][A-Za-z]*\s*[=<>]/; // oemLicence=true, kmsCurrentCount<25

    const en = await evidenceFor(
      'I replaced the motherboard and used the OEM key from the old PC, now activation fails with 0xC004C008',
      'Evidence:',
    );
    expect(en).not.toBe('');
    expect(en).not.toMatch(fieldName);

    const fr = await evidenceFor(
      "J'ai changé la carte mère et remis la clé OEM de l'ancien PC, l'activation échoue avec 0xC004C008",
      'Éléments relevés :',
    );
    expect(fr).toContain('symptômes décrits (');
    expect(fr).not.toMatch(fieldName);
    expect(fr).not.toContain('symptoms described');
  });

  it('never prints a full MAK typed in the paste', async () => {
    const c = capture({ stdin: 'slmgr /ipk ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ\nError: 0xC004C003' });
    expect(await run(['diagnose', '--json'], c.io)).toBe(0);
    expect(c.out()).not.toContain('ABCDE-FGHIJ');
  });
});

describe('bad input gets one clear line on stderr and exit code 2', () => {
  const cases: Array<[string, string[], { stdin?: string | Uint8Array; tty?: boolean }, RegExp]> = [
    ['binary input', ['diagnose'], { stdin: new Uint8Array([0x4d, 0x5a, 0x00, 0x01]) }, /looks binary/],
    ['more than 1 MiB', ['diagnose'], { stdin: 'a'.repeat(1024 * 1024 + 1) }, /larger than 1 MiB/],
    ['empty input', ['diagnose'], { stdin: '  \n\t\n' }, /is empty/],
    [
      'control bytes that no code page makes text',
      ['diagnose'],
      { stdin: new Uint8Array([0x01, 0x02, 0x03, 0x1b, 0x41, 0x04, 0x05]) },
      /looks binary/,
    ],
    ['a terminal with nothing piped', ['diagnose'], { tty: true }, /no input/],
    [
      'a missing file',
      ['diagnose', '/nonexistent/paste.txt'],
      {},
      /cannot read \/nonexistent\/paste.txt: no such file/,
    ],
    ['a directory', ['diagnose', FIXTURES], {}, /it is a directory/],
    ['two files', ['diagnose', 'a.txt', 'b.txt'], {}, /at most one FILE/],
    ['an unknown command', ['activate'], {}, /unknown command "activate"/],
    ['no command', [], {}, /missing command/],
    ['an unknown option', ['diagnose', '--verbose'], { stdin: 'x' }, /unknown option --verbose/],
    ['a bad language', ['diagnose', '--lang', 'de'], { stdin: 'x' }, /--lang must be "en" or "fr", not "de"/],
    ['a word instead of a code', ['explain', 'hello'], {}, /"hello" is not an error code/],
    ['explain without a code', ['explain'], {}, /exactly one code/],
  ];
  for (const [what, argv, input, message] of cases) {
    it(what, async () => {
      const c = capture(input);
      expect(await run(argv, c.io)).toBe(2);
      expect(c.out()).toBe('');
      expect(c.err()).toMatch(message);
      expect(c.err().trim().split('\n')).toHaveLength(1);
      expect(c.err()).not.toMatch(/\n\s+at /);
    });
  }

  it('exactly 1 MiB is accepted', async () => {
    const c = capture({ stdin: `0xC004F074 ${'a'.repeat(1024 * 1024 - 11)}` });
    expect(await run(['diagnose', '--json'], c.io)).toBe(0);
  });
});

describe('activation-doctor explain and --help', () => {
  it('explains a code in English by default', async () => {
    const c = capture();
    expect(await run(['explain', '0xC004F038'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^0xC004F038 {2}SL_E_VL_NOT_ENOUGH_COUNT\n/);
    expect(c.out()).toContain('      > ');
  });

  it('explains any spelling of a code in French, as JSON', async () => {
    const c = capture();
    expect(await run(['explain', '-1073418124', '--lang=fr', '--json'], c.io)).toBe(0);
    const x = ExplanationSchema.parse(JSON.parse(c.out()));
    expect(x.code).toBe('0xC004F074');
    expect(x.causes.join(' ')).toMatch(/[éè]/);
  });

  it('explains the Win32 number an event log gave ("1168") as the code it stands for', async () => {
    const c = capture();
    expect(await run(['explain', '1168'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^0x80070490 {2}ERROR_NOT_FOUND\n/);
  });

  it('explains an uncatalogued code by decoding it', async () => {
    const c = capture();
    expect(await run(['explain', '0x80071234'], c.io)).toBe(0);
    expect(c.out()).toContain('Win32 4660');
  });

  it('--help prints the usage on stdout', async () => {
    const c = capture();
    expect(await run(['--help'], c.io)).toBe(0);
    expect(c.out()).toContain('activation-doctor diagnose [--json] [--lang en|fr] [FILE]');
    expect(c.err()).toBe('');
  });
});
