/*
 * khcn-workflow: Camunda Forms (form-js) in the Department's words and dates.
 *
 * Tasklist renders the forms of processes/forms/*.form with form-js, which writes its placeholders
 * ("Select", "Search"), list messages and validation errors ("Field is required.") in English
 * straight into the page: neither Tasklist's locales nor config.js reach them. This script
 * translates exactly those strings inside form-js containers (.fjs-container) while Tasklist speaks
 * Vietnamese, and makes every date field read and accept dd/MM/yyyy with a Vietnamese calendar in
 * any language (form-js would take the browser's own date order, e.g. 6/15/2026). Anything it does
 * not know stays as form-js wrote it. Loaded by config.js (customScripts); exports no plugin.
 */
const angular = window.angular;

/** Exact texts and placeholders form-js shows in the forms we ship. */
const TEXTS = {
  Select: 'Chọn',
  Search: 'Tìm',
  'No results': 'Không có kết quả',
  'All values selected': 'Đã chọn hết',
  'Skip to search': 'Chuyển tới ô tìm',
  'Remove tag': 'Bỏ mục này',
  Increment: 'Tăng',
  Decrement: 'Giảm'
};

/** form-js validation messages (its validator, in this order), with their numbers kept. */
const MESSAGES = [
  [/^Field is required\.$/, 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.+)\.$/, 'Giá trị không đúng mẫu $1.'],
  [/^Field must have minimum value of (.+)\.$/, 'Giá trị nhỏ nhất là $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Giá trị lớn nhất là $1.'],
  [/^Field must have minimum length of (\d+)\.$/, 'Cần ít nhất $1 ký tự.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Không được quá $1 ký tự.'],
  [/^Field must be a valid email\.$/, 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid +international phone number\..*$/,
    'Số điện thoại không hợp lệ (ghi theo dạng quốc tế, ví dụ +84292...).'],
  [/^Value is not a number\.$/, 'Giá trị không phải là số.'],
  [/^Value is expected to be an integer\.$/, 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    'Chỉ được có tối đa $1 chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là $1 và $2.']
];

/** The Department's date order; flatpickr tokens: d = dd, m = MM, Y = yyyy. */
const DATE_FORMAT = 'd/m/Y';
const DATE_PLACEHOLDER = 'dd/mm/yyyy';

/** flatpickr's calendar in Vietnamese, weeks from Monday. */
const CALENDAR_VI = {
  weekdays: {
    shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
    longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
  },
  months: {
    shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11',
      'Th12'],
    longhand: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7',
      'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' đến ',
  weekAbbreviation: 'Tuần',
  scrollTitle: 'Cuộn để đổi',
  toggleTitle: 'Bấm để đổi',
  time_24hr: true,
  ordinal: function() {
    return '';
  }
};

let vietnamese = false;

function translated(text) {
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [english, vi] of MESSAGES) {
    if (english.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(english, vi));
    }
  }
  return null;
}

function translateAttribute(element, name) {
  const value = element.getAttribute(name);
  const vi = value && translated(value);
  if (vi) {
    element.setAttribute(name, vi);
  }
}

function translateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const vi = node.data.trim() && translated(node.data);
    if (vi) {
      node.data = vi;
    }
  }
  root.querySelectorAll('[placeholder], [title], [aria-label]').forEach(function(element) {
    ['placeholder', 'title', 'aria-label'].forEach(function(name) {
      translateAttribute(element, name);
    });
  });
}

/** dd/MM/yyyy and the Vietnamese calendar for every form-js date picker, once per picker. */
function formatDates(root) {
  root.querySelectorAll('.fjs-datepicker input.fjs-input').forEach(function(input) {
    const picker = input._flatpickr;
    if (input.placeholder !== DATE_PLACEHOLDER) {
      input.placeholder = DATE_PLACEHOLDER;
    }
    if (!picker || picker.khcnDateFormat) {
      return;
    }
    picker.khcnDateFormat = true;
    // also writes the date already shown again, in the new order
    picker.set({dateFormat: DATE_FORMAT, locale: CALENDAR_VI});
  });
}

function visit(container) {
  formatDates(container);
  if (vietnamese) {
    translateTree(container);
  }
}

function visitAll() {
  document.querySelectorAll('.fjs-container').forEach(visit);
}

const observer = new MutationObserver(function(mutations) {
  const containers = new Set();
  mutations.forEach(function(mutation) {
    const target = mutation.target.nodeType === Node.ELEMENT_NODE
      ? mutation.target : mutation.target.parentElement;
    const container = target && target.closest('.fjs-container');
    if (container) {
      containers.add(container);
    } else if (mutation.addedNodes.length) {
      // a whole form arrived
      mutation.addedNodes.forEach(function(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          node.querySelectorAll('.fjs-container').forEach(function(found) {
            containers.add(found);
          });
        }
      });
    }
  });
  containers.forEach(visit);
});
observer.observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder', 'title', 'aria-label']
});

if (angular) {
  angular.module('ng').run([
    '$rootScope',
    '$injector',
    function($rootScope, $injector) {
      function follow(language) {
        vietnamese = String(language || '').toLowerCase().indexOf('vi') === 0;
        visitAll();
      }
      $rootScope.$on('$translateChangeSuccess', function(event, change) {
        follow(change && change.language);
      });
      if ($injector.has('$translate')) {
        const translate = $injector.get('$translate');
        follow(translate.use() || translate.proposedLanguage());
      }
    }
  ]);
}
