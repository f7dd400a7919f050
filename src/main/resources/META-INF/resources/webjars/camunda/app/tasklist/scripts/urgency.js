/*
 * khcn-workflow: the priority badge of a Tasklist card names the document's urgency.
 *
 * A document's urgency (dispatch/Urgency, Decree 30/2020) is the priority of its tasks: Thường 50,
 * Khẩn 60, Thượng khẩn 70, Hỏa tốc 80 (Urgency.taskPriority()). Tasklist's card shows that number
 * as it is; this gives the badge's template the filter "khcnUrgency", which writes the urgency's
 * name for those four numbers and any other number unchanged (a research task keeps Camunda's 50,
 * "Thường"). Sorting by priority is untouched. Only the card's own badge template
 * ("{{ task.priority }}" inside class "priority") is changed. Loaded by config.js (customScripts);
 * exports no plugin.
 */
const angular = window.angular;

/** Urgency.taskPriority() → Urgency.label(); WebappCustomisationTest keeps the two in step. */
const URGENCY = {
  50: 'Thường',
  60: 'Khẩn',
  70: 'Thượng khẩn',
  80: 'Hỏa tốc'
};

const BADGE = /^\s*\{\{\s*task\.priority\s*\}\}\s*$/;

if (angular) {
  // in a config block: the module's own filter()/directive() would run before 'ng' has its
  // $compileProvider and $filterProvider
  angular.module('ng').config([
    '$compileProvider',
    '$filterProvider',
    function($compileProvider, $filterProvider) {
      $filterProvider.register('khcnUrgency', function() {
        return function(priority) {
          return Object.prototype.hasOwnProperty.call(URGENCY, priority)
            ? URGENCY[priority] : priority;
        };
      });
      $compileProvider.directive('priority', function() {
        return {
          restrict: 'C',
          compile: function(element) {
            // runs before the badge's text is compiled: the filter joins its binding
            if (BADGE.test(element.text())) {
              element.text('{{ task.priority | khcnUrgency }}');
              element.addClass('khcn-urgency');
            }
          }
        };
      });
    }
  ]);
}
