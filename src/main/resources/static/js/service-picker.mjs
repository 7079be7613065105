// The service picker of "Tell your story": filters the services as the author types, without
// reloading the page. Without JavaScript the search box submits and the server filters the list.
// The status messages come from the page (data-none, data-one, data-other with %{count}).

const picker = document.querySelector('[data-module="cv-service-picker"]');
const input = picker?.querySelector('input[type="search"]');
const items = [...document.querySelectorAll('#service-list [data-search]')];
const groups = [...document.querySelectorAll('#service-list [data-site-group]')];
const status = document.getElementById('service-search-status');

function words(text) {
  return text.toLocaleLowerCase('en-GB').trim().split(/\s+/).filter(Boolean);
}

function filter() {
  const wanted = words(input.value);
  let shown = 0;
  for (const item of items) {
    const matches = wanted.every((word) => item.dataset.search.includes(word));
    item.hidden = !matches;
    if (matches) {
      shown += 1;
    }
  }
  for (const group of groups) {
    group.hidden = !group.querySelector('[data-search]:not([hidden])');
  }
  if (wanted.length === 0) {
    status.textContent = '';
  } else if (shown === 0) {
    status.textContent = picker.dataset.none;
  } else if (shown === 1) {
    status.textContent = picker.dataset.one;
  } else {
    status.textContent = picker.dataset.other.replace('%{count}', String(shown));
  }
}

if (picker && input && status && items.length > 0) {
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A short pause, so a screen reader announces the count once the author stops typing.
    timer = setTimeout(filter, 250);
  });
  // With the list already on the page, searching needs no round trip (and keeps a chosen service).
  input.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    filter();
  });
}
