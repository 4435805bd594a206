/**
 * Commands a person says they ran, typed inside their sentences, and what the sentence says came back:
 * "I ran slmgr /skms kms.core.windows.net:1688 and then slmgr /ato", "psping azkms.core.windows.net:1688 times
 * out", "Test-NetConnection kms01 -Port 1688 … TcpTestSucceeded : False", "nslookup -type=srv _vlmcs._tcp returns
 * nothing", « slmgr /ipk avec notre clé (acceptée) », `cscript ospp.vbs /sethst:kms01`, `DISM /Set-Edition:…`.
 *
 * Each command is found by one scan of the text for its name; its result is read only in the rest of its own
 * clause (up to a full stop, a line break or "but"/« mais »), so "slmgr /skms … passe bien, mais psping … ne
 * répond pas" gives the port test's failure, not the /skms success. A command that was not run ("should I run",
 * "I haven't tried", « faut-il lancer ») gives nothing. Full product keys are never kept: only the last group,
 * the part slmgr itself shows.
 */
import type { Facts, KmsHostRef, Observation } from '../types.js';

/** The names of the commands read here; one scan of the text finds every candidate. */
const COMMAND =
  /(?<![\w-])(?:slmgr(?:\.vbs)?|psping(?:64)?(?:\.exe)?|Test-NetConnection|tnc|telnet|portqry(?:\.exe)?|nslookup(?:\.exe)?|Resolve-DnsName|ospp\.vbs|dism(?:\.exe)?)(?![\w-])/gi;

/** How much of the text after a command name its arguments may take. */
const ARGS_CHARS = 200;
/** How much of the clause after a command its result is looked for in. */
const RESULT_CHARS = 160;

/** A command spoken of as not (yet) run, or only asked about, in the words just before it. */
const NOT_RUN =
  /(?:\b(?:should|shall|could|would|can|do|must)\s+(?:i|we)\b|\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|never|not yet|without|instead of|going to|want to|plan to|how to)\b|dois-je|devons-nous|faut-il|faudrait-il|devrais|pas encore|jamais|sans\s|au lieu d|comment)[^.!?\n]*$/i;

