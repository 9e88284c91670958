// Election Prep's Persian layer for Camunda's webapps (Tasklist, Cockpit, Admin, Welcome), loaded by each app's
// config.js as a custom script before the app starts.
//
// - Persian is the default whatever the browser's language; an official may switch to English (and back) with the
//   link in the corner, remembered in this browser.
// - Right-to-left layout and the Persian font (election-prep.css; its digits are Persian).
// - Dates: the Persian locale (locales/fa.json) prints them as YYYY-MM-DD[ HH:mm]; here they become Solar Hijri
//   dates, as the browser's own Persian calendar writes them.
// - Camunda Forms (form-js) has no Persian: its few fixed texts (validation messages, select placeholders) are
//   translated where they appear.

const STORAGE_KEY = 'electionPrep.language';
const language = window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fa';

// The webapps choose the browser's first language when they ship it, else their fallback (Persian).
try {
  Object.defineProperty(window.navigator, 'languages', { get: () => [language], configurable: true });
  Object.defineProperty(window.navigator, 'language', { get: () => language, configurable: true });
} catch (e) {
  // A browser that refuses still gets Persian through the fallback unless it asks for English.
}

const persian = language === 'fa';
document.documentElement.lang = language;
if (persian) {
  document.documentElement.dir = 'rtl';
}

const dateOnly = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric' });
const dateTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});
// Gregorian years only, so a Solar Hijri date (1405-...) is never converted twice; not inside a code such as
// AHV-2027-03-06 or a version such as 2025-10-07-SNAPSHOT.
const ISO_DATE = /(?<![\w-])((?:19|20|21)\d\d)-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?(?![\w-])/g;

export function toSolarHijri(text) {
  return text.replace(ISO_DATE, (match, y, mo, d, h, mi, zone) => {
    // An impossible day (2027-02-30) stays as written: a message about it must show what was typed.
    const calendarDay = new Date(Date.UTC(+y, +mo - 1, +d));
    if (calendarDay.getUTCFullYear() !== +y || calendarDay.getUTCMonth() !== +mo - 1 || calendarDay.getUTCDate() !== +d
        || (h && (+h > 23 || +mi > 59))) {
      return match;
    }
    const date = zone ? new Date(match.replace(' ', 'T'))
      : h ? new Date(+y, +mo - 1, +d, +h, +mi) : new Date(+y, +mo - 1, +d);
    if (Number.isNaN(date.getTime())) {
      return match;
    }
    return (h ? dateTime : dateOnly).format(date);
  });
}

const FORM_TEXTS = [
  [/^Field is required\.$/, 'پر کردن این فیلد الزامی است.'],
  [/^Field must have minimum length of (\d+)\.$/, 'دست‌کم $1 نویسه وارد کنید.'],
  [/^Field must have maximum length of (\d+)\.$/, 'بیش از $1 نویسه مجاز نیست.'],
  [/^Field must have minimum value of (.+)\.$/, 'مقدار باید دست‌کم $1 باشد.'],
  [/^Field must have maximum value of (.+)\.$/, 'مقدار نباید از $1 بیشتر باشد.'],
  [/^Field must be a valid email\.$/, 'نشانی ایمیل درست نیست.'],
  [/^Field must be a valid\s+international phone number.*$/, 'شماره تلفن درست نیست (با کد کشور، مثلاً ‎+98611...).'],
  [/^Field must match pattern .*$/, 'مقدار به شکل خواسته‌شده نیست.'],
  [/^Select$/, 'انتخاب کنید'],
  [/^Search$/, 'جستجو'],
  [/^No values$/, 'گزینه‌ای نیست'],
  [/^No results$/, 'چیزی یافت نشد']
];

function translateFormText(text) {
  const trimmed = text.trim();
  for (const [english, persianText] of FORM_TEXTS) {
    if (english.test(trimmed)) {
      return trimmed.replace(english, persianText);
    }
  }
  return null;
}

const SKIPPED = new Set(['INPUT', 'TEXTAREA', 'SCRIPT', 'STYLE', 'PRE', 'CODE']);

function rewriteText(node) {
  const parent = node.parentElement;
  if (!parent || SKIPPED.has(parent.tagName) || parent.isContentEditable) {
    return;
  }
  let text = node.nodeValue;
  if (parent.closest('[class^="fjs-"], [class*=" fjs-"]')) {
    const translated = translateFormText(text);
    if (translated !== null) {
      text = translated;
    }
  }
  text = toSolarHijri(text);
  if (text !== node.nodeValue) {
    node.nodeValue = text;
  }
}

function rewriteAttributes(element) {
  for (const name of ['title', 'placeholder', 'data-original-title', 'uib-tooltip']) {
    const value = element.getAttribute && element.getAttribute(name);
    if (!value) {
      continue;
    }
    let text = name === 'placeholder' && element.closest('[class^="fjs-"], [class*=" fjs-"]')
      ? (translateFormText(value) || value) : value;
    text = toSolarHijri(text);
    if (text !== value) {
      element.setAttribute(name, text);
    }
  }
}

function rewrite(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    rewriteText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || SKIPPED.has(root.tagName)) {
    return;
  }
  rewriteAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      rewriteText(node);
    } else {
      rewriteAttributes(node);
    }
  }
}

function addLanguageSwitch() {
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'ep-language-switch';
  link.lang = persian ? 'en' : 'fa';
  link.textContent = persian ? 'English' : 'فارسی';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, persian ? 'en' : 'fa');
    window.location.reload();
  });
  document.body.appendChild(link);
}

function start() {
  addLanguageSwitch();
  if (!persian) {
    return;
  }
  rewrite(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        rewriteText(mutation.target);
      } else if (mutation.type === 'attributes') {
        rewriteAttributes(mutation.target);
      } else {
        mutation.addedNodes.forEach(rewrite);
      }
    }
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['title', 'placeholder', 'data-original-title']
  });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

// A custom script may export plugins; this one adds none.
export default [];
