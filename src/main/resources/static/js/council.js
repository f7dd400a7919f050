// The council desk's scoring form: the total of the criteria, live, next to the maximum.
// No inline script (CSP script-src 'self'); the server checks every score again.
(function () {
  'use strict';
  function update(form) {
    var total = 0;
    var inputs = form.querySelectorAll('input.score');
    for (var i = 0; i < inputs.length; i++) {
      var value = parseInt(inputs[i].value, 10);
      var max = parseInt(inputs[i].getAttribute('max'), 10);
      if (!isNaN(value)) {
        total += value;
      }
      inputs[i].classList.toggle('over', !isNaN(value) && (value < 0 || value > max));
    }
    var output = form.querySelector('output.score-total');
    if (output) {
      output.textContent = String(total);
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form.score-form');
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        form.addEventListener('input', function () { update(form); });
        update(form);
      })(forms[i]);
    }
  });
})();
