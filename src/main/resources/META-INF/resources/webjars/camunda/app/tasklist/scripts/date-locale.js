/*
 * khcn-workflow: relative dates ("10 ngày tới") and long dates in the chosen language.
 *
 * Camunda loads the "dateLocales" of locales/<lang>.json into moment, but moment already knows
 * Vietnamese, so Camunda only updates that locale and never switches moment to it: Tasklist kept
 * writing "in 10 days" next to Vietnamese labels. This switches moment (through angular-moment,
 * which also redraws the dates already on screen) whenever the language of the app changes.
 * Camunda's locale loader also calls moment.updateLocale for every file it loads, and moment makes
 * the updated locale the global one: when the fallback en.json arrives after vi.json, moment is
 * back to English. So the language in use is applied again after every loaded locale file.
 * Loaded by config.js (customScripts); exports no plugin.
 */
const angular = window.angular;

if (angular) {
  angular.module('ng').run([
    '$rootScope',
    '$injector',
    function($rootScope, $injector) {
      function apply(language) {
        if (language && $injector.has('amMoment')) {
          $injector.get('amMoment').changeLocale(language);
        }
      }
      $rootScope.$on('$translateChangeSuccess', function(event, change) {
        apply(change && change.language);
      });
      $rootScope.$on('$translateLoadingEnd', function() {
        if ($injector.has('$translate')) {
          apply($injector.get('$translate').use());
        }
      });
      // the language may already be chosen before this script is loaded: apply it now too
      if ($injector.has('$translate')) {
        var translate = $injector.get('$translate');
        apply(translate.use() || translate.proposedLanguage());
      }
    }
  ]);
}
