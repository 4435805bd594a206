/* global window, document */
/*
 * Block Kit preview: the blocks our Slack renderer emits (header, section with mrkdwn and an optional button
 * accessory, context, divider, actions) drawn the way Slack draws them. Slack mrkdwn arrives with &, < and >
 * already entity-encoded; it is decoded, tokenised (code blocks, inline code, <url|label> links, *bold*,
 * _italic_, ~strike~, :emoji:) and every literal piece is escaped again. Buttons carry their `value`, which the
 * page posts back like a Slack interaction.
 */
(function () {
  'use strict';

  var escapeHtml = window.PlaygroundMarkdown.escapeHtml;

  var EMOJI = {
    warning: '\u26a0\ufe0f',
    white_check_mark: '\u2705',
    x: '\u274c',
    mag: '\ud83d\udd0d',
    bell: '\ud83d\udd14',
  };

  function decodeEntities(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  /** Bold, italic, strike and emoji over plain (not yet escaped) text; emphasis only at word edges, as Slack. */
  function styled(text) {
    var html = escapeHtml(text);
    html = html.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1<b>$2</b>');
    html = html.replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<i>$2</i>');
    html = html.replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g, '$1<s>$2</s>');
    html = html.replace(/:([a-z0-9_+-]+):/g, function (whole, name) {
      return EMOJI[name] ? '<span class="sk-emoji" title=":' + name + ':">' + EMOJI[name] + '</span>' : whole;
    });
    return html.replace(/\n/g, '<br>');
  }

  function link(target, label) {
    var url = decodeEntities(target);
    var text = label === undefined ? url : decodeEntities(label);
    if (!/^(?:https?:\/\/|mailto:)/i.test(url))
      return escapeHtml('<' + target + (label ? '|' + label : '') + '>');
    return (
      '<a href="' +
      escapeHtml(url) +
      '" target="_blank" rel="noopener noreferrer">' +
      escapeHtml(text) +
      '</a>'
    );
  }

  /** Slack mrkdwn (entity-encoded) to HTML. */
  function mrkdwn(source) {
    var out = '';
    var rest = String(source);
    // Code blocks first: nothing inside them is formatted.
    var pieces = rest.split(/```/);
    pieces.forEach(function (piece, i) {
      if (i % 2 === 1 && i < pieces.length - 1) {
        out += '<pre class="sk-pre">' + escapeHtml(decodeEntities(piece.replace(/^\n/, ''))) + '</pre>';
        return;
      }
      if (i % 2 === 1)
        piece = '```' + piece; // an unclosed fence is literal text
      // A line break right after a code block is absorbed by the block, as in Slack.
      else if (i > 0) piece = piece.replace(/^\n/, '');
      out += inlineMrkdwn(piece);
    });
    return out;
  }

  function inlineMrkdwn(piece) {
    var html = '';
    var pattern = /`([^`\n]+)`|<([^<>|\s]+)(?:\|([^<>]*))?>/g;
    var last = 0;
    var m;
    while ((m = pattern.exec(piece)) !== null) {
      html += styled(decodeEntities(piece.slice(last, m.index)));
      if (m[1] !== undefined) html += '<code class="sk-code">' + escapeHtml(decodeEntities(m[1])) + '</code>';
      else html += link(m[2], m[3]);
      last = pattern.lastIndex;
    }
    return html + styled(decodeEntities(piece.slice(last)));
  }

  function textObject(obj) {
    if (!obj) return '';
    return obj.type === 'mrkdwn' ? mrkdwn(obj.text) : escapeHtml(obj.text).replace(/\n/g, '<br>');
  }

  function buttonHtml(el) {
    var style = el.style === 'primary' ? ' sk-primary' : el.style === 'danger' ? ' sk-danger' : '';
    if (el.url) {
      return (
        '<a class="sk-button' +
        style +
        '" href="' +
        escapeHtml(el.url) +
        '" target="_blank" rel="noopener noreferrer">' +
        escapeHtml(el.text.text) +
        '</a>'
      );
    }
    return (
      '<button type="button" class="sk-button' +
      style +
      '" data-action-id="' +
      escapeHtml(el.action_id) +
      '" data-value="' +
      escapeHtml(el.value || '') +
      '">' +
      escapeHtml(el.text.text) +
      '</button>'
    );
  }

  function blockHtml(block) {
    switch (block.type) {
      case 'header':
        return '<div class="sk-header">' + escapeHtml(block.text.text) + '</div>';
      case 'section': {
        var accessory =
          block.accessory && block.accessory.type === 'button'
            ? '<div class="sk-accessory">' + buttonHtml(block.accessory) + '</div>'
            : '';
        var fields = (block.fields || [])
          .map(function (f) {
            return '<div class="sk-field">' + textObject(f) + '</div>';
          })
          .join('');
        return (
          '<div class="sk-section"><div class="sk-section-text">' +
          textObject(block.text) +
          (fields ? '<div class="sk-fields">' + fields + '</div>' : '') +
          '</div>' +
          accessory +
          '</div>'
        );
      }
      case 'context':
        return (
          '<div class="sk-context">' +
          (block.elements || [])
            .map(function (e) {
              return '<span>' + textObject(e) + '</span>';
            })
            .join('') +
          '</div>'
        );
      case 'divider':
        return '<hr class="sk-divider">';
      case 'actions':
        return (
          '<div class="sk-actions">' +
          (block.elements || [])
            .filter(function (e) {
              return e.type === 'button';
            })
            .map(buttonHtml)
            .join('') +
          '</div>'
        );
      case 'input':
        // The handoff card's text box: what is typed goes with the next button click, as Slack's state.values.
        return (
          '<label class="sk-input"><span>' +
          escapeHtml(block.label.text) +
          '</span><textarea rows="2" maxlength="' +
          escapeHtml(String(block.element.max_length || 2000)) +
          '"></textarea>' +
          (block.hint ? '<small class="sk-hint">' + escapeHtml(block.hint.text) + '</small>' : '') +
          '</label>'
        );
      default:
        return '<div class="sk-unknown">' + escapeHtml('[' + block.type + ' block]') + '</div>';
    }
  }

  /** A button value with the text box's content as its `text`, as the Slack adapter reads it. */
  function withNote(value, box) {
    var note = box ? box.value.trim() : '';
    if (!note) return value;
    try {
      var data = JSON.parse(value);
      if (data && typeof data === 'object' && !data.text) data.text = note;
      return JSON.stringify(data);
    } catch {
      return value;
    }
  }

  /** The modal a "Details" button opens in Slack (`views.open`): its title, close button and blocks. */
  function modalHtml(view) {
    return (
      '<div class="sk-modal" role="dialog" aria-label="' +
      escapeHtml(view.title.text) +
      '"><div class="sk-modal-head"><b>' +
      escapeHtml(view.title.text) +
      '</b><button type="button" class="sk-modal-close">' +
      escapeHtml(view.close.text) +
      '</button></div>' +
      (view.blocks || []).map(blockHtml).join('') +
      '</div>'
    );
  }

  /**
   * Renders a Slack message into a container. `onButton(value)` receives a clicked button's value string;
   * "Details" opens `details` (the modal Slack would show) over the message instead, as Slack does.
   */
  function render(message, onButton, details) {
    var root = document.createElement('div');
    root.className = 'sk-message';
    root.innerHTML =
      '<div class="sk-avatar" aria-hidden="true">AD</div><div class="sk-body"><div class="sk-meta"><b>activation-doctor</b>' +
      '<span class="sk-app">APP</span></div>' +
      (message.blocks || []).map(blockHtml).join('') +
      '</div>';
    root.querySelectorAll('button.sk-button').forEach(function (button) {
      button.addEventListener('click', function () {
        if (details && button.getAttribute('data-action-id') === 'ad_details') {
          var open = root.querySelector('.sk-modal');
          if (open) open.remove();
          root.querySelector('.sk-body').insertAdjacentHTML('beforeend', modalHtml(details));
          root.querySelector('.sk-modal-close').addEventListener('click', function () {
            root.querySelector('.sk-modal').remove();
          });
          return;
        }
        onButton(withNote(button.getAttribute('data-value'), root.querySelector('.sk-input textarea')));
      });
    });
    return root;
  }

  window.SlackPreview = { render: render, mrkdwn: mrkdwn };
})();
