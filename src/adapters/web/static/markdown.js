/* global window */
/*
 * A small, safe markdown-to-HTML converter for Adaptive Card TextBlocks, close to what Teams draws: **bold**,
 * _italic_ / *italic*, `code`, [links](https://…), bare https links, "- " and "1. " lists, paragraphs.
 * Everything is HTML-escaped first; the only tags produced are the ones written below, and links keep only
 * http(s) and mailto targets. No raw HTML from a card ever reaches the page.
 */
(function () {
  'use strict';

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  var SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s"'<>`]+$/i;

  /** Inline formatting over one escaped line. Code spans are cut out first so their content stays literal. */
  function inline(escaped) {
    var codes = [];
    var text = escaped.replace(/`([^`\n]+)`/g, function (_m, code) {
      codes.push('<code>' + code + '</code>');
      return '\uE000' + (codes.length - 1) + '\uE000';
    });
    var links = [];
    var keep = function (html) {
      links.push(html);
      return '\uE001' + (links.length - 1) + '\uE001';
    };
    // [label](url): the url was escaped with the rest; unescape &amp; for the check, keep it escaped in href.
    text = text.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, function (whole, label, url) {
      var raw = url.replace(/&amp;/g, '&');
      if (!SAFE_URL.test(raw)) return whole;
      return keep('<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + label + '</a>');
    });
    text = text.replace(/(^|[\s(])(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g, function (_m, lead, url) {
      return lead + keep('<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + url + '</a>');
    });
    // Emphasis only at word edges, so identifiers such as _vlmcs._tcp or 2*3*4 stay as typed.
    text = text.replace(/(^|[^\w*])\*\*(?=\S)([^*\n]*?\S)\*\*(?![\w*])/g, '$1<strong>$2</strong>');
    text = text.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1<em>$2</em>');
    text = text.replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<em>$2</em>');
    text = text.replace(/\uE001(\d+)\uE001/g, function (_m, i) {
      return links[Number(i)];
    });
    return text.replace(/\uE000(\d+)\uE000/g, function (_m, i) {
      return codes[Number(i)];
    });
  }

  /** Converts markdown to HTML. Blocks: bullet lists, numbered lists (keeping their first number), paragraphs. */
  function toHtml(markdown) {
    var lines = String(markdown).replace(/\r\n?/g, '\n').split('\n');
    var out = [];
    var para = [];
    var list = null; // { tag, items, start }

    function flushPara() {
      if (para.length > 0) out.push('<p>' + para.join('<br>') + '</p>');
      para = [];
    }
    function flushList() {
      if (!list) return;
      var start = list.tag === 'ol' && list.start !== 1 ? ' start="' + list.start + '"' : '';
      out.push(
        '<' +
          list.tag +
          start +
          '>' +
          list.items
            .map(function (i) {
              return '<li>' + i + '</li>';
            })
            .join('') +
          '</' +
          list.tag +
          '>',
      );
      list = null;
    }

    lines.forEach(function (line) {
      var bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
      var numbered = /^\s*(\d{1,9})[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        flushPara();
        var tag = bullet ? 'ul' : 'ol';
        if (!list || list.tag !== tag) {
          flushList();
          list = { tag: tag, items: [], start: numbered ? Number(numbered[1]) : 1 };
        }
        list.items.push(inline(escapeHtml(bullet ? bullet[1] : numbered[2])));
      } else if (line.trim() === '') {
        flushPara();
        flushList();
      } else {
        flushList();
        para.push(inline(escapeHtml(line)));
      }
    });
    flushPara();
    flushList();
    return out.join('');
  }

  window.PlaygroundMarkdown = { toHtml: toHtml, escapeHtml: escapeHtml };
})();
