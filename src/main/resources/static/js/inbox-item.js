// The direction form of an inbox item: the unit chosen to lead is not offered again as a
// co-ordinating or informed unit (its box is hidden and unticked). The server refuses the same
// choice on its own; without this script every unit stays shown.
(function () {
  'use strict';
  function update(lead) {
    ['coordinatingUnits', 'informedUnits'].forEach(function (name) {
      var boxes = document.querySelectorAll('input[type=checkbox][name=' + name + ']');
      Array.prototype.forEach.call(boxes, function (box) {
        var isLead = lead.value !== '' && box.value === lead.value;
        if (isLead) {
          box.checked = false;
        }
        box.disabled = isLead;
        box.closest('label').hidden = isLead;
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var lead = document.getElementById('leadUnit');
    if (lead) {
      update(lead);
      lead.addEventListener('change', function () { update(lead); });
    }
  });
}());
