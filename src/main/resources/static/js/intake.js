// "Đọc từ tệp" on /documents/new: sends the chosen file to POST /api/incoming-documents/extract
// (session + CSRF header) and pre-fills the registration form. Each pre-filled field is marked as
// a proposal with its confidence until the clerk changes it. Fields the clerk already typed are
// not overwritten: the proposal is shown beside them instead.
(function () {
  'use strict';
  var section = document.getElementById('intake');
  var form = document.querySelector('form.register');
  if (!section || !form || !window.fetch || !window.FormData) {
    return;
  }
  section.hidden = false;
  var fileInput = document.getElementById('intake-file');
  var button = document.getElementById('intake-read');
  var status = document.getElementById('intake-status');
  var warnings = document.getElementById('intake-warnings');
  var itemsBox = document.getElementById('intake-items');
  var itemList = document.getElementById('intake-item-list');

  // What this page proposed (field -> value, confidence), sent with the registration so that the
  // registry can log which proposals the clerk kept (GET /api/intake/accuracy).
  var LOGGED = ['issuer', 'documentNumber', 'issuedOn', 'documentType', 'summary',
    'signerPosition', 'signerName', 'pageCount', 'urgency', 'classification', 'recipients'];
  var proposal = {source: null, fields: {}};
  if (section.dataset.proposal) {
    try {
      proposal = JSON.parse(section.dataset.proposal);
    } catch (ignored) {
      proposal = {source: null, fields: {}};
    }
  }

  function csrfToken() {
    var field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function percent(confidence) {
    return Math.round(confidence * 100) + '%';
  }

  function tagFor(input) {
    var id = 'proposal-' + input.id;
    var tag = document.getElementById(id);
    if (!tag) {
      tag = document.createElement('span');
      tag.id = id;
      tag.className = 'proposal';
      var label = form.querySelector('label[for="' + input.id + '"]');
      (label || input).insertAdjacentElement('afterend', tag);
    }
    return tag;
  }

  function propose(id, value, confidence) {
    var input = document.getElementById(id);
    if (!input || value === null || value === undefined || value === '') {
      return false;
    }
    var text = String(value);
    if (input.maxLength > 0 && text.length > input.maxLength) {
      text = text.substring(0, input.maxLength);
    }
    var tag = tagFor(input);
    var typedByClerk = input.value !== '' && !input.classList.contains('proposed')
        && input.tagName !== 'SELECT';
    if (typedByClerk) {
      tag.textContent = 'đề xuất (' + percent(confidence) + '): ' + text;
      return false;
    }
    if (input.tagName === 'SELECT' && !input.querySelector('option[value="' + text + '"]')) {
      return false;
    }
    input.value = text;
    if (LOGGED.indexOf(id) >= 0) {
      proposal.fields[id] = {value: text, confidence: confidence};
    }
    input.classList.add('proposed');
    input.dataset.proposed = text;
    tag.textContent = 'đề xuất · tin cậy ' + percent(confidence);
    tag.classList.remove('corrected');
    return true;
  }

  function field(fields, name) {
    return fields[name] && fields[name].value !== null ? fields[name] : null;
  }

  function fill(result) {
    var fields = result.fields || {};
    var count = 0;
    proposal = {source: result.source, fields: {}};
    ['documentType', 'documentNumber', 'issuedOn', 'issuer', 'summary', 'pageCount', 'urgency',
      'classification', 'signerPosition', 'signerName'].forEach(function (name) {
      var f = field(fields, name);
      if (f && propose(name, f.value, f.confidence)) {
        count++;
      }
    });
    var position = field(fields, 'signerPosition');
    var name = field(fields, 'signerName');
    if ((position || name) && !document.getElementById('signerName')) {
      var parts = [position && position.value, name && name.value].filter(Boolean);
      var confidence = Math.min(position ? position.confidence : 1, name ? name.confidence : 1);
      if (propose('signer', parts.join(', '), confidence)) {
        count++;
      }
    }
    var recipients = field(fields, 'recipients');
    if (recipients && propose('recipients', [].concat(recipients.value).join('; '),
        recipients.confidence)) {
      count++;
    }
    warnings.textContent = '';
    (result.warnings || []).forEach(function (warning) {
      var li = document.createElement('li');
      li.textContent = warning;
      warnings.appendChild(li);
    });
    itemList.textContent = '';
    (result.items || []).forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.label + ': ' + (item.bodies.length ? item.bodies.join('; ') + ' – ' : '')
          + item.text.substring(0, 160);
      itemList.appendChild(li);
    });
    itemsBox.hidden = !(result.items && result.items.length);
    if (window.khcnSignatures) { window.khcnSignatures.show(result.signatures); } // signatures.js
    // the items travel with the registration (hidden field): the director's form proposes them
    var itemsField = document.getElementById('itemsJson');
    if (itemsField) {
      itemsField.value = result.items && result.items.length ? JSON.stringify(result.items.map(
          function (item) { return {label: item.label, text: item.text, bodies: item.bodies || []}; }))
          : '';
    }
    status.textContent = 'Đã đọc tệp (' + result.source + '): điền sẵn ' + count
        + ' trường. Hãy kiểm tra từng trường đánh dấu «đề xuất» trước khi đăng ký.';
  }

  form.addEventListener('input', function (event) {
    var input = event.target;
    if (input.classList && input.classList.contains('proposed')
        && input.value !== input.dataset.proposed) {
      input.classList.remove('proposed');
      var tag = document.getElementById('proposal-' + input.id);
      if (tag) {
        tag.textContent = 'đã sửa đề xuất';
        tag.classList.add('corrected');
      }
    }
  });

  form.addEventListener('submit', function () {
    var old = form.querySelector('input[name="intakeProposal"]');
    if (old) {
      old.remove();
    }
    if (proposal.source && Object.keys(proposal.fields).length) {
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'intakeProposal';
      hidden.value = JSON.stringify(proposal);
      form.appendChild(hidden);
    }
  });

  button.addEventListener('click', function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) {
      status.textContent = 'Hãy chọn tệp cần đọc.';
      return;
    }
    var body = new FormData();
    body.append('file', file);
    button.disabled = true;
    status.textContent = 'Đang đọc tệp… (tệp quét có thể mất vài chục giây)';
    fetch(section.dataset.extractUrl, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: {'X-CSRF-TOKEN': csrfToken(), 'Accept': 'application/json'}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw new Error(json.message || ('Không đọc được tệp (mã ' + response.status + ').'));
        }
        return json;
      });
    }).then(fill).catch(function (error) {
      status.textContent = error.message;
    }).finally(function () {
      button.disabled = false;
    });
  });
}());
