// The inbox list's bulk form: ticking an item of one kind (approvals, or documents to file "for
// information") greys out the items of the other kind and picks the matching action; the button
// counts the ticked items. Without this script the form still works: the server refuses, item by
// item, what does not fit the chosen action.
(function () {
  'use strict';
  function update(form) {
    var boxes = form.querySelectorAll('input[type=checkbox][name=taskIds]');
    var kind = null;
    var count = 0;
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) {
        kind = box.getAttribute('data-kind');
        count++;
      }
    });
    Array.prototype.forEach.call(boxes, function (box) {
      box.disabled = kind !== null && box.getAttribute('data-kind') !== kind;
    });
    if (kind !== null) {
      var radio = form.querySelector('input[name=action][value=' + kind + ']');
      if (radio) {
        radio.checked = true;
      }
    }
    var counter = document.getElementById('bulk-count');
    if (counter) {
      counter.textContent = count > 0 ? '(' + count + ')' : '';
    }
    var submit = document.getElementById('bulk-submit');
    if (submit) {
      submit.disabled = count === 0;
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('bulk');
    if (form) {
      update(form);
      form.addEventListener('change', function () { update(form); });
    }
  });
}());
