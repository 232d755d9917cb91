// Simpul dashboard: reads the reporting API (docs/reporting.md), renders the figures, and re-reads the current view
// whenever the live stream announces new figures. Every figure element carries its raw value in data-value, so
// tests and assistive tools need not parse numbers formatted for a locale.
(() => {
  'use strict';

  const MESSAGES = window.SIMPUL_MESSAGES;
  const LANGUAGES = ['id', 'en'];
  const LANGUAGE_KEY = 'simpul.dashboard.language';
  const KIM_STATUSES = ['CANDIDATE', 'SUBMITTED', 'VERIFIED', 'ACTIVE', 'DORMANT', 'REJECTED', 'DISSOLVED'];
  const KIM_STATUS_COLOURS = {
    CANDIDATE: '#9aa5b1', SUBMITTED: '#d99a1e', VERIFIED: '#3b7dd8', ACTIVE: '#0d7a64',
    DORMANT: '#6b7a89', REJECTED: '#c0392b', DISSOLVED: '#3d4650'
  };
  const TRAINING_STATUSES = ['DRAFT', 'SCHEDULED', 'COMPLETED', 'CANCELLED'];
  const TRAINING_STATUS_COLOURS = { DRAFT: '#9aa5b1', SCHEDULED: '#3b7dd8', COMPLETED: '#0d7a64', CANCELLED: '#c0392b' };
  const FUNNEL_STAGES = ['eligible', 'enrolled', 'attended', 'reported'];
  const PROGRESS_MEASURES = ['trainingsPlanned', 'trainingsCompleted', 'kimsTrained', 'outputs', 'peopleReached'];
  const TIME_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
  // A viewer in Indonesia reads the zone by its Indonesian name; elsewhere the browser names it (UTC, CET, GMT+10…).
  const INDONESIAN_ZONE_NAMES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
  /** The columns of the region table after the name: how each reads a child region's figure. */
  const REGION_COLUMNS = [
    { key: 'kims', value: c => get(c, 'kims.total') },
    { key: 'active', value: c => get(c, 'kims.active') },
    { key: 'districts', value: c => get(c, 'coverage.districts.share'), kind: 'percent' },
    { key: 'villages', value: c => get(c, 'coverage.villages.share'), kind: 'percent' },
    { key: 'trainings', value: c => count(c.trainings) },
    { key: 'enrolled', value: c => get(c, 'participants.enrolled') },
    { key: 'attended', value: c => get(c, 'participants.attended') },
    { key: 'outputs', value: c => get(c, 'outputs.count') },
    { key: 'reach', value: c => get(c, 'outputs.reach') },
    { key: 'index', value: c => number(c.indexAverage), kind: 'decimal' }
  ];
  const MAP_URL = 'maps/indonesia-38-provinces.geojson';
  const MAP_NAME = 'indonesia-provinces';
  // The boundary file numbers the six Papua provinces by their former province and a letter; the region dataset
  // (Kepmendagri 300.2.2-2138/2025) gives each its own code. The others carry the dataset's code already.
  const MAP_CODES = { '91-A': '91', '91-B': '95', '91-C': '93', '91-D': '94', '92-A': '92', '92-B': '96' };
  const MAP_METRICS = ['kims', 'active', 'villages', 'districts', 'trainings', 'outputs'];
  // When the stream cannot be opened at all, try again (and re-read the figures) after this long.
  const STREAM_RETRY_MS = 5000;
  const BRAND = '#0b4a82';
  const ACCENT = '#0d7a64';
  const TARGET_GREY = '#b8c2cc';

  const api = {
    summary: '/api/dashboard/summary',
    region: code => '/api/dashboard/regions/' + encodeURIComponent(code),
    programmes: '/api/dashboard/programmes',
    programme: id => '/api/dashboard/programmes/' + encodeURIComponent(id),
    stream: '/api/dashboard/stream',
    regionsCsv: parent => '/api/exports/regions.csv' + (parent ? '?parent=' + encodeURIComponent(parent) : ''),
    outputsCsv: id => '/api/exports/programmes/' + encodeURIComponent(id) + '/outputs.csv'
  };

  const state = {
    language: storedLanguage(),
    route: parseRoute(),
    region: null,
    programmes: null,
    programme: null,
    live: 'connecting',
    map: 'loading', // the province boundaries: loading, ready or failed
    mapMetric: 'kims',
    sort: { key: null, direction: null } // the region table: in the API's (code) order until a heading is chosen
  };
  const charts = {};

  // ---------- words and numbers ----------

  function storedLanguage() {
    try {
      const stored = localStorage.getItem(LANGUAGE_KEY);
      return LANGUAGES.includes(stored) ? stored : 'id';
    } catch (e) {
      return 'id'; // storage may be disabled; Bahasa Indonesia is the default anyway
    }
  }

  function t(key) {
    const own = MESSAGES[state.language][key];
    return own !== undefined ? own : (MESSAGES.id[key] !== undefined ? MESSAGES.id[key] : key);
  }

  /** A code from the API (status, theme, level…) in the current language, or made readable when not translated. */
  function label(group, code) {
    if (code === null || code === undefined) return '–';
    const key = group + '.' + code;
    const own = MESSAGES[state.language][key];
    if (own !== undefined) return own;
    const text = String(code).replace(/_/g, ' ').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function locale() {
    return t('locale');
  }

  function number(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  function format(value, kind) {
    const v = number(value);
    if (v === null) return '–';
    switch (kind) {
      case 'percent':
        // Coverage of thousands of villages is often a small share: keep two significant digits rather than "0%".
        return new Intl.NumberFormat(locale(), v > 0 && v < 0.01
          ? { style: 'percent', maximumSignificantDigits: 2 }
          : { style: 'percent', maximumFractionDigits: 1 }).format(v);
      case 'decimal':
        return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
      default:
        return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(v);
    }
  }

  function formatInstant(iso, timeZone) {
    if (!iso) return '–';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    const options = { dateStyle: 'medium', timeStyle: 'short' };
    if (timeZone) options.timeZone = timeZone;
    return new Intl.DateTimeFormat(locale(), options).format(date);
  }

  /** When the figures were computed, in the viewer's time with its zone (WIB, WITA, WIT, or as the browser names it). */
  function formatUpdated(iso) {
    const date = new Date(iso || '');
    if (Number.isNaN(date.getTime())) return formatInstant(iso);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const part = new Intl.DateTimeFormat(locale(), { timeZoneName: 'short' }).formatToParts(date)
      .find(p => p.type === 'timeZoneName');
    return formatInstant(iso) + ' ' + (INDONESIAN_ZONE_NAMES[zone] || (part ? part.value : zone));
  }

  function formatDate(isoDate) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
    if (!match) return isoDate ? String(isoDate) : '–';
    const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }

  /** Reads a nested field, or undefined when any step is missing. */
  function get(object, path) {
    return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), object);
  }

  /** A count that the API gives either as a number or as an object with a total. */
  function count(value) {
    return value !== null && typeof value === 'object' ? number(value.total) : number(value);
  }

  // ---------- DOM helpers ----------

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  /** Shows a figure formatted for the locale and keeps the raw value in data-value ("–" and no value when missing). */
  function showFigure(node, value, kind) {
    if (!node) return;
    const v = number(value);
    node.textContent = format(v, kind || node.dataset.format);
    if (v === null) node.removeAttribute('data-value');
    else node.dataset.value = String(v);
  }

  function setFigure(id, value) {
    showFigure(byId(id), value);
  }

  function figureCell(key, value, kind) {
    const cell = element('td', { class: 'num', 'data-key': key });
    showFigure(cell, value, kind);
    return cell;
  }

  function figureSpan(testId, value, kind) {
    const span = element('span', { class: 'figure', 'data-testid': testId });
    showFigure(span, value, kind);
    return span;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function showError(key) {
    const box = byId('error');
    if (!key) {
      box.hidden = true;
      box.textContent = '';
      return;
    }
    box.textContent = t(key);
    box.hidden = false;
  }

  // ---------- routes: #/, #/regions/{code}, #/programmes, #/programmes/{id} ----------

  function parseRoute() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'programmes') return { view: 'programmes', id: parts[1] || null };
    if (parts[0] === 'regions' && parts[1]) return { view: 'regions', code: parts[1] };
    return { view: 'regions', code: null };
  }

  function routeKey(route) {
    return route.view + ':' + (route.view === 'regions' ? route.code || '' : route.id || '');
  }

  function regionHref(code) {
    return code ? '#/regions/' + encodeURIComponent(code) : '#/';
  }

  /** Opens a region's figures: what following its link in the region table does, also from the map. */
  function drillInto(code) {
    location.hash = regionHref(code);
  }

  // ---------- loading ----------

  class HttpError extends Error {
    constructor(status, url) {
      super('HTTP ' + status + ' from ' + url);
      this.status = status;
    }
  }

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new HttpError(response.status, url);
    return response.json();
  }

  let loading = false;
  let loadAgain = false;

  /** Re-reads the current view; calls that arrive while a read runs are folded into one more read. */
  async function refresh() {
    if (loading) {
      loadAgain = true;
      return;
    }
    loading = true;
    try {
      await load(state.route);
    } finally {
      loading = false;
      if (loadAgain) {
        loadAgain = false;
        refresh();
      }
    }
  }

  async function load(route) {
    const key = routeKey(route);
    try {
      if (route.view === 'regions') {
        const region = await fetchJson(route.code ? api.region(route.code) : api.summary);
        if (key !== routeKey(state.route)) return;
        state.region = region;
      } else {
        const list = await fetchJson(api.programmes);
        const programmes = programmeList(list);
        const id = route.id || (programmes[0] && programmeOf(programmes[0]).id);
        const programme = id ? await fetchJson(api.programme(id)) : null;
        if (key !== routeKey(state.route)) return;
        state.programmes = programmes;
        state.programme = programme;
      }
      showError(null);
      render();
    } catch (error) {
      if (key !== routeKey(state.route)) return;
      console.error('Simpul dashboard: loading failed', error);
      showError(error instanceof HttpError && error.status === 404 ? 'error.notFound' : 'error.load');
    }
  }

  // ---------- rendering ----------

  function render() {
    const regions = state.route.view === 'regions';
    byId('view-regions').hidden = !regions;
    byId('view-programmes').hidden = regions;
    byId('tab-regions').toggleAttribute('aria-current', false);
    byId('tab-programmes').toggleAttribute('aria-current', false);
    byId(regions ? 'tab-regions' : 'tab-programmes').setAttribute('aria-current', 'page');
    if (regions) renderRegion(state.region);
    else renderProgrammes(state.programmes, state.programme);
  }

  function renderRegion(data) {
    if (!data) return;
    // The nation comes with a region without code; it is named in the page's language.
    const region = regionOf(data);
    const title = byId('region-title');
    title.textContent = region ? region.name || region.code : t('national');
    if (region && region.level) title.append(element('span', { class: 'level', text: label('level', region.level) }));
    renderBreadcrumb(region, Array.isArray(data.path) ? data.path : []);
    const updated = byId('updated-at');
    updated.textContent = formatUpdated(data.updatedAt);
    if (data.updatedAt) updated.setAttribute('datetime', data.updatedAt);

    setFigure('kims-total', get(data, 'kims.total'));
    setFigure('kims-active', get(data, 'kims.byStatus.ACTIVE'));
    setFigure('coverage-districts-share', get(data, 'coverage.districts.share'));
    setFigure('coverage-districts-covered', get(data, 'coverage.districts.covered'));
    setFigure('coverage-districts-total', get(data, 'coverage.districts.total'));
    setFigure('coverage-villages-share', get(data, 'coverage.villages.share'));
    setFigure('coverage-villages-covered', get(data, 'coverage.villages.covered'));
    setFigure('coverage-villages-total', get(data, 'coverage.villages.total'));
    setFigure('trainings-total', count(data.trainings));
    setFigure('trainings-completed', get(data, 'trainings.byStatus.COMPLETED'));
    setFigure('participants-enrolled', get(data, 'participants.enrolled'));
    setFigure('participants-attended', get(data, 'participants.attended'));
    setFigure('participants-attendance-rate', get(data, 'participants.attendanceRate'));
    setFigure('partners-engaged', get(data, 'partners.engaged'));
    setFigure('outputs-count', get(data, 'outputs.count'));
    setFigure('outputs-reach', get(data, 'outputs.reach'));
    setFigure('index-average', get(data, 'index.average'));

    renderStatusChart('chart-kims-status', t('chart.kimsByStatus'), 'kimStatus', KIM_STATUSES, KIM_STATUS_COLOURS,
      get(data, 'kims.byStatus'), t('series.kims'));
    renderFunnel('chart-funnel', data.funnel);
    renderStatusChart('chart-trainings-theme', t('chart.trainingsByTheme'), 'theme', null, null,
      get(data, 'trainings.byTheme'), t('series.trainings'));
    renderStatusChart('chart-trainings-status', t('chart.trainingsByStatus'), 'trainingStatus', TRAINING_STATUSES,
      TRAINING_STATUS_COLOURS, get(data, 'trainings.byStatus'), t('series.trainings'));

    const children = Array.isArray(data.children) ? data.children : [];
    renderMap(children, !region);
    renderRegionRows(children, region);
    renderAtThisLevel(data.atThisLevel, region);
  }

  function renderBreadcrumb(region, path) {
    const crumbs = region && region.code
      ? [{ code: null, name: t('national') }].concat(path.filter(p => p && p.code)) : [];
    const here = region && region.code ? region : { code: '', name: t('national') };
    byId('breadcrumb').replaceChildren(
      ...crumbs.map(crumb => element('li', {},
        element('a', { href: regionHref(crumb.code), 'data-code': crumb.code || '', text: crumb.name || crumb.code }))),
      element('li', {}, element('span', { 'aria-current': 'page', 'data-code': here.code, text: here.name || here.code })));
  }

  function renderRegionRows(children, region) {
    const rows = sortedRegions(children).map(child => {
      const r = child.region || {};
      const name = r.name || r.code || '–';
      const drillable = r.code && r.level !== 'VILLAGE';
      const nameCell = element('th', { scope: 'row' },
        drillable ? element('a', { href: regionHref(r.code), 'data-testid': 'region-link-' + r.code, text: name }) : name,
        element('span', { class: 'region-code', text: r.code || '' }));
      const quiet = number(get(child, 'kims.total')) === 0; // regions without KIMs recede, so the others stand out
      return element('tr', { 'data-code': r.code, 'data-testid': 'region-row-' + r.code, class: quiet ? 'quiet' : null },
        nameCell, ...REGION_COLUMNS.map(column => figureCell(column.key, column.value(child), column.kind)));
    });
    byId('regions-rows').replaceChildren(...rows);
    byId('regions-empty').hidden = rows.length > 0;
    const csv = byId('regions-csv');
    csv.hidden = rows.length === 0;
    csv.href = api.regionsCsv(region && region.code);
    renderSortHeadings();
  }

  /** The trainings held at the region itself, in none of the rows above: their own row, so the column adds up. */
  function renderAtThisLevel(atThisLevel, region) {
    const trainings = number(get(atThisLevel, 'trainings'));
    const foot = byId('regions-own');
    if (!trainings) {
      foot.replaceChildren();
      return;
    }
    foot.replaceChildren(element('tr', { 'data-testid': 'region-row-own' },
      element('th', { scope: 'row', text: t('own.' + (region ? region.level : 'COUNTRY')) }),
      ...REGION_COLUMNS.map(column => column.key === 'trainings' ? figureCell('trainings', trainings)
        : element('td', { class: 'num', 'data-key': column.key }))));
  }

  /** The child regions in the order chosen by a column heading; ties and missing figures keep the code order. */
  function sortedRegions(children) {
    const { key, direction } = state.sort;
    if (!key) return children;
    const sign = direction === 'descending' ? -1 : 1;
    const name = child => get(child, 'region.name') || get(child, 'region.code') || '';
    if (key === 'region') return children.slice().sort((a, b) => sign * name(a).localeCompare(name(b), locale()));
    const column = REGION_COLUMNS.find(c => c.key === key);
    return children.slice().sort((a, b) => {
      const x = number(column.value(a));
      const y = number(column.value(b));
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y);
    });
  }

  /** A heading chosen again turns the order round; a new one starts with the largest figure (names: A to Z). */
  function sortBy(key) {
    const again = state.sort.key === key;
    const direction = again ? (state.sort.direction === 'ascending' ? 'descending' : 'ascending')
      : (key === 'region' ? 'ascending' : 'descending');
    state.sort = { key, direction };
    if (state.region) renderRegionRows(Array.isArray(state.region.children) ? state.region.children : [], regionOf(state.region));
  }

  function renderSortHeadings() {
    document.querySelectorAll('#regions-table th[data-sort-key]').forEach(heading => {
      const active = heading.dataset.sortKey === state.sort.key;
      if (active) heading.setAttribute('aria-sort', state.sort.direction);
      else heading.removeAttribute('aria-sort');
      heading.querySelector('.sort-mark').textContent = active ? (state.sort.direction === 'ascending' ? ' ▲' : ' ▼') : '';
    });
  }

  /** The region of an answer, or null for the nation (which comes with a region without code). */
  function regionOf(data) {
    return data.region && data.region.code ? data.region : null;
  }

  // ---------- the province map ----------

  async function loadMap() {
    if (!window.echarts) {
      state.map = 'failed';
      render();
      return;
    }
    try {
      const geo = await fetchJson(MAP_URL);
      geo.features.forEach(feature => {
        const p = feature.properties;
        p.code = MAP_CODES[p.id] || p.KODE_PROV;
      });
      window.echarts.registerMap(MAP_NAME, geo);
      state.map = 'ready';
    } catch (error) {
      console.error('Simpul dashboard: the province boundaries could not be loaded', error);
      state.map = 'failed';
    }
    render();
  }

  /** The provinces coloured by the chosen figure; shown for the nation only (below it the table stands alone). */
  function renderMap(provinces, national) {
    byId('map-panel').hidden = !national;
    if (!national) return;
    const select = byId('map-metric');
    if (select.dataset.language !== state.language) { // rebuilt only when the words change, not on every update
      select.replaceChildren(...MAP_METRICS.map(key => element('option', { value: key, text: t('map.metric.' + key) })));
      select.dataset.language = state.language;
    }
    select.value = state.mapMetric;
    const metric = t('map.metric.' + state.mapMetric);
    const node = byId('chart-map');
    node.setAttribute('aria-label', t('map.label').replace('{metric}', metric));
    if (state.map === 'failed') {
      node.replaceChildren(element('p', { class: 'chart-message', text: t('map.unavailable') }));
      return;
    }
    if (state.map !== 'ready') return;
    const firstDrawing = !charts['chart-map'];
    const chart = chartFor('chart-map');
    if (!chart) return;
    if (firstDrawing) chart.on('click', params => params.data && params.data.name && drillInto(params.data.name));
    const column = REGION_COLUMNS.find(c => c.key === state.mapMetric);
    const data = provinces.filter(p => get(p, 'region.code')).map(p => ({
      name: p.region.code, province: p.region.name || p.region.code, value: number(column.value(p))
    }));
    const top = Math.max(column.kind === 'percent' ? 0.01 : 1, ...data.map(d => d.value || 0));
    chart.setOption({
      animation: false,
      textStyle: chartText(),
      tooltip: {
        trigger: 'item',
        formatter: p => escapeHtml(p.data ? p.data.province : p.name) + '<br>' + escapeHtml(metric) + ': '
          + escapeHtml(format(p.value, column.kind))
      },
      visualMap: {
        type: 'continuous', min: 0, max: top, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 10,
        itemHeight: 140, text: [format(top, column.kind), format(0, column.kind)], textStyle: { color: '#17212b' },
        inRange: { color: ['#e3ebf4', '#0b4a82'] }
      },
      series: [{
        type: 'map', map: MAP_NAME, nameProperty: 'code', aspectScale: 1, selectedMode: false,
        top: 4, bottom: 36, left: 4, right: 4,
        itemStyle: { areaColor: '#eef1f5', borderColor: '#7d8b99', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2b705' } },
        data
      }]
    }, true);
  }

  function programmeList(list) {
    if (Array.isArray(list)) return list;
    if (list && Array.isArray(list.programmes)) return list.programmes;
    if (list && Array.isArray(list.items)) return list.items;
    return [];
  }

  /** A programme entry of the list or the detail: the documented {programme, progress} or a flat object. */
  function programmeOf(entry) {
    return (entry && entry.programme) || entry || {};
  }

  function renderProgrammes(programmes, detail) {
    programmes = programmes || [];
    const select = byId('programme-select');
    const selected = detail ? programmeOf(detail).id : null;
    select.replaceChildren(
      element('option', { value: '', text: t('programmes.choose'), disabled: true }),
      ...programmes.map(entry => {
        const p = programmeOf(entry);
        return element('option', { value: p.id, selected: p.id === selected, text: p.title || p.id });
      }));
    select.value = selected || '';
    select.hidden = programmes.length === 0;
    byId('programmes-empty').hidden = programmes.length > 0;
    renderOutputsVsTargets(programmes);
    renderProgramme(detail);
  }

  function renderOutputsVsTargets(programmes) {
    const names = programmes.map(entry => programmeOf(entry).title || programmeOf(entry).id);
    const actual = programmes.map(entry => number(get(entry, 'progress.outputs.actual')));
    const target = programmes.map(entry => number(get(entry, 'progress.outputs.target')));
    const node = byId('chart-outputs-targets');
    node.setAttribute('aria-label', t('chart.outputsVsTargets') + ': ' + names.map((name, i) =>
      name + ' ' + format(actual[i]) + ' / ' + format(target[i])).join('; '));
    // One row per programme, its full title beside it (wrapped, never cut): titles often differ only at the end.
    node.style.height = Math.max(160, 64 + programmes.length * 64) + 'px';
    const chart = chartFor('chart-outputs-targets');
    if (!chart) return;
    if (programmes.length === 0) {
      emptyChart(chart);
      return;
    }
    const labelWidth = Math.round(Math.max(110, Math.min(320, node.clientWidth * 0.4)));
    chart.setOption({
      animation: false,
      textStyle: chartText(),
      legend: { top: 0, data: [t('series.actual'), t('series.target')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => format(v) },
      // The labels get a column of their own: containLabel does not measure wrapped labels.
      grid: { left: labelWidth + 16, right: 48, top: 36, bottom: 28 },
      yAxis: { type: 'category', inverse: true, data: names, axisTick: { show: false },
        axisLabel: { interval: 0, width: labelWidth, overflow: 'break', lineHeight: 16, color: '#17212b', margin: 8 } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => format(v) } },
      series: [
        { name: t('series.actual'), type: 'bar', data: actual, itemStyle: { color: ACCENT }, barMaxWidth: 20,
          label: { show: true, position: 'right', formatter: p => format(p.value) } },
        { name: t('series.target'), type: 'bar', data: target, itemStyle: { color: TARGET_GREY }, barMaxWidth: 20,
          label: { show: true, position: 'right', formatter: p => format(p.value) } }
      ]
    }, true);
  }

  function renderProgramme(detail) {
    const article = byId('programme');
    article.hidden = !detail;
    if (!detail) return;
    const p = programmeOf(detail);
    byId('programme-title').textContent = p.title || p.id || '–';
    byId('programme-theme').textContent = label('theme', p.theme);
    const organiser = p.organiser || {};
    byId('programme-organiser').textContent = [organiser.level && label('organiser', organiser.level), organiser.name]
      .filter(Boolean).join(' — ') || '–';
    byId('programme-period').textContent = formatDate(p.periodStart) + ' – ' + formatDate(p.periodEnd);
    byId('programme-regions').textContent = (p.targetRegions || []).map(r => r.name || r.code).join(', ') || '–';
    byId('programme-csv').href = api.outputsCsv(p.id);

    byId('programme-progress').replaceChildren(...PROGRESS_MEASURES.map(measure => {
      const progress = get(detail, 'progress.' + measure) || {};
      const actual = number(progress.actual);
      const target = number(progress.target);
      const share = number(progress.share);
      const labelId = 'progress-label-' + measure;
      const figures = element('span', { class: 'figures' }, figureSpan('progress-' + measure + '-actual', actual), ' / ',
        target === null ? t('programme.noTarget') : figureSpan('progress-' + measure + '-target', target));
      const item = element('li', { 'data-testid': 'progress-' + measure },
        element('div', { class: 'progress-label' }, element('span', { id: labelId, text: t('progress.' + measure) }), figures));
      if (share !== null) {
        const percent = Math.max(0, Math.min(100, share * 100));
        item.append(element('div', {
          class: 'bar', role: 'progressbar', 'aria-labelledby': labelId, 'aria-valuemin': 0, 'aria-valuemax': 100,
          'aria-valuenow': Math.round(percent), 'aria-valuetext': format(share, 'percent')
        }, element('span', { style: 'width:' + percent + '%' })));
      }
      return item;
    }));

    setFigure('programme-participants-enrolled', get(detail, 'participants.enrolled'));
    setFigure('programme-participants-attended', get(detail, 'participants.attended'));
    setFigure('programme-participants-attendance-rate', get(detail, 'participants.attendanceRate'));
    setFigure('programme-partners-engaged', get(detail, 'partners.engaged'));
    setFigure('programme-outputs-count', get(detail, 'outputs.count'));
    setFigure('programme-outputs-reach', get(detail, 'outputs.reach'));
    renderFunnel('chart-programme-funnel', detail.funnel);

    const trainings = Array.isArray(detail.trainings) ? detail.trainings : [];
    byId('programme-trainings-rows').replaceChildren(...trainings.map(training => {
      // start: local time at the venue, its zone, offset and instant, as training-service gives it.
      const zone = get(training, 'start.timeZone');
      const start = formatInstant(get(training, 'start.instant'), TIME_ZONES[zone]) + (zone ? ' ' + zone : '');
      return element('tr', { 'data-id': training.id },
        element('th', { scope: 'row', text: training.title || '–' }),
        element('td', {}, element('span', { class: 'status', 'data-status': training.status,
          text: label('trainingStatus', training.status) })),
        element('td', { text: get(training, 'venue.name') || get(training, 'venue.code') || '–' }),
        element('td', { text: start }),
        figureCell('capacity', training.capacity),
        figureCell('enrolled', training.enrolled),
        figureCell('waitlisted', training.waitlisted),
        figureCell('attended', training.attended),
        figureCell('partners', training.partnersJoined));
    }));
    byId('programme-trainings-empty').hidden = trainings.length > 0;

    const regionRow = (entry, child) => {
      const r = entry.region || {};
      return element('tr', { class: child ? 'child' : null, 'data-code': r.code },
        element('th', { scope: 'row' }, r.name || r.code || '–', element('span', { class: 'region-code', text: r.code || '' })),
        figureCell('trainings', count(entry.trainings)),
        figureCell('kimsTrained', entry.kimsTrained),
        figureCell('outputs', count(entry.outputs)),
        figureCell('peopleReached', entry.peopleReached));
    };
    const byRegion = Array.isArray(detail.byRegion) ? detail.byRegion : [];
    byId('programme-regions-rows').replaceChildren(...byRegion.flatMap(entry =>
      [regionRow(entry, false)].concat((entry.children || []).map(child => regionRow(child, true)))));
    byId('programme-regions-empty').hidden = byRegion.length > 0;
  }

  // ---------- charts ----------

  function chartFor(id) {
    if (!window.echarts) {
      const node = byId(id);
      node.replaceChildren(element('p', { class: 'chart-message', text: t('chart.unavailable') }));
      return null;
    }
    if (!charts[id]) charts[id] = window.echarts.init(byId(id), null, { renderer: 'svg' });
    charts[id].resize(); // its container may have been hidden, or resized, since the last drawing
    return charts[id];
  }

  function chartText() {
    return { fontFamily: getComputedStyle(document.documentElement).fontFamily, color: '#17212b' };
  }

  function emptyChart(chart) {
    chart.setOption({
      title: { text: t('chart.empty'), left: 'center', top: 'middle', textStyle: { color: '#4d5b69', fontSize: 14, fontWeight: 'normal' } }
    }, true);
  }

  /** A horizontal bar per code: in the given order (all of them) or, without one, the codes present, largest first. */
  function renderStatusChart(id, title, group, order, colours, counts, seriesName) {
    const codes = order || Object.keys(counts || {}).sort((a, b) => (counts[b] || 0) - (counts[a] || 0));
    const values = codes.map(code => number(counts && counts[code]));
    byId(id).setAttribute('aria-label', title + ': ' + (counts
      ? codes.map((code, i) => label(group, code) + ' ' + format(values[i])).join(', ') : t('chart.empty')));
    const chart = chartFor(id);
    if (!chart) return;
    if (!counts || codes.length === 0) {
      emptyChart(chart);
      return;
    }
    const names = codes.map(code => label(group, code));
    chart.setOption({
      animation: false,
      textStyle: chartText(),
      tooltip: { trigger: 'item', valueFormatter: v => format(v) },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => format(v) } },
      yAxis: { type: 'category', inverse: true, data: names, axisTick: { show: false },
        axisLabel: { width: 140, overflow: 'break', lineHeight: 15 } },
      series: [{
        name: seriesName, type: 'bar', barMaxWidth: 22,
        data: values.map((value, i) => ({ value, itemStyle: { color: (colours && colours[codes[i]]) || BRAND } })),
        label: { show: true, position: 'right', formatter: p => format(p.value) }
      }]
    }, true);
  }

  function renderFunnel(id, funnel) {
    const values = FUNNEL_STAGES.map(stage => number(funnel && funnel[stage]));
    byId(id).setAttribute('aria-label', t('chart.funnel') + ': ' + (funnel
      ? FUNNEL_STAGES.map((stage, i) => t('funnel.' + stage) + ' ' + format(values[i])).join(', ') : t('chart.empty')));
    const chart = chartFor(id);
    if (!chart) return;
    if (!funnel) {
      emptyChart(chart);
      return;
    }
    const top = Math.max(1, ...values.map(v => v || 0));
    // Each stage after the first also shows its share of the eligible KIMs.
    const stageShare = i => (i > 0 && values[0] ? ' (' + format((values[i] || 0) / values[0], 'percent') + ')' : '');
    const shades = ['#0b4a82', '#2a6aa5', '#0d7a64', '#3f9c7f'];
    chart.setOption({
      animation: false,
      textStyle: chartText(),
      tooltip: { trigger: 'item', valueFormatter: v => format(v) },
      series: [{
        type: 'funnel', sort: 'none', min: 0, max: top, minSize: '6%', gap: 3,
        left: '4%', width: '52%', top: 8, bottom: 8,
        label: { position: 'right', color: '#17212b', lineHeight: 16,
          formatter: p => p.name + '\n' + format(p.value) + stageShare(p.dataIndex) },
        labelLine: { length: 12, lineStyle: { color: '#b8c2cc' } },
        // Labels in one column right of the funnel, so a wide first stage above a narrow second does not cover one.
        labelLayout: { x: '60%', align: 'left' },
        data: FUNNEL_STAGES.map((stage, i) => ({ name: t('funnel.' + stage), value: values[i] || 0, itemStyle: { color: shades[i] } }))
      }]
    }, true);
  }

  // ---------- language ----------

  function applyLanguage() {
    document.documentElement.lang = state.language;
    document.querySelectorAll('[data-i18n]').forEach(node => {
      node.textContent = t(node.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-aria]').forEach(node => {
      node.setAttribute('aria-label', t(node.dataset.i18nAria));
    });
    document.querySelectorAll('[data-i18n-title]').forEach(node => {
      node.setAttribute('title', t(node.dataset.i18nTitle));
    });
    byId('lang-toggle').setAttribute('lang', state.language === 'id' ? 'en' : 'id');
    setLive(state.live);
    render();
  }

  function switchLanguage() {
    state.language = state.language === 'id' ? 'en' : 'id';
    try {
      localStorage.setItem(LANGUAGE_KEY, state.language);
    } catch (e) {
      console.warn('Simpul dashboard: the language choice cannot be remembered', e);
    }
    applyLanguage();
  }

  // ---------- live stream ----------

  function setLive(status) {
    state.live = status;
    const live = byId('live');
    live.dataset.state = status;
    byId('live-text').textContent = t('live.' + status);
  }

  function connectStream() {
    if (!window.EventSource) {
      setLive('reconnecting');
      return;
    }
    const source = new EventSource(api.stream);
    let dropped = false;
    source.addEventListener('open', () => {
      setLive('live');
      if (dropped) refresh(); // figures may have changed while the stream was down
      dropped = false;
    });
    source.addEventListener('figures', () => refresh());
    source.addEventListener('error', () => {
      setLive('reconnecting');
      dropped = true;
      // The browser reconnects by itself unless the server refused the stream; then we retry, re-reading meanwhile.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(() => {
          refresh();
          connectStream();
        }, STREAM_RETRY_MS);
      }
    });
  }

  // ---------- start ----------

  function start() {
    byId('lang-toggle').addEventListener('click', switchLanguage);
    document.querySelectorAll('#regions-table th[data-sort-key] button').forEach(button =>
      button.addEventListener('click', () => sortBy(button.parentElement.dataset.sortKey)));
    byId('map-metric').addEventListener('change', event => {
      state.mapMetric = event.target.value;
      if (state.region) renderMap(Array.isArray(state.region.children) ? state.region.children : [], !regionOf(state.region));
    });
    byId('programme-select').addEventListener('change', event => {
      if (event.target.value) location.hash = '#/programmes/' + encodeURIComponent(event.target.value);
    });
    window.addEventListener('hashchange', () => {
      state.route = parseRoute();
      render();
      refresh();
    });
    let resizing = false;
    window.addEventListener('resize', () => {
      if (resizing) return;
      resizing = true;
      requestAnimationFrame(() => {
        resizing = false;
        Object.values(charts).forEach(chart => chart.resize());
      });
    });
    applyLanguage();
    refresh();
    loadMap();
    connectStream();
  }

  start();
})();
