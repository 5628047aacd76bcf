// The exhibit's web remote: scene buttons, modes, attract and live status, talking to the control
// API on the same origin (docs/control-api.md). Plain JavaScript, no build step, nothing loaded
// from elsewhere (the hall network is offline). The token comes from the URL fragment
// (#token=..., never sent to the server) or the form, and is kept in localStorage.
'use strict';

(function () {
  const TOKEN_KEY = 'exhibit.remote.token';
  const LANG_KEY = 'exhibit.remote.lang';
  const POLL_MS = 1500;

  const TEXT = {
    zh: {
      title: '展墙遥控', scenes: '场景', mode: '模式', modeShow: '播放', modeStandby: '待机',
      modeBlackout: '黑屏', attract: '自动导览', on: '开', off: '关', status: '状态',
      currentScene: '当前场景', currentMode: '模式', fps: '帧率', memory: '内存', touch: '触摸',
      uptime: '运行时间', feeds: '数据源', preview: '画面', takeShot: '查看展墙画面',
      tokenHeading: '口令', tokenHelp: '请输入展墙的控制口令（保存在本设备上）。',
      tokenPlaceholder: '控制口令', tokenSave: '保存', switchLang: 'English',
      linkOk: '已连接', linkDown: '连接中断', linkConnecting: '连接中',
      modes: { show: '播放', standby: '待机', blackout: '黑屏' },
      feedStates: { ok: '正常', stale: '数据延迟', error: '数据中断', connecting: '连接中' },
      touchesPerSecond: '次/秒', contacts: '触点', noFeeds: '无数据源', current: '当前',
      sent: { scene: '已切换到：', mode: '模式：', attractOn: '自动导览已开启', attractOff: '自动导览已关闭' },
      errors: {
        401: '口令错误或缺失，请重新输入口令。',
        403: '没有权限。',
        404: '未找到：',
        413: '请求过大。',
        422: '设置无效：',
        429: '口令错误次数过多，请稍后再试：',
        503: '展墙忙，请稍后再试：',
        network: '无法连接展墙，正在重试…',
        other: '请求失败：',
      },
      tokenSaved: '口令已保存。',
      hours: '小时', minutes: '分',
    },
    en: {
      title: 'Wall remote', scenes: 'Scenes', mode: 'Mode', modeShow: 'Show', modeStandby: 'Standby',
      modeBlackout: 'Blackout', attract: 'Attract', on: 'On', off: 'Off', status: 'Status',
      currentScene: 'Scene', currentMode: 'Mode', fps: 'FPS', memory: 'Memory', touch: 'Touch',
      uptime: 'Uptime', feeds: 'Data feeds', preview: 'Wall', takeShot: 'Show the wall',
      tokenHeading: 'Token', tokenHelp: 'Enter the wall\'s control token (kept on this device).',
      tokenPlaceholder: 'Control token', tokenSave: 'Save', switchLang: '中文',
      linkOk: 'Connected', linkDown: 'Connection lost', linkConnecting: 'Connecting',
      modes: { show: 'Show', standby: 'Standby', blackout: 'Blackout' },
      feedStates: { ok: 'OK', stale: 'Stale', error: 'Error', connecting: 'Connecting' },
      touchesPerSecond: '/s', contacts: 'contacts', noFeeds: 'No data feeds', current: 'on the wall',
      sent: { scene: 'Switched to: ', mode: 'Mode: ', attractOn: 'Attract mode on', attractOff: 'Attract mode off' },
      errors: {
        401: 'Wrong or missing token: please enter the token again.',
        403: 'Not allowed.',
        404: 'Not found: ',
        413: 'Request too large.',
        422: 'Invalid settings: ',
        429: 'Too many wrong tokens; try again later: ',
        503: 'The wall is busy; try again: ',
        network: 'Cannot reach the wall; retrying…',
        other: 'Request failed: ',
      },
      tokenSaved: 'Token saved.',
      hours: 'h', minutes: 'min',
    },
  };

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  let token = localStorage.getItem(TOKEN_KEY) || '';
  let lastStatus = null;
  let pollTimer = 0;
  let shotUrl = '';

  // A token in the URL fragment is taken once and removed from the address bar.
  (function takeTokenFromFragment() {
    const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (!match) return;
    try {
      token = decodeURIComponent(match[1]);
    } catch (e) {
      token = match[1];
    }
    localStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  })();

  const t = () => TEXT[lang];

  function showMessage(text, kind) {
    const el = $('message');
    el.textContent = text;
    el.dataset.kind = kind || 'info';
    el.hidden = !text;
  }

  function errorText(status, detail) {
    const errors = t().errors;
    const base = errors[status] || errors.other;
    if (status === 401 || status === 413) return base;
    return base + (detail || 'HTTP ' + status);
  }

  // fetch with the token; resolves to {status, body} (body parsed when JSON), rejects on network errors.
  async function api(method, path, body) {
    const headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const type = response.headers.get('Content-Type') || '';
    const data = type.startsWith('application/json') ? await response.json() : await response.blob();
    return { status: response.status, body: data };
  }

  function needToken(show) {
    $('token-panel').hidden = !show;
    if (show) $('token-input').focus();
  }

  function handleFailure(result) {
    const detail = result.body && result.body.error;
    showMessage(errorText(result.status, detail), 'error');
    if (result.status === 401) {
      // Forget a wrong token: polling with it would count as guessing and lock this device out.
      token = '';
      localStorage.removeItem(TOKEN_KEY);
      needToken(true);
    }
  }

  function setLink(state) {
    const el = $('link');
    el.dataset.state = state;
    const key = state === 'ok' ? 'linkOk' : state === 'down' ? 'linkDown' : 'linkConnecting';
    el.title = t()[key];
    el.setAttribute('aria-label', t()[key]);
  }

  function formatUptime(seconds) {
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    return hours > 0 ? hours + ' ' + t().hours + ' ' + (minutes % 60) + ' ' + t().minutes
                     : minutes + ' ' + t().minutes;
  }

  function sceneTitle(status, id) {
    const scene = (status.scenes || []).find((s) => s.id === id);
    return scene ? scene.title : id;
  }

  function renderScenes(status) {
    const box = $('scenes');
    const ids = (status.scenes || []).map((s) => s.id).join('\n');
    if (box.dataset.ids !== ids) {
      box.textContent = '';
      for (const scene of status.scenes || []) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'scene';
        button.dataset.scene = scene.id;
        const title = document.createElement('span');
        title.className = 'scene-title';
        title.textContent = scene.title || scene.id;
        const id = document.createElement('span');
        id.className = 'scene-id';
        id.textContent = scene.id;
        button.append(title, id);
        button.addEventListener('click', () => switchScene(scene.id));
        box.append(button);
      }
      box.dataset.ids = ids;
    }
    // A scene whose content failed to load stays pressable (the wall tries to load it again, so a
    // repaired file comes back), marked unavailable with its problem written on the button: a
    // tablet shows no tooltips.
    const scenes = new Map((status.scenes || []).map((s) => [s.id, s]));
    for (const button of box.querySelectorAll('button.scene')) {
      button.setAttribute('aria-pressed', String(button.dataset.scene === status.scene));
      const scene = scenes.get(button.dataset.scene);
      const problem = scene && scene.available === false ? scene.problem || '?' : '';
      button.classList.toggle('unavailable', problem !== '');
      let line = button.querySelector('.scene-problem');
      if (problem && !line) {
        line = document.createElement('span');
        line.className = 'scene-problem';
        button.append(line);
      }
      if (line) line.textContent = problem;
      if (problem) button.title = problem;
      else button.removeAttribute('title');
    }
  }

  function renderStatus(status) {
    lastStatus = status;
    renderScenes(status);
    const text = t();
    $('st-scene').textContent = status.scene ? sceneTitle(status, status.scene) + ' (' + status.scene + ')' : '–';
    $('st-mode').textContent = text.modes[status.mode] || status.mode;
    $('st-mode').dataset.mode = status.mode;
    $('st-fps').textContent = status.frames ? status.frames.fps.toFixed(1) : '–';
    $('st-memory').textContent = (status.residentBytes / (1024 * 1024)).toFixed(0) + ' MiB';
    const touch = status.touch || {};
    $('st-touch').textContent = (touch.touchesPerSecond || 0).toFixed(1) + ' ' + text.touchesPerSecond +
                                ' · ' + (touch.contacts || 0) + ' ' + text.contacts;
    $('st-uptime').textContent = formatUptime(status.uptimeSeconds || 0);
    for (const button of document.querySelectorAll('[data-mode]'))
      button.setAttribute('aria-pressed', String(button.dataset.mode === status.mode));
    for (const button of document.querySelectorAll('[data-attract]'))
      button.setAttribute('aria-pressed', String((button.dataset.attract === 'on') === Boolean(status.attract)));

    const feeds = $('feeds');
    feeds.textContent = '';
    if (!status.feeds || status.feeds.length === 0) {
      const li = document.createElement('li');
      li.textContent = text.noFeeds;
      feeds.append(li);
    }
    for (const feed of status.feeds || []) {
      const li = document.createElement('li');
      li.className = 'feed';
      li.dataset.state = feed.state;
      const dot = document.createElement('span');
      dot.className = 'dot';
      const name = document.createElement('span');
      name.className = 'feed-name';
      name.textContent = feed.name;
      const state = document.createElement('span');
      state.className = 'feed-state';
      let line = text.feedStates[feed.state] || feed.state;
      if (feed.ageSeconds >= 0) line += ' · ' + feed.ageSeconds.toFixed(0) + ' s';
      state.textContent = line;
      li.append(dot, name, state);
      if (feed.lastError) li.title = feed.lastError;
      feeds.append(li);
    }
  }

  async function refresh() {
    clearTimeout(pollTimer);
    try {
      const result = await api('GET', '/api/status');
      if (result.status === 200) {
        setLink('ok');
        renderStatus(result.body);
        if (document.getElementById('message').dataset.kind === 'network') showMessage('', 'info');
      } else {
        setLink('down');
        handleFailure(result);
      }
    } catch (e) {
      setLink('down');
      showMessage(t().errors.network, 'network');
    }
    pollTimer = setTimeout(refresh, POLL_MS);
  }

  async function command(path, body, done) {
    try {
      const result = await api('POST', path, body);
      if (result.status === 202) {
        showMessage(done(result.body), 'ok');
        needToken(false);
        setTimeout(refresh, 300);
      } else {
        handleFailure(result);
      }
    } catch (e) {
      showMessage(t().errors.network, 'network');
    }
  }

  function switchScene(id) {
    command('/api/scene', { id }, () => t().sent.scene + (lastStatus ? sceneTitle(lastStatus, id) : id));
  }

  async function takeScreenshot() {
    try {
      const result = await api('GET', '/api/screenshot.png');
      if (result.status !== 200) return handleFailure(result);
      if (shotUrl) URL.revokeObjectURL(shotUrl);
      shotUrl = URL.createObjectURL(result.body);
      $('shot-image').src = shotUrl;
      $('shot-image').hidden = false;
    } catch (e) {
      showMessage(t().errors.network, 'network');
    }
  }

  function applyLanguage() {
    const text = t();
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = text.title;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text[el.dataset.i18n];
    for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
      el.placeholder = text[el.dataset.i18nPlaceholder];
    const toggle = $('lang');
    toggle.textContent = text.switchLang;
    toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
    setLink($('link').dataset.state);
    if (lastStatus) renderStatus(lastStatus);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('lang').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem(LANG_KEY, lang);
      applyLanguage();
    });
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      token = $('token-input').value.trim();
      localStorage.setItem(TOKEN_KEY, token);
      $('token-input').value = '';
      needToken(false);
      showMessage(t().tokenSaved, 'ok');
      refresh();
    });
    for (const button of document.querySelectorAll('[data-mode]')) {
      button.addEventListener('click', () => {
        const mode = button.dataset.mode;
        command('/api/mode', { mode }, () => t().sent.mode + t().modes[mode]);
      });
    }
    for (const button of document.querySelectorAll('[data-attract]')) {
      button.addEventListener('click', () => {
        const on = button.dataset.attract === 'on';
        command('/api/attract', { on }, () => (on ? t().sent.attractOn : t().sent.attractOff));
      });
    }
    $('shot').addEventListener('click', takeScreenshot);
    if (!token) needToken(true);
    applyLanguage();
    refresh();
  });
})();
