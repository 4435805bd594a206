/* global window, document */
/*
 * The playground page: a chat thread with the bot, its replies drawn as Teams would draw them (the real
 * Adaptive Cards renderer with a Teams-like host config), as a Slack Block Kit preview, or as raw JSON, and a
 * simulated escalation channel. Every message and button goes to POST /playground/messages, which runs the same
 * conversation engine as Teams and Slack. One browser tab is one thread (its id lives in sessionStorage).
 * A screenshot or text file pasted, dropped or attached goes to POST /playground/uploads with the text typed
 * beside it; its answer streams back as JSON lines ("Reading your screenshot…" first, then the card that replaces
 * it). Only the files' names are kept in the tab, never their content.
 */
(function () {
  'use strict';

  var md = window.PlaygroundMarkdown;
  var AC = window.AdaptiveCards;
  var STORE_KEY = 'activation-doctor.playground';

  var UI = {
    en: {
      tagline: 'Paste slmgr, DISM, nslookup or event output, or ask about an error code.',
      viewTeams: 'Teams',
      viewSlack: 'Slack',
      viewJson: 'JSON',
      newThread: 'New thread',
      galleryTitle: 'Try a sample',
      galleryHint: 'One click sends the paste to the bot.',
      chatTitle: 'Chat with activation-doctor',
      emptyThread: 'Nothing here yet. Pick a sample on the left, or paste output below.',
      placeholder: 'Paste slmgr /dlv output, an error code, or ask “why 0xC004F074?”',
      sendHint: 'Ctrl+Enter to send',
      send: 'Send',
      simulated: '(simulated)',
      panelHint:
        'Escalations land here. You act as “Escalation lead (playground)”, a member of the escalation team.',
      emptyPanel: 'No escalation yet. Press “Escalate” on a card.',
      timeline: 'Timeline',
      you: 'You',
      bot: 'activation-doctor',
      updated: 'updated',
      onlyYou: 'Only visible to you',
      thinking: 'activation-doctor is thinking…',
      silent: 'The bot stayed silent (nothing to answer).',
      teamsCard: 'Adaptive Card (Teams)',
      slackBlocks: 'Block Kit (Slack)',
      replyModel: 'Reply model',
      posted: 'posted',
      updatedCard: 'updated a card',
      ephemeral: 'private note',
      inThread: 'in the chat thread',
      inPanel: 'in #activation-escalations',
      langRequest: 'in English please',
      english: 'English samples',
      french: 'Exemples en français',
      noRenderer: 'The Adaptive Cards renderer is not available; showing the Slack preview instead.',
      failed: 'The request failed: ',
      attach: 'Attach a file',
      removeFile: 'Remove',
      tooBig: 'is larger than 10 MB and was not added',
    },
    fr: {
      tagline: 'Collez une sortie slmgr, DISM, nslookup ou un événement, ou posez une question sur un code.',
      viewTeams: 'Teams',
      viewSlack: 'Slack',
      viewJson: 'JSON',
      newThread: 'Nouvelle conversation',
      galleryTitle: 'Essayer un exemple',
      galleryHint: 'Un clic envoie l’exemple au bot.',
      chatTitle: 'Discuter avec activation-doctor',
      emptyThread: 'Rien pour l’instant. Choisissez un exemple à gauche ou collez une sortie ci-dessous.',
      placeholder: 'Collez la sortie de slmgr /dlv, un code d’erreur, ou demandez « pourquoi 0xC004F074 ? »',
      sendHint: 'Ctrl+Entrée pour envoyer',
      send: 'Envoyer',
      simulated: '(simulé)',
      panelHint:
        'Les escalades arrivent ici. Vous êtes « Escalation lead (playground) », membre de l’équipe d’escalade.',
      emptyPanel: 'Aucune escalade. Cliquez sur « Escalader » sous une carte.',
      timeline: 'Chronologie',
      you: 'Vous',
      bot: 'activation-doctor',
      updated: 'mis à jour',
      onlyYou: 'Visible par vous seul',
      thinking: 'activation-doctor réfléchit…',
      silent: 'Le bot n’a rien répondu (rien à traiter).',
      teamsCard: 'Carte adaptative (Teams)',
      slackBlocks: 'Block Kit (Slack)',
      replyModel: 'Modèle de réponse',
      posted: 'a publié',
      updatedCard: 'a mis à jour une carte',
      ephemeral: 'note privée',
      inThread: 'dans la conversation',
      inPanel: 'dans #activation-escalations',
      langRequest: 'en français',
      english: 'English samples',
      french: 'Exemples en français',
      noRenderer: 'Le moteur de rendu Adaptive Cards est absent ; l’aperçu Slack est affiché à la place.',
      failed: 'La requête a échoué : ',
      attach: 'Joindre un fichier',
      removeFile: 'Retirer',
      tooBig: 'dépasse 10 Mo et n’a pas été ajouté',
    },
  };

  // ---------------------------------------------------------------------------------------------------------
  // State: the thread id, the view, the language, and what each surface shows (kept in sessionStorage).

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map
      .call(b, function (x) {
        return (x + 0x100).toString(16).slice(1);
      })
      .join('');
    return (
      h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20)
    );
  }

  function loadState() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || 'null');
      if (saved && typeof saved.threadId === 'string') return saved;
    } catch {
      /* a corrupt entry starts a new thread */
    }
    return freshState('teams', 'en');
  }

  function freshState(view, lang) {
    return { threadId: newId(), view: view, lang: lang, thread: [], panel: [], timeline: [] };
  }

  var state = loadState();
  var hostConfig = null;

  function save() {
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch {
      // Over quota: keep the thread id and settings, drop the transcript.
      window.sessionStorage.setItem(
        STORE_KEY,
        JSON.stringify({
          threadId: state.threadId,
          view: state.view,
          lang: state.lang,
          thread: [],
          panel: [],
          timeline: [],
        }),
      );
    }
  }

  function ui(key) {
    return (UI[state.lang] || UI.en)[key];
  }

  // ---------------------------------------------------------------------------------------------------------
  // Rendering one bot message in the chosen view.

  function renderTeams(item, onSubmit) {
    if (!AC || !hostConfig) return null;
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction) {
        window.open(action.url, '_blank', 'noopener,noreferrer');
      } else if (action instanceof AC.SubmitAction) {
        onSubmit(action.data);
      }
    };
    card.parse(item.card);
    var el = card.render();
    var frame = document.createElement('div');
    frame.className = 'teams-card';
    if (el) frame.appendChild(el);
    return frame;
  }

  function renderJson(item) {
    var wrap = document.createElement('div');
    wrap.className = 'json-view';
    [
      [ui('teamsCard'), item.card, true],
      [ui('slackBlocks'), item.blockKit, true],
      [ui('replyModel'), item.reply, false],
    ].forEach(function (part) {
      var details = document.createElement('details');
      details.open = part[2];
      var summary = document.createElement('summary');
      summary.textContent = part[0];
      var pre = document.createElement('pre');
      pre.textContent = JSON.stringify(part[1], null, 2);
      details.appendChild(summary);
      details.appendChild(pre);
      wrap.appendChild(details);
    });
    return wrap;
  }

  function botMessage(item, surface) {
    var article = document.createElement('article');
    article.className = 'msg bot' + (item.kind === 'ephemeral' ? ' ephemeral' : '');
    article.setAttribute('data-card-id', item.id);
    article.setAttribute('data-kind', item.reply.kind);

    var meta = document.createElement('div');
    meta.className = 'msg-meta';
    meta.innerHTML =
      '<span class="avatar bot-avatar" aria-hidden="true">AD</span><b>' +
      md.escapeHtml(ui('bot')) +
      '</b>' +
      '<time>' +
      md.escapeHtml(item.time || '') +
      '</time>' +
      (item.updates ? '<span class="tag">' + md.escapeHtml(ui('updated')) + '</span>' : '') +
      (item.kind === 'ephemeral'
        ? '<span class="tag private">' + md.escapeHtml(ui('onlyYou')) + '</span>'
        : '');
    article.appendChild(meta);

    var onAction = function (data) {
      sendAction(data, item, surface, article);
    };
    var body = null;
    var view = state.view;
    if (view === 'teams') {
      body = renderTeams(item, onAction);
      if (!body) view = 'slack';
    }
    if (view === 'slack') body = window.SlackPreview.render(item.blockKit, onAction, item.slackDetails);
    if (view === 'json') body = renderJson(item);
    body.classList.add('msg-body');
    article.appendChild(body);
    return article;
  }

  function userMessage(item) {
    var article = document.createElement('article');
    article.className = 'msg user';
    var meta = document.createElement('div');
    meta.className = 'msg-meta';
    meta.innerHTML =
      '<b>' +
      md.escapeHtml(item.who || ui('you')) +
      '</b><time>' +
      md.escapeHtml(item.time || '') +
      '</time>';
    var text = document.createElement('pre');
    text.className = 'user-text';
    text.textContent = item.text;
    article.appendChild(meta);
    if (item.text) article.appendChild(text);
    if (item.files && item.files.length) {
      var files = document.createElement('div');
      files.className = 'user-files';
      files.textContent = item.files
        .map(function (n) {
          return '📎 ' + n;
        })
        .join('  ');
      article.appendChild(files);
    }
    return article;
  }

  function renderSurface(surface) {
    var root = document.getElementById(surface === 'panel' ? 'panel-cards' : 'thread');
    var empty = document.getElementById(surface === 'panel' ? 'panel-empty' : 'thread-empty');
    root.querySelectorAll('article').forEach(function (a) {
      a.remove();
    });
    var list = state[surface];
    empty.hidden = list.length > 0;
    list.forEach(function (item) {
      root.appendChild(item.role === 'user' ? userMessage(item) : botMessage(item, surface));
    });
  }

  function renderTimeline() {
    var ol = document.getElementById('timeline');
    ol.innerHTML = '';
    state.timeline.forEach(function (entry) {
      var li = document.createElement('li');
      li.innerHTML = '<time>' + md.escapeHtml(entry.time) + '</time> ' + md.escapeHtml(entry.text);
      ol.appendChild(li);
    });
  }

  function renderAll() {
    renderSurface('thread');
    renderSurface('panel');
    renderTimeline();
    document.getElementById('thread-id').textContent = 'thread ' + state.threadId.slice(0, 8);
    applyChrome();
  }

  function applyChrome() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = ui(el.getAttribute('data-i18n'));
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
      el.setAttribute('placeholder', ui(el.getAttribute('data-i18n-placeholder')));
    });
    document.querySelectorAll('[data-view]').forEach(function (b) {
      b.setAttribute('aria-checked', String(b.getAttribute('data-view') === state.view));
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-checked', String(b.getAttribute('data-lang') === state.lang));
    });
    var headings = document.querySelectorAll('.sample-group h3');
    if (headings[0]) headings[0].textContent = ui('english');
    if (headings[1]) headings[1].textContent = ui('french');
  }

  function scrollToEnd(surface) {
    var root = document.getElementById(surface === 'panel' ? 'panel-cards' : 'thread');
    root.scrollTop = root.scrollHeight;
  }

  /** Brings a newly posted message's top into view (a long card is read from its title). */
  function reveal(surface, id) {
    var root = document.getElementById(surface === 'panel' ? 'panel-cards' : 'thread');
    var el = root.querySelector('article[data-card-id="' + id + '"]');
    if (el) root.scrollTop = el.offsetTop - root.offsetTop - 8;
  }

  function clip(text, max) {
    return text.length <= max ? text : text.slice(0, max - 1) + '…';
  }

  // ---------------------------------------------------------------------------------------------------------
  // Talking to the server.

  function now() {
    return new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function toast(text) {
    var el = document.getElementById('toast');
    el.textContent = text;
    el.hidden = false;
    window.clearTimeout(toast.timer);
    toast.timer = window.setTimeout(function () {
      el.hidden = true;
    }, 6000);
  }

  var pending = 0;
  function setBusy(delta) {
    pending += delta;
    document.body.classList.toggle('busy', pending > 0);
    var thinking = document.getElementById('thinking');
    if (pending > 0 && !thinking) {
      thinking = document.createElement('div');
      thinking.id = 'thinking';
      thinking.className = 'thinking';
      thinking.textContent = ui('thinking');
      document.getElementById('thread').appendChild(thinking);
      scrollToEnd('thread');
    } else if (pending === 0 && thinking) {
      thinking.remove();
    }
  }

  function post(body) {
    setBusy(1);
    return window
      .fetch('/playground/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      .then(function (res) {
        return res.json().then(function (json) {
          if (!res.ok) throw new Error(json.message || json.error || res.status + ' ' + res.statusText);
          return json;
        });
      })
      .then(apply)
      .catch(function (err) {
        toast(ui('failed') + err.message);
      })
      .finally(function () {
        setBusy(-1);
      });
  }

  function sendText(text, lang) {
    if (!text.trim()) return Promise.resolve();
    state.thread.push({ role: 'user', text: text, time: now() });
    save();
    renderSurface('thread');
    scrollToEnd('thread');
    return post({ threadId: state.threadId, text: text, lang: lang || state.lang });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Files: pasted, dropped or picked; sent with the next message.

  var MAX_FILE_BYTES = 10 * 1024 * 1024;
  var pendingFiles = [];

  function addFiles(list) {
    Array.prototype.forEach.call(list || [], function (file) {
      if (file.size > MAX_FILE_BYTES) {
        toast(file.name + ' ' + ui('tooBig'));
        return;
      }
      pendingFiles.push(file);
    });
    renderPendingFiles();
  }

  function renderPendingFiles() {
    var ul = document.getElementById('attachments');
    ul.textContent = '';
    ul.hidden = pendingFiles.length === 0;
    pendingFiles.forEach(function (file, i) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = '📎 ' + (file.name || 'image.png');
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.title = ui('removeFile');
      remove.setAttribute('aria-label', ui('removeFile') + ' ' + file.name);
      remove.addEventListener('click', function () {
        pendingFiles.splice(i, 1);
        renderPendingFiles();
      });
      li.appendChild(name);
      li.appendChild(remove);
      ul.appendChild(li);
    });
  }

  function base64Of(file) {
    return new Promise(function (resolve, reject) {
      var reader = new window.FileReader();
      reader.onload = function () {
        var url = String(reader.result);
        resolve(url.slice(url.indexOf(',') + 1));
      };
      reader.onerror = function () {
        reject(reader.error || new Error('the file could not be read'));
      };
      reader.readAsDataURL(file);
    });
  }

  /** Reads the answer's JSON lines as they arrive: the acknowledgement is shown before OCR ends. */
  function readLines(res, onLine) {
    if (!res.body || !window.TextDecoder) {
      return res.text().then(function (text) {
        text.split('\n').forEach(function (l) {
          if (l.trim()) onLine(JSON.parse(l));
        });
      });
    }
    var reader = res.body.getReader();
    var decoder = new window.TextDecoder();
    var buffered = '';
    var pump = function () {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          if (buffered.trim()) onLine(JSON.parse(buffered));
          return;
        }
        buffered += decoder.decode(chunk.value, { stream: true });
        var lines = buffered.split('\n');
        buffered = lines.pop();
        lines.forEach(function (l) {
          if (l.trim()) onLine(JSON.parse(l));
        });
        return pump();
      });
    };
    return pump();
  }

  function sendUpload(text) {
    var files = pendingFiles.slice();
    pendingFiles = [];
    renderPendingFiles();
    state.thread.push({
      role: 'user',
      text: text,
      files: files.map(function (f) {
        return f.name || 'image.png';
      }),
      time: now(),
    });
    save();
    renderSurface('thread');
    scrollToEnd('thread');
    setBusy(1);
    return Promise.all(
      files.map(function (f) {
        return base64Of(f).then(function (data) {
          return { name: f.name || 'image.png', type: f.type || undefined, data: data };
        });
      }),
    )
      .then(function (encoded) {
        var body = { threadId: state.threadId, lang: state.lang, files: encoded };
        if (text.trim()) body.text = text;
        return window.fetch('/playground/uploads', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      })
      .then(function (res) {
        if (!res.ok) {
          return res.json().then(function (json) {
            throw new Error(json.error || res.status + ' ' + res.statusText);
          });
        }
        return readLines(res, function (line) {
          if (line.ack) apply({ replies: [line.ack], effects: [] });
          if (line.result) apply(line.result);
          if (line.error) toast(ui('failed') + line.error);
        });
      })
      .catch(function (err) {
        toast(ui('failed') + err.message);
      })
      .finally(function () {
        setBusy(-1);
      });
  }

  function sendAction(data, item, surface, article) {
    article.classList.add('acting');
    var body = { threadId: state.threadId, action: data, cardId: item.id, lang: state.lang };
    if (surface === 'panel') {
      body.surface = 'escalations';
      body.handoffThread = item.handoffThread;
    }
    return post(body).finally(function () {
      article.classList.remove('acting');
    });
  }

  /** Places one rendered message: a new one at the end, an update over the card it replaces. */
  function place(surface, entry) {
    var list = state[surface];
    if (entry.kind === 'update' || entry.mode === 'update') {
      for (var i = 0; i < list.length; i++) {
        if (list[i].id === entry.id) {
          entry.updates = (list[i].updates || 0) + 1;
          entry.time = list[i].time;
          if (!entry.handoffThread) entry.handoffThread = list[i].handoffThread;
          list[i] = entry;
          return;
        }
      }
    }
    list.push(entry);
  }

  function apply(result) {
    // Per surface: whether anything changed, and the first new post (to bring into view).
    var touched = { thread: null, panel: null };
    var mark = function (surface, entry) {
      if (!touched[surface]) touched[surface] = { first: null };
      if (entry.mode === 'post' && !touched[surface].first) touched[surface].first = entry.id;
    };
    (result.replies || []).forEach(function (r) {
      r.role = 'bot';
      r.time = now();
      place('thread', r);
      mark('thread', r);
    });
    (result.effects || []).forEach(function (e) {
      var surface = e.surface === 'escalations' ? 'panel' : 'thread';
      e.role = 'bot';
      e.time = now();
      place(surface, e);
      mark(surface, e);
      var verb =
        e.kind === 'update' ? ui('updatedCard') : e.kind === 'ephemeral' ? ui('ephemeral') : ui('posted');
      var where = surface === 'panel' ? ui('inPanel') : ui('inThread');
      state.timeline.push({
        time: now(),
        text: verb + ' ' + where + ': ' + clip(e.reply.title + ' — ' + e.reply.summary, 160),
      });
    });
    if ((result.replies || []).length === 0 && (result.effects || []).length === 0 && result.silent)
      toast(ui('silent'));
    save();
    ['thread', 'panel'].forEach(function (surface) {
      var t = touched[surface];
      if (!t) return;
      var keep = document.getElementById(surface === 'panel' ? 'panel-cards' : 'thread').scrollTop;
      renderSurface(surface);
      if (t.first) reveal(surface, t.first);
      else document.getElementById(surface === 'panel' ? 'panel-cards' : 'thread').scrollTop = keep;
    });
    renderTimeline();
    var tl = document.querySelector('.timeline-wrap');
    tl.scrollTop = tl.scrollHeight;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Gallery, composer and controls.

  function renderSamples(samples) {
    var root = document.getElementById('samples');
    root.innerHTML = '';
    ['en', 'fr'].forEach(function (lang) {
      var group = document.createElement('div');
      group.className = 'sample-group';
      var h = document.createElement('h3');
      h.textContent = lang === 'en' ? ui('english') : ui('french');
      group.appendChild(h);
      samples
        .filter(function (s) {
          return s.lang === lang;
        })
        .forEach(function (s) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'sample';
          button.setAttribute('data-sample', s.id);
          button.title = s.hint;
          button.innerHTML =
            '<span class="sample-label">' +
            md.escapeHtml(s.label) +
            '</span><span class="sample-hint">' +
            md.escapeHtml(s.hint) +
            '</span>';
          button.addEventListener('click', function () {
            sendText(s.text, s.lang);
          });
          group.appendChild(button);
        });
      root.appendChild(group);
    });
  }

  function wire() {
    var form = document.getElementById('composer');
    var box = document.getElementById('message');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = box.value;
      box.value = '';
      if (pendingFiles.length > 0) sendUpload(text);
      else sendText(text);
    });
    // A screenshot pasted from the clipboard (Win+Shift+S, then Ctrl+V) is attached, not pasted as text.
    box.addEventListener('paste', function (ev) {
      var files = ev.clipboardData && ev.clipboardData.files;
      if (files && files.length > 0) {
        ev.preventDefault();
        addFiles(files);
      }
    });
    var input = document.getElementById('attach-input');
    document.getElementById('attach').addEventListener('click', function () {
      input.click();
    });
    input.addEventListener('change', function () {
      addFiles(input.files);
      input.value = '';
    });
    var chat = document.querySelector('.chat');
    chat.addEventListener('dragover', function (ev) {
      if (ev.dataTransfer && Array.prototype.indexOf.call(ev.dataTransfer.types, 'Files') !== -1) {
        ev.preventDefault();
        chat.classList.add('dropping');
      }
    });
    chat.addEventListener('dragleave', function () {
      chat.classList.remove('dropping');
    });
    chat.addEventListener('drop', function (ev) {
      chat.classList.remove('dropping');
      if (ev.dataTransfer && ev.dataTransfer.files.length > 0) {
        ev.preventDefault();
        addFiles(ev.dataTransfer.files);
      }
    });
    box.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        form.requestSubmit();
      }
    });
    document.querySelectorAll('[data-view]').forEach(function (b) {
      b.addEventListener('click', function () {
        state.view = b.getAttribute('data-view');
        save();
        renderAll();
      });
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.addEventListener('click', function () {
        var lang = b.getAttribute('data-lang');
        if (lang === state.lang) return;
        state.lang = lang;
        save();
        renderAll();
        // Once the bot has spoken, switching asks it to answer in the new language from now on.
        if (
          state.thread.some(function (m) {
            return m.role === 'bot';
          })
        )
          sendText(ui('langRequest'), lang);
      });
    });
    document.getElementById('new-thread').addEventListener('click', function () {
      state = freshState(state.view, state.lang);
      save();
      renderAll();
    });
  }

  function start() {
    wire();
    var config = window
      .fetch('/playground/static/teams-host-config.json')
      .then(function (r) {
        return r.json();
      })
      .then(function (json) {
        if (AC) {
          hostConfig = new AC.HostConfig(json);
          AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
            result.outputHtml = md.toHtml(text);
            result.didProcess = true;
          };
        } else {
          toast(ui('noRenderer'));
        }
      });
    var samples = window
      .fetch('/playground/samples')
      .then(function (r) {
        return r.json();
      })
      .then(function (json) {
        renderSamples(json.samples);
      });
    Promise.all([config, samples])
      .catch(function (err) {
        toast(ui('failed') + err.message);
      })
      .finally(function () {
        renderAll();
        document.body.setAttribute('data-ready', 'true');
      });
  }

  start();
})();
