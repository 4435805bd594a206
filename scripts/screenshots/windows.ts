/**
 * HTML that reproduces the Windows windows people screenshot when activation fails: the Windows Script Host
 * dialog `slmgr` opens, Settings › System › Activation, a console running DISM, and the `slui` error dialog.
 * Only the look matters (fonts, sizes, colours close to Windows at 100 % scaling); the text comes from the scene.
 * Every window has the id `window` and its text block the id `content`, so the generator can shoot the whole
 * window, only the text, or the whole "desktop" around it.
 */

export type WindowKind = 'wsh' | 'settings' | 'console' | 'slui';

export interface WindowText {
  /** Title bar of the window. */
  title: string;
  /** The text the window shows, one entry per line (the WSH dialog wraps long lines itself). */
  body: string;
  /** Settings: the heading, the edition line and the state row. */
  settings?: {
    heading: string;
    edition: string;
    stateLabel: string;
    stateValue: string;
    button: string;
    /** The navigation column, in the window's language. */
    nav: readonly string[];
  };
  /** slui: labels of the code and description rows, and the close button. */
  slui?: { codeLabel: string; code: string; descriptionLabel: string; button: string };
  /** The dialog's button (OK). */
  button?: string;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const DESKTOP = `
  html, body { margin: 0; padding: 0; }
  body { background: linear-gradient(135deg, #1b4f8a 0%, #3a7bc8 55%, #8fb8e8 100%); min-height: 100vh;
         font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; }
  .desk { padding: 36px 40px 60px; display: inline-block; }
  .taskbar { position: fixed; left: 0; right: 0; bottom: 0; height: 40px; background: #202a36; }
  .close { float: right; width: 30px; text-align: center; }
`;

function page(style: string, window: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${DESKTOP}${style}</style></head>
<body><div class="desk">${window}</div><div class="taskbar"></div></body></html>`;
}

/** The Windows Script Host message box: grey caption, white text area, grey strip with an OK button. */
function wsh(t: WindowText): string {
  return page(
    `
    #window { background: #fff; border: 1px solid #6d8db5; box-shadow: 0 6px 18px rgba(0,0,0,.35); width: max-content;
              max-width: 680px; font-size: 12px; color: #000; }
    .caption { height: 30px; line-height: 30px; padding-left: 10px; background: #fff; color: #000; font-size: 12px; }
    #content { padding: 14px 22px 24px 22px; white-space: pre-wrap; line-height: 16px; }
    .strip { background: #f0f0f0; padding: 11px 11px; text-align: right; }
    .btn { display: inline-block; min-width: 73px; height: 21px; line-height: 21px; border: 1px solid #0078d7;
           background: #e5f1fb; text-align: center; font-size: 12px; }
  `,
    `<div id="window"><div class="caption">${esc(t.title)}<span class="close">✕</span></div>
<div id="content">${esc(t.body)}</div>
<div class="strip"><span class="btn">${esc(t.button ?? 'OK')}</span></div></div>`,
  );
}

/** Settings › System › Activation (Windows 11): navigation on the left, the activation card on the right. */
function settings(t: WindowText): string {
  const s = t.settings!;
  return page(
    `
    #window { background: #f3f3f3; width: 900px; border: 1px solid #9aa7b5; box-shadow: 0 6px 18px rgba(0,0,0,.35);
              color: #1a1a1a; font-size: 14px; }
    .caption { height: 32px; line-height: 32px; padding-left: 12px; font-size: 12px; }
    .cols { display: flex; }
    .nav { width: 220px; padding: 8px 12px; color: #333; }
    .nav div { padding: 8px 10px; border-radius: 4px; }
    .nav .on { background: #e6e6e6; }
    .main { flex: 1; padding: 8px 24px 28px 12px; }
    h1 { font-size: 26px; font-weight: 600; margin: 4px 0 18px; }
    .edition { font-size: 18px; font-weight: 600; margin-bottom: 12px; }
    .card { background: #fff; border: 1px solid #e5e5e5; border-radius: 6px; padding: 14px 16px; margin-bottom: 4px; }
    .row { display: flex; justify-content: space-between; font-weight: 600; }
    .bad { color: #c42b1c; }
    #content .msg { white-space: pre-wrap; line-height: 20px; margin-top: 12px; font-weight: 400; }
    .btn { display: inline-block; margin-top: 12px; padding: 5px 14px; border: 1px solid #d0d0d0; border-radius: 4px;
           background: #fbfbfb; }
  `,
    `<div id="window"><div class="caption">${esc(t.title)}<span class="close">✕</span></div>
<div class="cols"><div class="nav">${s.nav.map((n, i) => `<div${i === 1 ? ' class="on"' : ''}>${esc(n)}</div>`).join('')}</div>
<div class="main" id="content"><h1>${esc(s.heading)}</h1><div class="edition">${esc(s.edition)}</div>
<div class="card"><div class="row"><span>${esc(s.stateLabel)}</span><span class="bad">${esc(s.stateValue)}</span></div>
<div class="msg">${esc(t.body)}</div><span class="btn">${esc(s.button)}</span></div></div></div></div>`,
  );
}

/** A console window (conhost) with the command and what it printed, light grey on black. */
function console(t: WindowText): string {
  return page(
    `
    #window { background: #0c0c0c; width: max-content; min-width: 640px; max-width: 980px; border: 1px solid #4a4a4a;
              box-shadow: 0 6px 18px rgba(0,0,0,.45); }
    .caption { height: 30px; line-height: 30px; padding-left: 10px; background: #fff; color: #000; font-size: 12px; }
    #content { margin: 0; padding: 6px 8px 14px; color: #cccccc; font: 14px/17px 'Liberation Mono', 'DejaVu Sans Mono', monospace;
               white-space: pre-wrap; }
  `,
    `<div id="window"><div class="caption">${esc(t.title)}<span class="close">✕</span></div>
<pre id="content">${esc(t.body)}</pre></div>`,
  );
}

/** The `slui` error dialog: a title, the code, and the description under it. */
function slui(t: WindowText): string {
  const s = t.slui!;
  return page(
    `
    #window { background: #fff; width: 560px; border: 1px solid #6d8db5; box-shadow: 0 6px 18px rgba(0,0,0,.35);
              color: #1a1a1a; font-size: 13px; }
    .caption { height: 30px; line-height: 30px; padding-left: 10px; font-size: 12px; }
    #content { padding: 10px 24px 20px; }
    h2 { font-size: 17px; font-weight: 400; color: #1e3287; margin: 6px 0 16px; }
    .lbl { font-weight: 700; margin-top: 10px; }
    .val { white-space: pre-wrap; line-height: 18px; }
    .strip { background: #f0f0f0; padding: 12px; text-align: right; border-top: 1px solid #dfdfdf; }
    .btn { display: inline-block; min-width: 73px; padding: 3px 6px; border: 1px solid #adadad; background: #e1e1e1;
           text-align: center; }
  `,
    `<div id="window"><div class="caption">${esc(t.title)}<span class="close">✕</span></div>
<div id="content"><h2>${esc(t.body.split('\n')[0] ?? '')}</h2>
<div class="lbl">${esc(s.codeLabel)}</div><div class="val">${esc(s.code)}</div>
<div class="lbl">${esc(s.descriptionLabel)}</div><div class="val">${esc(t.body.split('\n').slice(1).join('\n'))}</div></div>
<div class="strip"><span class="btn">${esc(s.button)}</span></div></div>`,
  );
}

export function windowHtml(kind: WindowKind, text: WindowText): string {
  switch (kind) {
    case 'wsh':
      return wsh(text);
    case 'settings':
      return settings(text);
    case 'console':
      return console(text);
    case 'slui':
      return slui(text);
  }
}
