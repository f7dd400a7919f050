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
  // khcn-workflow: the header and window title read "Sở KH&CN Tài khoản" instead of
  // "Camunda Welcome" (this app is where a person sees their profile and changes their password)
  app: {
    name: 'Tài khoản',
    vendor: 'Sở KH&CN'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
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
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // khcn-workflow: Vietnamese (locales/vi.json in this application) for every browser whose first
  // language is Vietnamese; English stays available and is the fallback for any missing label.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  // khcn-workflow: the application's home page instead of Camunda's documentation link
  links: [
    {
      label: 'Trang chủ',
      href: '/',
      description: 'Việc của bạn, văn bản đến, hộp việc lãnh đạo và nhiệm vụ khoa học, công nghệ'
    }
  ],
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // khcn-workflow: no "Welcome to Camunda" box pointing to Camunda's English welcome page
  disableWelcomeMessage: true
};
