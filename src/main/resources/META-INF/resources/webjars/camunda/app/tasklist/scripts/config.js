/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // khcn-workflow: the Department's name in the header and the window title
  app: {
    name: 'Tasklist',
    vendor: 'Sở KH&CN'
  },
  //
  // khcn-workflow: dates as dd/MM/yyyy (moment formats; relative dates such as "Hạn 10 ngày tới"
  // stay relative, these are their tooltips, the task's details and its history)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  //
  // khcn-workflow: Vietnamese (locales/vi.json in this application) for every browser whose first
  // language is Vietnamese; English stays available and is the fallback for any missing label.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  // khcn-workflow (each file says what it does and why):
  //   date-locale   moment follows the language, so due and creation dates read "10 ngày tới"
  //   camunda-forms form-js placeholders and validation messages in Vietnamese, dates dd/MM/yyyy
  //   urgency       the card's priority badge names the document's urgency (Thường … Hỏa tốc)
  //   create-task   "Tạo công việc" shown only to those the engine lets create tasks
  //   home-link     "Trang chủ" in the header, back to the application's home page
  customScripts: [
    'scripts/date-locale',
    'scripts/camunda-forms',
    'scripts/urgency',
    'scripts/create-task',
    'scripts/home-link'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // khcn-workflow: no "Welcome to Camunda" box pointing to Camunda's English welcome page on the
  // first visit
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển tới bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển tới ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại bắt đầu quy trình'
    }
  }
};
