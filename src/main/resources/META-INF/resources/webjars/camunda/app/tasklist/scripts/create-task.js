/*
 * khcn-workflow: "Tạo công việc" (a task outside any process) only for those who may create one.
 *
 * Tasklist offers the action to everyone and lets the engine refuse when it is used. The engine
 * grants CREATE on the Task resource to administrators only (identity/IdentityBootstrap), so this
 * asks the engine, for the person logged in, whether they hold it, and marks the page when they
 * do; styles/user-styles.css hides the action on every page not so marked. Without an answer
 * (logged out, error) the action stays hidden; the engine refuses the creation in any case.
 * Loaded by config.js (customScripts); exports no plugin.
 */
const angular = window.angular;

/** Resources.TASK of the engine's authorization API. */
const TASK_RESOURCE_TYPE = 7;
const MARK = 'khcn-may-create-task';

if (angular) {
  angular.module('ng').run([
    '$rootScope',
    '$injector',
    function($rootScope, $injector) {
      const page = document.documentElement;
      let asked = 0;
      // the class shows the action; the attribute says whether the engine has answered
      function allow(allowed, answered) {
        page.classList.toggle(MARK, allowed === true);
        if (answered) {
          page.setAttribute('data-khcn-create-task', allowed === true ? 'allowed' : 'refused');
        } else {
          page.removeAttribute('data-khcn-create-task');
        }
      }
      $rootScope.$watch('authentication', function(authentication) {
        const question = ++asked;
        allow(false, false);
        if (!authentication || !authentication.name || !$injector.has('Uri')) {
          return;
        }
        $injector.get('$http').get($injector.get('Uri').appUri(
          'engine://engine/:engine/authorization/check'), {params: {
          permissionName: 'CREATE',
          resourceName: 'Task',
          resourceType: TASK_RESOURCE_TYPE
        }}).then(function(response) {
          if (question === asked) {
            allow(response.data && response.data.authorized, true);
          }
        }, function() {
          if (question === asked) {
            allow(false, true);
          }
        });
      });
    }
  ]);
}
