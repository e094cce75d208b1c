/**
 * The script of report.html, as text the page inlines: sortable and filterable tables, the trace
 * explorer (trace -> config -> request -> block, before and after side by side) and the comparison
 * of two runs. Plain browser JavaScript with no library and nothing fetched over the network; block
 * texts come from explore/ scripts beside the page (file:// allows those). Kept as a string because
 * it runs in the browser, not in Node; the headless-Chromium test exercises every part of it.
 */
export const EXPLORE_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('terse-data').textContent);
  var comparisonNode = document.getElementById('terse-comparison');
  var comparison = data.comparison || (comparisonNode ? JSON.parse(comparisonNode.textContent) : null);
  var textsByTrace = {};
  var waiting = {};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var key in attrs) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'onclick') node.addEventListener('click', attrs[key]);
      else node.setAttribute(key, attrs[key]);
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function pct(x) { return (x * 100).toFixed(1) + '%'; }
  function count(n) { return Number(n).toLocaleString('en-US'); }
  function ms(x) { return x < 10 ? x.toFixed(2) + ' ms' : x.toFixed(1) + ' ms'; }
  function sortKey(text) {
    var cleaned = text.replace(/[,\s%]|ms$|pt$/g, '');
    var n = Number(cleaned);
    return text.trim() === '' || text === '\u2014' || isNaN(n) ? null : n;
  }

  // Every table.sortable: a click on a header sorts by that column (again: the other way); the
  // input before it hides rows that do not contain what is typed.
  function enhance(table) {
    if (table.dataset.enhanced) return;
    table.dataset.enhanced = '1';
    var body = table.tBodies[0];
    if (!body) return;
    var filter = el('input', { type: 'search', class: 'filter', placeholder: 'filter rows\u2026', 'aria-label': 'filter rows' });
    filter.addEventListener('input', function () {
      var needle = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) === -1;
      });
    });
    table.parentNode.insertBefore(filter, table);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.classList.add('sort');
      th.title = 'sort by ' + th.textContent;
      th.addEventListener('click', function () {
        var descending = th.dataset.sorted === 'asc';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { delete other.dataset.sorted; });
        th.dataset.sorted = descending ? 'desc' : 'asc';
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column] ? a.cells[column].textContent : '';
          var y = b.cells[column] ? b.cells[column].textContent : '';
          var nx = sortKey(x), ny = sortKey(y);
          var order = nx !== null && ny !== null ? nx - ny : x.localeCompare(y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /** A table built from rows: columns [{ header, number }], cells as text; onRow(index) on a click. */
  function table(id, columns, rows, onRow) {
    var head = el('tr', null, columns.map(function (c) { return el('th', { text: c.header, class: c.number ? 'number' : '' }); }));
    var body = el('tbody', null, rows.map(function (cells, index) {
      var tr = el('tr', onRow ? { class: 'pick', tabindex: '0' } : null, cells.map(function (cell, i) {
        return el('td', { text: cell === null || cell === undefined ? '\u2014' : String(cell), class: columns[i].number ? 'number' : '' });
      }));
      if (onRow) {
        tr.addEventListener('click', function () { select(tr); onRow(index); });
        tr.addEventListener('keydown', function (event) { if (event.key === 'Enter') { select(tr); onRow(index); } });
      }
      return tr;
    }));
    var node = el('table', { id: id, class: 'sortable' }, [el('thead', null, [head]), body]);
    var wrap = el('div', { class: 'scroll' }, [node]);
    enhance(node);
    return wrap;
  }
  function select(tr) {
    Array.prototype.forEach.call(tr.parentNode.rows, function (row) { row.classList.remove('selected'); });
    tr.classList.add('selected');
  }

  // The trace explorer.
  var explorer = document.getElementById('explorer');
  var state = { trace: null, config: null, request: null };
  function configName(index) { return data.configs[index] ? data.configs[index].name : '?'; }
  function blocksOf(trace, config) {
    return data.blocks.filter(function (b) { return b[0] === trace && b[1] === config; });
  }

  function loadTexts(trace, then) {
    var file = data.traces[trace].texts;
    if (textsByTrace[trace] || !file) { then(); return; }
    (waiting[trace] = waiting[trace] || []).push(then);
    if (waiting[trace].length > 1) return;
    var script = document.createElement('script');
    script.src = file;
    script.onerror = function () {
      textsByTrace[trace] = { before: {}, after: {}, missing: true };
      (waiting[trace] || []).splice(0).forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }
  window.terseTraceTexts = function (trace, texts) {
    textsByTrace[trace] = texts;
    (waiting[trace] || []).splice(0).forEach(function (f) { f(); });
  };

  function showTrace(trace) {
    state.trace = trace;
    var panel = document.getElementById('trace-panel');
    panel.textContent = '';
    var info = data.traces[trace];
    var configs = data.configs.map(function (c, i) { return i; }).filter(function (i) {
      return data.requests.some(function (r) { return r[0] === trace && r[1] === i; });
    });
    if (state.config === null || configs.indexOf(state.config) === -1) {
      var preferred = data.configs.findIndex(function (c) { return c.name === 'balanced'; });
      state.config = configs.indexOf(preferred) !== -1 ? preferred : configs[configs.length > 1 ? 1 : 0];
    }
    var picker = el('select', { id: 'config-picker', 'aria-label': 'config' }, configs.map(function (i) {
      var option = el('option', { value: String(i), text: configName(i) });
      if (i === state.config) option.selected = true;
      return option;
    }));
    picker.addEventListener('change', function () { state.config = Number(picker.value); showTrace(trace); });
    panel.appendChild(el('h3', { text: 'Trace ' + info.id + ' (' + info.suite + ', ' + info.workload + ')' }));
    panel.appendChild(el('p', null, [el('label', { text: 'config ' }, [picker])]));
    var requests = data.requests.filter(function (r) { return r[0] === trace && r[1] === state.config; });
    panel.appendChild(el('h4', { text: 'Requests' }));
    panel.appendChild(table('requests-table', [
      { header: 'request', number: true }, { header: 'messages', number: true }, { header: 'tokens before', number: true },
      { header: 'tokens after', number: true }, { header: 'reduction', number: true }, { header: 'compress', number: true },
      { header: 'blocks changed', number: true }, { header: 'markers', number: true },
    ], requests.map(function (r) {
      return [r[2], count(r[3]), count(r[4]), count(r[5]), r[4] > 0 ? pct(1 - r[5] / r[4]) : '\u2014', ms(r[6]), r[7], r[8]];
    }), function (index) { showBlocks(trace, requests[index][2]); }));
    panel.appendChild(el('div', { id: 'blocks-panel' }));
    showBlocks(trace, null);
  }

  function showBlocks(trace, request) {
    state.request = request;
    var panel = document.getElementById('blocks-panel');
    panel.textContent = '';
    var blocks = blocksOf(trace, state.config).filter(function (b) { return request === null || b[2] === request; });
    panel.appendChild(el('h4', { text: request === null ? 'Blocks (every request; pick a request above to narrow)' : 'Blocks first sent in request ' + request }));
    panel.appendChild(table('blocks-table', [
      { header: 'request', number: true }, { header: 'path' }, { header: 'tool' }, { header: 'command' }, { header: 'kind' },
      { header: 'compressor' }, { header: 'outcome' }, { header: 'tokens before', number: true }, { header: 'tokens after', number: true },
      { header: 'markers', number: true }, { header: 'compress', number: true },
    ], blocks.map(function (b) {
      return [b[2], b[4], b[5], b[6], b[7], b[8], b[9] + (b[13] ? ' (lossy)' : ''), count(b[11]), count(b[12]), b[14], ms(b[15])];
    }), function (index) { showBlock(trace, blocks[index]); }));
    panel.appendChild(el('div', { id: 'block-view' }));
  }

  function textNode(shown) {
    var pre = el('pre', { class: 'text' });
    if (!shown) { pre.textContent = '(text not kept in this report)'; return pre; }
    appendMarked(pre, shown.head);
    if (shown.omitted > 0) {
      pre.appendChild(el('span', { class: 'omitted', text: '\n\u2026 ' + count(shown.omitted) + ' characters not kept in the report (the trace file holds them) \u2026\n' }));
      appendMarked(pre, shown.tail);
    }
    return pre;
  }
  function appendMarked(pre, text) {
    var marker = /\[\[terse:[0-9a-f]{16}[^\]]*\]\]/g;
    var last = 0, match;
    while ((match = marker.exec(text)) !== null) {
      pre.appendChild(document.createTextNode(text.slice(last, match.index)));
      pre.appendChild(el('mark', { class: 'marker', text: match[0] }));
      last = match.index + match[0].length;
    }
    pre.appendChild(document.createTextNode(text.slice(last)));
  }

  function showBlock(trace, b) {
    var view = document.getElementById('block-view');
    view.textContent = 'loading the block texts\u2026';
    loadTexts(trace, function () {
      var texts = textsByTrace[trace] || { before: {}, after: {} };
      var before = texts.before[b[2] + '|' + b[4]];
      var after = b[9] === 'compressed' ? texts.after[configName(b[1]) + '|' + b[2] + '|' + b[4]] : before;
      view.textContent = '';
      var facts = [
        ['config', configName(b[1])], ['request', b[2]], ['path', b[4]], ['tool', b[5]], ['command', b[6]], ['kind', b[7]],
        ['compressor', b[8]], ['outcome', b[9]], ['reason', b[10]], ['tokens', count(b[11]) + ' \u2192 ' + count(b[12])],
        ['lossy', b[13] ? 'yes' : 'no'], ['markers', b[14]], ['compress time', ms(b[15])],
      ];
      view.appendChild(el('dl', { class: 'facts' }, facts.reduce(function (nodes, f) {
        nodes.push(el('dt', { text: f[0] }));
        nodes.push(el('dd', { text: f[1] === null || f[1] === undefined ? '\u2014' : String(f[1]) }));
        return nodes;
      }, [])));
      if (texts.missing) view.appendChild(el('p', { class: 'note', text: 'The block texts of this trace are in ' + data.traces[trace].texts + ' beside report.html, which could not be loaded.' }));
      view.appendChild(el('div', { class: 'side-by-side' }, [
        el('section', null, [el('h5', { text: 'before' }), textNode(before)]),
        el('section', null, [el('h5', { text: b[9] === 'compressed' ? 'after (as sent)' : 'after (sent unchanged)' }), textNode(after)]),
      ]));
      view.scrollIntoView({ block: 'nearest' });
    });
  }

  if (explorer) {
    var traces = data.traces.map(function (t, i) {
      var pairs = data.pairs.filter(function (p) { return p.trace === t.id; });
      var best = pairs.reduce(function (m, p) { return Math.max(m, p.reduction); }, 0);
      return [t.id, t.suite, t.workload, t.requests, data.blocks.filter(function (b) { return b[0] === i; }).length, pct(best), t.texts ? 'yes' : 'no'];
    });
    explorer.appendChild(table('traces-table', [
      { header: 'trace' }, { header: 'suite' }, { header: 'workload' }, { header: 'requests', number: true },
      { header: 'block rows', number: true }, { header: 'best reduction', number: true }, { header: 'texts' },
    ], traces, showTrace));
    if (data.texts_left_out > 0) explorer.appendChild(el('p', { class: 'note', text: count(data.texts_left_out) + ' blocks have no texts here: the report keeps at most its budget of block text.' }));
    explorer.appendChild(el('div', { id: 'trace-panel' }));
  }

  // Comparison of two runs, when the page is served as one.
  var compareNode = document.getElementById('comparison');
  if (compareNode && comparison) {
    compareNode.hidden = false;
    var points = function (d) { return (d >= 0 ? '+' : '') + (d * 100).toFixed(2) + ' pt'; };
    var stat = function (label, s) {
      return [label, s.n, points(s.mean_delta), s.ci95 ? points(s.ci95.low) + ' .. ' + points(s.ci95.high) : '\u2014', s.improved + ' / ' + s.worsened + ' / ' + s.unchanged];
    };
    compareNode.appendChild(el('p', { text: 'a (baseline) = ' + comparison.a + ', b = ' + comparison.b + '. Pairs only in a: ' + comparison.only_in_a.length + ', only in b: ' + comparison.only_in_b.length + '.' }));
    compareNode.appendChild(table('comparison-configs', [
      { header: 'config' }, { header: 'pairs', number: true }, { header: 'mean change (b - a)', number: true }, { header: '95% interval' }, { header: 'improved / worsened / same' },
    ], comparison.by_config.map(function (s) { return stat(s.config, s); }).concat([stat('all', comparison.overall)])));
    compareNode.appendChild(table('comparison-pairs', [
      { header: 'suite' }, { header: 'trace' }, { header: 'config' }, { header: 'reduction a', number: true }, { header: 'reduction b', number: true }, { header: 'change', number: true },
    ], comparison.pairs.map(function (p) { return [p.suite, p.trace, p.config, pct(p.reduction_a), pct(p.reduction_b), points(p.delta)]; })));
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), enhance);
  document.body.dataset.ready = 'true';
})();
`;
