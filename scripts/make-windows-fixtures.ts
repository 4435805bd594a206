/**
 * Writes test/fixtures/files/: the UTF-8 pastes of test/fixtures/{en,fr} re-encoded the way Windows saves them,
 * so the CLI and the decoder are tested on the bytes admins really send. Each file says how it was made:
 *
 * - `cmd.exe` redirection (`slmgr /dlv > out.txt`): the console's OEM code page (CP850 in French), CRLF, and the
 *   typographic apostrophe replaced by `'` as the console's best-fit mapping does;
 * - PowerShell 5.1 `>` / `Out-File`: UTF-16LE with a BOM, CRLF;
 * - Notepad's "ANSI": Windows-1252, CRLF;
 * - a tool writing UTF-16LE without a BOM, and an editor saving UTF-8 with a BOM.
 *
 * Run: `npm run fixtures:windows` (the files are committed; a test checks they are what this script makes).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export interface WindowsFixture {
  /** Name under test/fixtures/files/. */
  file: string;
  /** The UTF-8 paste it is made from, under test/fixtures/. */
  source: string;
  encoding: 'cp850' | 'cp437' | 'windows-1252' | 'utf-16le' | 'utf-8';
  bom: boolean;
  /** How an admin gets such a file. */
  how: string;
}

export const WINDOWS_FIXTURES: readonly WindowsFixture[] = [
  {
    file: 'fr-slmgr-dlv-cmd-cp850.txt',
    source: 'fr/slmgr-dlv-client-kms-sans-hote.txt',
    encoding: 'cp850',
    bom: false,
    how: 'slmgr /dlv > out.txt in cmd.exe on a French Windows',
  },
  {
    file: 'fr-slmgr-ato-cmd-cp850.txt',
    source: 'fr/slmgr-ato-0xC004F074.txt',
    encoding: 'cp850',
    bom: false,
    how: 'slmgr /ato > out.txt in cmd.exe on a French Windows',
  },
  {
    file: 'en-slmgr-dlv-powershell-utf16le.txt',
    source: 'en/slmgr-dlv-kms-client-no-host.txt',
    encoding: 'utf-16le',
    bom: true,
    how: 'slmgr /dlv > out.txt in Windows PowerShell 5.1',
  },
  {
    file: 'fr-slmgr-dlv-powershell-utf16le.txt',
    source: 'fr/slmgr-dlv-hote-kms-compteur-3.txt',
    encoding: 'utf-16le',
    bom: true,
    how: 'slmgr /dlv | Out-File out.txt in Windows PowerShell 5.1 on a French Windows',
  },
  {
    file: 'fr-slmgr-dli-notepad-1252.txt',
    source: 'fr/slmgr-dli-serveur-eval.txt',
    encoding: 'windows-1252',
    bom: false,
    how: 'pasted into Notepad and saved as "ANSI" on a French Windows',
  },
  {
    file: 'fr-dism-edition-notepad-1252.txt',
    source: 'fr/dism-get-current-edition-eval.txt',
    encoding: 'windows-1252',
    bom: false,
    how: 'DISM output saved from Notepad as "ANSI"',
  },
  {
    file: 'fr-event-12288-utf16le-nobom.txt',
    source: 'fr/event-12288-decalage-horaire.txt',
    encoding: 'utf-16le',
    bom: false,
    how: 'an event exported by a tool writing UTF-16LE without a byte order mark',
  },
  {
    file: 'en-slmgr-xpr-utf8-bom.txt',
    source: 'en/slmgr-xpr-volume-expiry.txt',
    encoding: 'utf-8',
    bom: true,
    how: 'saved as "UTF-8 with BOM" by an editor',
  },
];

/** The paste as Windows would have written it: CRLF, best-fit characters, encoded, with its BOM. */
export function windowsText(paste: string, fixture: WindowsFixture): string {
  let text = paste.replace(/\r?\n/g, '\r\n');
  // The OEM code pages have no typographic apostrophe; the console writes a plain one.
  if (fixture.encoding === 'cp850' || fixture.encoding === 'cp437') text = text.replace(/[’‘]/g, "'");
  return text;
}

export function windowsBytes(paste: string, fixture: WindowsFixture): Buffer {
  const text = windowsText(paste, fixture);
  if (
    !fixture.encoding.startsWith('utf') &&
    !iconv.decode(iconv.encode(text, fixture.encoding), fixture.encoding).includes(text)
  ) {
    throw new Error(`${fixture.source} has characters ${fixture.encoding} cannot hold`);
  }
  return iconv.encode(text, fixture.encoding, { addBOM: fixture.bom });
}

const isMain = process.argv[1] !== undefined && /make-windows-fixtures\.(m?js|ts)$/.test(process.argv[1]);
if (isMain) {
  const fixtures = join(process.cwd(), 'test', 'fixtures');
  mkdirSync(join(fixtures, 'files'), { recursive: true });
  for (const f of WINDOWS_FIXTURES) {
    const paste = readFileSync(join(fixtures, f.source), 'utf8');
    writeFileSync(join(fixtures, 'files', f.file), windowsBytes(paste, f));
    console.log(`wrote test/fixtures/files/${f.file} (${f.how})`);
  }
}
