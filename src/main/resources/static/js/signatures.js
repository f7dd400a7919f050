// Digital signatures (issue 16) on the registration page: intake.js hands over the "signatures"
// of the extract answer and this lists them under the reading status, one line per signature:
// verdict, signer, organisation, signing time, reasons and what revocation checking said.
(function () {
  'use strict';

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return iso;
    }
    return two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear() + ' '
        + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function container() {
    var list = document.getElementById('intake-signatures');
    if (!list) {
      list = document.createElement('ul');
      list.id = 'intake-signatures';
      list.className = 'signatures';
      var status = document.getElementById('intake-status');
      status.insertAdjacentElement('afterend', list);
    }
    return list;
  }

  function show(signatures) {
    var list = container();
    list.textContent = '';
    (signatures || []).forEach(function (s) {
      var li = document.createElement('li');
      li.className = 'signature signature-' + String(s.status).toLowerCase();
      var verdict = document.createElement('strong');
      verdict.textContent = s.statusLabel;
      li.appendChild(verdict);
      var text = '';
      if (s.signer) {
        text += ': ' + s.signer + (s.organisation ? ' – ' + s.organisation : '');
      }
      if (s.signedAt) {
        text += ', ký lúc ' + when(s.signedAt);
      }
      if (s.issuer) {
        text += '. Cấp bởi: ' + s.issuer;
      }
      li.appendChild(document.createTextNode(text + '.'));
      (s.reasons || []).concat([s.revocation]).forEach(function (reason) {
        var note = document.createElement('div');
        note.className = 'muted';
        note.textContent = reason;
        li.appendChild(note);
      });
      list.appendChild(li);
    });
    list.hidden = list.children.length === 0;
  }

  window.khcnSignatures = {show: show};
}());