/** The start of the command's line is a console prompt: `C:\>`, `PS C:\Users\me>`, `PS>`, `>`, `$`. */
const CONSOLE_PROMPT =
  /(?:^|\n)\s*(?:(?:PS\s*)?[A-Za-z]:\\[^>\n]*>|PS\s*>|[>$])\s*(?:cscript(?:\.exe)?\s+(?:\/\/nologo\s+)?)?["']?[^\s"']*$/i;

/** The end of the clause a result belongs to. A `TcpTestSucceeded` row on the next line still belongs to it. */
const CLAUSE_END =
  /[.!?;](?:\s|$)|\n(?!\s*TcpTestSucceeded)|,?\s(?:but|mais|whereas|while|however|although|alors que|tandis que|cependant|pourtant|par contre)\s/i;

const HOST = String.raw`(?:\[[0-9a-f:]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)`;

/** `/skms host[:port]` (slmgr takes `-skms` too). */
const SKMS = new RegExp(String.raw`^\s+[-/]skms\s+(${HOST})(?::(\d{1,5}))?(?![\w.-])`, 'i');
/**
 * Options that act (install a key, point at a host, activate, rearm…): what was run. Options that only display
 * (`/dlv`, `/xpr`, `/dstatus`) are left out: what they showed is read from their output, when pasted.
 */
const ACTING =
  /^(?:ato|ipk|upk|cpky|skms|ckms|skms-domain|skhc|ckhc|rearm|act|sethst|remhst|setprt|inpkey|unpkey|ad-activation-online|ad-activation-get-iid|ad-activation-apply-cid)$/;
/** Any slmgr option. */
const SLMGR_OPTION = /^\s+[-/]([a-z][a-z-]{1,24})\b/i;
/** `/ipk` and a key in the five-groups shape, masked or not (X, *, # stand for hidden characters). */
const IPK = /^\s+[-/]ipk\s+((?:[A-Z0-9X*#]{5}-){4}([A-Z0-9X*#]{5}))(?![A-Z0-9-])/i;
/** `psping host:port`, after any switches. */
const PSPING = new RegExp(String.raw`^\s+(?:-\S+\s+)*(${HOST}):(\d{1,5})\b`, 'i');
/** `Test-NetConnection [-ComputerName] host -Port n` (or `tnc`). */
const TNC = new RegExp(String.raw`^\s+(?:-ComputerName\s+)?(${HOST})\s+-Port\s+(\d{1,5})\b`, 'i');
/** `telnet host port`. */
const TELNET = new RegExp(String.raw`^\s+(${HOST})\s+(\d{1,5})\b`, 'i');
/** `portqry -n host … -e port`. */
const PORTQRY = new RegExp(String.raw`^\s+-n\s+(${HOST})(?:\s+-[a-df-z]\s+\S+)*\s+-e\s+(\d{1,5})\b`, 'i');
/** The KMS SRV name, asked with nslookup or Resolve-DnsName, with the domain when one is given. */
const SRV_QUERY =
  /^[^\n]{0,40}?_vlmcs\._tcp(?:\.([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+))?(?:\s+-type[= ]srv|\s+-Type\s+SRV)?/i;
/** `ospp.vbs /sethst:host` and, when given, `/setprt:port`. */
const SETHST = new RegExp(String.raw`^\s+\/sethst:(${HOST})(?:[^\n]{0,80}?\/setprt:(\d{1,5}))?`, 'i');
/** `DISM … /Set-Edition:Target`. */
const SET_EDITION = /^[^\n]{0,60}?\/Set-Edition:([A-Za-z]{4,40})\b/i;

/** A connection test that failed, in either language (checked before success: "injoignable" holds "joignable"). */
const FAILED =
  /TcpTestSucceeded\s*:\s*False|\b(?:fail(?:s|ed|ing|ure)?|time[sd]?\s*out|timed?-?out|timeout|no\s+(?:response|reply|answer|connection)|(?:doesn'?t|does not|didn'?t|did not|won'?t|can'?t|cannot|could not|couldn'?t|never)\s+(?:respond|answer|connect|reach|get through|work|succeed|open)|(?:not|isn'?t|wasn'?t)\s+(?:reachable|open|responding)|unreachable|refused|blocked|closed|dropped|loss)\b|ne\s+(?:r[ée]pond|passe|se connecte|marche|fonctionne)\s+(?:pas|plus|rien)|[ée]choue|[ée]chec|expire|d[ée]lai\s+d['’]attente|injoignable|bloqu[ée]|refus[ée]|ferm[ée]|impossible|perte|perd/i;
const SUCCEEDED =
  /TcpTestSucceeded\s*:\s*True|\b(?:succeed(?:s|ed)?|success(?:ful(?:ly)?)?|works?|worked|connects?|connected|reachable|(?:is\s+)?open|answers|responds)\b|r[ée]pond|fonctionne|marche|passe|r[ée]ussi|joignable|ouvert|connect[ée]/i;

/** An SRV query that came back empty, in either language. */
const NO_RECORDS =
  /\b(?:returns?\s+(?:nothing|no\s+\w+|empty)|nothing\s+(?:comes?\s+back|returned|found)|(?:no|zero|0)\s+(?:srv\s+)?(?:records?|answers?|results?|entries)|non-existent\s+domain|nxdomain|(?:can'?t|cannot|could\s?n[o']t)\s+find|not\s+found|empty|(?:doesn'?t|does not|didn'?t|did not)\s+(?:return|find|resolve|give)|fails?|failed)\b|ne\s+(?:renvoie|retourne|trouve|donne|r[ée]sout|remonte)\s+(?:rien|aucun)|aucun(?:e)?\s+(?:enregistrement|r[ée]ponse|r[ée]sultat)|\bvide\b|introuvable|[ée]choue|domaine\s+inexistant/i;
const HAS_RECORDS =
  /\b(?:returns?|finds?|found|shows?|lists?|gives?|points?\s+to|resolves?)\b|trouve|renvoie|retourne|donne|affiche|pointe|liste|remonte/i;

/** A key install the sentence says went through, or not. */
const KEY_REFUSED =
  /\b(?:invalid|not\s+valid|refused|rejected|fail(?:s|ed)?|error|blocked|won'?t\s+(?:take|accept)|(?:doesn'?t|does not|didn'?t|did not)\s+(?:take|accept|work))\b|refus|rejet|invalide|n['’]est\s+pas\s+valide|[ée]choue|[ée]chec|erreur|bloqu/i;
const KEY_ACCEPTED =
  /\b(?:successful(?:ly)?|succeeded|installed|accepted|(?:went|goes)\s+through|took\s+it|ok)\b|accept[ée]e?|install[ée]e?|r[ée]ussi|passe/i;

/** `X…` groups and the like: a key with its characters hidden, whose last group is no real key part. */
const HIDDEN_GROUP = /^[X*#]{5}$/i;

/** What comes after a command in its clause, for its result. */
function resultClause(text: string, from: number): string {
  const rest = text.slice(from, from + RESULT_CHARS);
  const end = CLAUSE_END.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

function hostRef(host: string, port: string | undefined): KmsHostRef {
  return { host: host.toLowerCase(), port: port !== undefined ? Number(port) : 1688 };
}

/** A placeholder host (`kms-host`, `<host>` was already refused by the pattern, `hostname`, `x.x.x.x`). */
function isPlaceholder(host: string): boolean {
  return /^(?:host(?:name)?|kms-?host|server|servername|fqdn|ip|x(?:\.x){3}|kmshost|your[\w-]*)$/i.test(host);
}

export function readTypedCommands(text: string): Facts {
  const f: Facts = {};
  const ran = new Set<string>();
  COMMAND.lastIndex = 0;
  for (let m = COMMAND.exec(text); m !== null; m = COMMAND.exec(text)) {
    const name = m[0].toLowerCase().replace(/\.(?:vbs|exe)$/, '');
    const at = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // A console copy (`C:\>slmgr /ato` and its output) is read by the output readers; not a sentence.
    if (NOT_RUN.test(before) || CONSOLE_PROMPT.test(before)) continue;
    const args = text.slice(at, at + ARGS_CHARS);
    if (name === 'slmgr') {
      const option = SLMGR_OPTION.exec(args)?.[1]?.toLowerCase();
      if (option && ACTING.test(option)) ran.add(`slmgr /${option}`);
      const skms = SKMS.exec(args);
      if (skms?.[1] && !isPlaceholder(skms[1])) f.kmsHostRegistered = hostRef(skms[1], skms[2]);
      const ipk = IPK.exec(args);
      if (ipk?.[2]) {
        const last = ipk[2].toUpperCase();
        if (!HIDDEN_GROUP.test(last) && /^[0-9A-Z]{5}$/.test(last)) f.partialProductKey = last;
        const result = resultClause(text, at + ipk.index + ipk[0].length);
        if (KEY_REFUSED.test(result)) f.keyInstallSucceeded = false;
        else if (KEY_ACCEPTED.test(result)) f.keyInstallSucceeded = true;
      }
      continue;
    }
    if (name === 'ospp') {
      const option = SLMGR_OPTION.exec(args)?.[1]?.toLowerCase();
      if (option && ACTING.test(option)) ran.add(`ospp.vbs /${option}`);
      const sethst = SETHST.exec(args);
      if (sethst?.[1] && !isPlaceholder(sethst[1])) f.officeKmsHost = hostRef(sethst[1], sethst[2]);
      continue;
    }
    if (name === 'dism') {
      const target = SET_EDITION.exec(args);
      if (target?.[1] && !/^(?:target|edition|<)/i.test(target[1])) {
        ran.add('dism /set-edition');
        f.editionConversionTarget = target[1];
      }
      continue;
    }
    if (name === 'nslookup' || name === 'resolve-dnsname') {
      const srv = SRV_QUERY.exec(args);
      if (!srv) continue;
      ran.add('nslookup _vlmcs._tcp');
      if (srv[1]) f.dnsDomain = srv[1].toLowerCase();
      const result = resultClause(text, at + srv.index + srv[0].length);
      if (NO_RECORDS.test(result)) f.srvRecords = 'none';
      else if (HAS_RECORDS.test(result)) f.srvRecords = 'found';
      continue;
    }
    // A connection test: psping, Test-NetConnection, telnet, portqry. Only a test of the KMS port says anything.
    const test =
      name === 'psping' || name === 'psping64'
        ? PSPING.exec(args)
        : name === 'telnet'
          ? TELNET.exec(args)
          : name === 'portqry'
            ? PORTQRY.exec(args)
            : TNC.exec(args);
    if (!test?.[1] || test[2] !== '1688' || isPlaceholder(test[1])) continue;
    ran.add(name === 'tnc' ? 'test-netconnection' : name);
    const result = resultClause(text, at + test.index + test[0].length);
    const reachable = FAILED.test(result) ? false : SUCCEEDED.test(result) ? true : undefined;
    if (reachable === undefined) continue;
    // A failure anywhere wins over a success elsewhere: one closed path is the finding.
    if (f.port1688Reachable !== false) {
      f.port1688Reachable = reachable;
      f.testedHost = test[1].toLowerCase();
    }
  }
  if (ran.size > 0) f.ranCommands = [...ran];
  return f;
}

export function parseTypedCommands(text: string): Observation[] {
  const facts = readTypedCommands(text);
  return Object.keys(facts).length > 0 ? [{ source: 'prose', facts }] : [];
}
