// The readiness dashboard: reads /api/readiness and /api/readiness/blocking with the session of a user signed in to
// the webapps, or else with the name and password typed here (kept in this page's memory only, sent as HTTP basic),
// draws them, and refreshes every minute. The numbers are the API's, untouched.
(function () {
  'use strict';

  const REFRESH_MS = 60000;
  const number = new Intl.NumberFormat('fa-IR');
  const percent = new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 0 });
  const jalaliDay = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const jalaliShort = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric' });
  const jalaliTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  // The stages in the order a station goes through them, the setbacks after them.
  const STAGES = [
    ['PROPOSED', 'شناسایی‌شده', '#9e9e9e'],
    ['VERIFIED', 'بازدید و تأیید', '#64b5f6'],
    ['FINALIZED', 'نهایی در بانک', '#1e88e5'],
    ['CONNECTED', 'ارتباط برقرار', '#26a69a'],
    ['TRAINED', 'آموزش و مانور', '#7cb342'],
    ['READY', 'آماده', '#2e7d32'],
    ['RELOCATION_PENDING', 'در انتظار جابجایی', '#ffb300'],
    ['AT_RISK', 'در معرض خطر', '#fb8c00'],
    ['PAPER_FALLBACK', 'رأی‌گیری کاغذی', '#8d6e63'],
    ['REJECTED', 'ردشده', '#e53935']
  ];
  const ROLES = { governor: 'فرماندار', deputy: 'معاون سیاسی', 'district-head': 'بخشدار' };
  const LINK_RESULTS = { OK: 'سالم', DEGRADED: 'ناپایدار', DOWN: 'قطع' };

  let credentials = null;
  let data = null;
  let selected = null;
  let stagesChart = null;
  let districtChart = null;

  const $ = (id) => document.getElementById(id);

  function day(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y, m - 1, d);
  }

  function ratio(part, whole) {
    return whole > 0 ? percent.format(part / whole) : '—';
  }

  function cell(text, attrs) {
    const td = document.createElement('td');
    td.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => td.setAttribute(k, v));
    return td;
  }

  function link(href, text) {
    const td = document.createElement('td');
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    }
    return td;
  }

  async function getJson(path) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (credentials) {
      headers.Authorization = 'Basic ' + credentials;
    }
    const response = await fetch(path, { credentials: 'same-origin', headers });
    if (response.status === 403) {
      return null;
    }
    if (response.status === 401) {
      const error = new Error('unauthenticated');
      error.status = 401;
      throw error;
    }
    if (!response.ok) {
      throw new Error(path + ': ' + response.status);
    }
    return response.json();
  }

  async function load() {
    try {
      const [readiness, blocking] = await Promise.all([getJson('/api/readiness'), getJson('/api/readiness/blocking')]);
      data = readiness;
      $('login').hidden = true;
      $('board').hidden = false;
      render(readiness);
      $('blockingPanel').hidden = blocking === null;
      if (blocking) {
        renderBlocking(blocking);
      }
      $('refreshed').textContent = 'به‌روز: ' + jalaliTime.format(new Date());
    } catch (e) {
      if (e.status === 401) {
        $('board').hidden = true;
        $('login').hidden = false;
        $('scope').textContent = 'برای دیدن آمادگی شهرستان‌ها وارد شوید.';
      } else {
        $('refreshed').textContent = 'خطا در به‌روزرسانی؛ دوباره تلاش می‌شود';
      }
    }
  }

  function orDash(n) {
    return n == null ? '—' : number.format(n);
  }

  function totals(counties) {
    const sum = (field) => counties.reduce((s, c) => s + (c[field] || 0), 0);
    return {
      stations: sum('stations'), ready: sum('ready'), primaryLinkOk: sum('primaryLinkOk'),
      backupLinks: sum('backupLinks'), backupLinkOk: sum('backupLinkOk'), atRisk: sum('atRisk'),
      fallbackBackup: sum('fallbackBackup'), fallbackPaper: sum('fallbackPaper'),
      // A district head's figures leave the county's officials out: shown as not given, not as zero.
      officials: counties.every((c) => c.officials == null) ? null : sum('officials'),
      officialsTrained: counties.every((c) => c.officialsTrained == null) ? null : sum('officialsTrained'),
      drillsHeld: sum('drillsHeld'), drillsPassed: sum('drillsPassed')
    };
  }

  function render(readiness) {
    const counties = readiness.counties;
    $('scope').textContent = counties.length === 1 ? 'شهرستان ' + counties[0].name
      : number.format(counties.length) + ' شهرستان';
    renderCountdown(counties);
    renderCards(totals(counties));
    renderStages(counties);
    renderTable(counties);
    const again = selected && counties.find((c) => c.county === selected);
    if (again) {
      renderDetail(again);
    } else if (counties.length === 1) {
      renderDetail(counties[0]);
    }
  }

  function renderCountdown(counties) {
    const next = counties.filter((c) => c.electionDate).sort((a, b) => a.electionDate.localeCompare(b.electionDate))[0];
    if (!next) {
      $('countdown').hidden = true;
      return;
    }
    $('daysToElection').textContent = number.format(next.daysToElection);
    $('electionDay').textContent = jalaliDay.format(day(next.electionDate));
    $('countdown').hidden = false;
  }

  function renderCards(t) {
    const cards = [
      ['stations', 'شعب', number.format(t.stations), ''],
      ['ready', 'آماده', number.format(t.ready), ratio(t.ready, t.stations)],
      ['primaryLinkOk', 'ارتباط اصلی سالم', number.format(t.primaryLinkOk), ratio(t.primaryLinkOk, t.stations)],
      ['backupLinkOk', 'ارتباط پشتیبان سالم', number.format(t.backupLinkOk), 'از ' + number.format(t.backupLinks) + ' پشتیبان'],
      ['atRisk', 'در معرض خطر', number.format(t.atRisk), ''],
      ['fallbacks', 'جایگزین مصوب', number.format(t.fallbackBackup + t.fallbackPaper),
        'پشتیبان ' + number.format(t.fallbackBackup) + ' · کاغذی ' + number.format(t.fallbackPaper)],
      ['officialsTrained', 'مسئولان آموزش‌دیده', orDash(t.officialsTrained), 'از ' + orDash(t.officials)],
      ['drills', 'قبولی مانور', ratio(t.drillsPassed, t.drillsHeld),
        number.format(t.drillsPassed) + ' از ' + number.format(t.drillsHeld) + ' شعبه']
    ];
    const container = $('cards');
    container.replaceChildren(...cards.map(([key, label, value, note]) => {
      const card = document.createElement('div');
      card.className = 'card' + (key === 'atRisk' && t.atRisk > 0 ? ' alert' : '');
      card.dataset.card = key;
      card.innerHTML = '<span class="label"></span><span class="value"></span><span class="note"></span>';
      card.querySelector('.label').textContent = label;
      card.querySelector('.value').textContent = value;
      card.querySelector('.note').textContent = note;
      return card;
    }));
  }

  function stageDatasets(items) {
    return STAGES.map(([status, label, color]) => ({
      label, backgroundColor: color, data: items.map((f) => f.byStatus[status] || 0)
    }));
  }

  function chartOptions(onClick) {
    return {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      locale: 'fa-IR',
      // Right to left: bars grow from the right, county names on the right.
      scales: { x: { stacked: true, reverse: true, ticks: { precision: 0 } }, y: { stacked: true, position: 'right' } },
      plugins: { legend: { position: 'bottom', rtl: true }, tooltip: { rtl: true } },
      onClick
    };
  }

  function renderStages(counties) {
    const labels = counties.map((c) => c.name);
    if (stagesChart) {
      stagesChart.data.labels = labels;
      stagesChart.data.datasets = stageDatasets(counties);
      stagesChart.update();
      return;
    }
    Chart.defaults.font.family = "'Vazirmatn UI FD', Tahoma, sans-serif";
    Chart.defaults.font.size = 14;
    stagesChart = new Chart($('stagesChart'), {
      type: 'bar',
      data: { labels, datasets: stageDatasets(counties) },
      options: chartOptions((event, elements) => {
        if (elements.length > 0) {
          openDetail(data.counties[elements[0].index]);
        }
      })
    });
  }

  function nextMilestone(county) {
    // A milestone falls due at the midnight that starts its day: on that day it has passed.
    const upcoming = (county.milestones || []).filter((m) => m.daysLeft > 0).sort((a, b) => a.daysLeft - b.daysLeft);
    return upcoming.length ? upcoming[0].name + ' (' + number.format(upcoming[0].daysLeft) + ' روز)' : '—';
  }

  function renderTable(counties) {
    const body = $('countyTable').querySelector('tbody');
    body.replaceChildren(...counties.map((c) => {
      const tr = document.createElement('tr');
      tr.dataset.county = c.county;
      const name = cell(c.name);
      name.className = 'name';
      tr.append(
        name,
        cell(number.format(c.stations), { 'data-field': 'stations' }),
        cell(number.format(c.ready), { 'data-field': 'ready' }),
        cell(number.format(c.primaryLinkOk), { 'data-field': 'primaryLinkOk' }),
        cell(number.format(c.backupLinkOk), { 'data-field': 'backupLinkOk' }),
        cell(number.format(c.atRisk), { 'data-field': 'atRisk' }),
        cell(number.format(c.fallbackBackup) + ' / ' + number.format(c.fallbackPaper), { 'data-field': 'fallbacks' }),
        cell(orDash(c.officialsTrained) + ' از ' + orDash(c.officials), { 'data-field': 'officialsTrained' }),
        cell(ratio(c.drillsPassed, c.drillsHeld), { 'data-field': 'drills' }),
        cell(nextMilestone(c)));
      if (c.atRisk > 0) {
        tr.classList.add('risk');
      }
      tr.addEventListener('click', () => openDetail(c));
      return tr;
    }));
  }

  function renderDetail(county) {
    selected = county.county;
    $('detail').hidden = false;
    $('detailTitle').textContent = 'شهرستان ' + county.name + ' به تفکیک بخش';
    const districts = county.districts || [];
    const labels = districts.map((d) => d.name || d.district || 'بدون بخش');
    if (districtChart) {
      districtChart.data.labels = labels;
      districtChart.data.datasets = stageDatasets(districts);
      districtChart.update();
    } else {
      districtChart = new Chart($('districtChart'), {
        type: 'bar', data: { labels, datasets: stageDatasets(districts) }, options: chartOptions(null)
      });
    }
    $('milestoneTable').querySelector('tbody').replaceChildren(...(county.milestones || []).map((m) => {
      const tr = document.createElement('tr');
      tr.className = m.daysLeft <= 0 ? 'past' : m.daysLeft <= 7 ? 'soon' : '';
      tr.append(cell(m.name), cell(jalaliShort.format(day(m.due))),
        cell(m.daysLeft <= 0 ? 'گذشته' : number.format(m.daysLeft)));
      return tr;
    }));
    if (!county.milestones) {
      const tr = document.createElement('tr');
      tr.append(cell('این شهرستان هنوز در منطقه‌ای با تاریخ انتخابات نیست', { colspan: 3 }));
      $('milestoneTable').querySelector('tbody').replaceChildren(tr);
    }
    $('roleTable').querySelector('tbody').replaceChildren(...Object.entries(county.officialsByRole || {}).map(([role, c]) => {
      const tr = document.createElement('tr');
      tr.append(cell(ROLES[role] || role), cell(number.format(c.trained)), cell(number.format(c.officials)));
      return tr;
    }));
  }

  function openDetail(county) {
    renderDetail(county);
    $('detail').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  function countyName(code) {
    const county = data && data.counties.find((c) => c.county === code);
    return county ? county.name : code;
  }

  function renderBlocking(blocking) {
    $('linksDownCount').textContent = '(' + number.format(blocking.linksDown.total) + ')';
    $('overdueCount').textContent = '(' + number.format(blocking.overdueTasks.total) + ')';
    $('incidentCount').textContent = '(' + number.format(blocking.incidents.total) + ')';
    fill('linksDown', blocking.linksDown.items, (r) => [cell(r.name + ' ' + r.station), cell(countyName(r.county)),
      cell(r.circuit), cell(jalaliTime.format(new Date(r.testedAt)) + ' — ' + (LINK_RESULTS[r.result] || r.result)), link(r.link, 'رفع مشکل')]);
    fill('overdue', blocking.overdueTasks.items, (r) => [cell(r.name), cell(countyName(r.county)),
      cell(r.businessKey || ''), cell(jalaliShort.format(new Date(r.due))), link(r.link, 'باز کردن')]);
    fill('incidents', blocking.incidents.items, (r) => [cell(r.businessKey || r.activity), cell(countyName(r.county)),
      cell(r.message || r.activity || ''), cell(jalaliTime.format(new Date(r.since))), link(r.link, 'در پایش')]);
  }

  function fill(tableId, items, columns) {
    const body = $(tableId).querySelector('tbody');
    if (items.length === 0) {
      const tr = document.createElement('tr');
      tr.append(cell('موردی نیست', { colspan: 5, class: 'none' }));
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...items.map((item) => {
      const tr = document.createElement('tr');
      tr.append(...columns(item));
      return tr;
    }));
  }

  async function login(event) {
    event.preventDefault();
    const form = event.target;
    $('loginError').textContent = '';
    const bytes = new TextEncoder().encode(form.username.value + ':' + form.password.value);
    credentials = btoa(String.fromCharCode(...bytes));
    form.password.value = '';
    await load();
    if (!$('login').hidden) {
      credentials = null;
      $('loginError').textContent = 'نام کاربری یا گذرواژه درست نیست.';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('loginForm').addEventListener('submit', login);
    load();
    setInterval(() => {
      if (!$('board').hidden) {
        load();
      }
    }, REFRESH_MS);
  });
}());
