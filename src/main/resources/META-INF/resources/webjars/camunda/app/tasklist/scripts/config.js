// Election Prep: Persian first (right-to-left, Solar Hijri dates, Persian digits), English on request.
// The shared script and styles live in ../fa/ (see docs/persian-ui.md). The shortcuts are Camunda's own.
export default {
  locales: {
    availableLocales: ['fa', 'en'],
    fallbackLocale: 'fa'
  },
  customScripts: ['../fa/election-prep'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
