// Election Prep: Persian first (right-to-left, Solar Hijri dates, Persian digits), English on request.
// The shared script and styles live in ../fa/ (see docs/persian-ui.md).
export default {
  app: {
    name: 'مدیریت',
    vendor: 'Camunda'
  },
  locales: {
    availableLocales: ['fa', 'en'],
    fallbackLocale: 'fa'
  },
  customScripts: ['../fa/election-prep']
};
