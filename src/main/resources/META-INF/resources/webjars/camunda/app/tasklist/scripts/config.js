// Election Prep: Persian first (right-to-left, Solar Hijri dates, Persian digits), English on request.
// The shared script and styles live in ../fa/ (see docs/persian-ui.md). The shortcuts are Camunda's own keys,
// described in Persian.
export default {
  app: {
    name: 'کارتابل',
    vendor: 'Camunda'
  },
  locales: {
    availableLocales: ['fa', 'en'],
    fallbackLocale: 'fa'
  },
  customScripts: ['../fa/election-prep'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'برداشتن کار انتخاب‌شده'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'رفتن به نخستین فیلتر فهرست'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'رفتن به نخستین کار فهرست'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'رفتن به نخستین فیلد فرم کار'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'باز کردن پنجره آغاز فرایند'
    }
  }
};
