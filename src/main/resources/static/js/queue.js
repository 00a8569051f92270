// The queue: a filter applies as soon as it changes, and the header box ticks every case on the page.
// No inline script anywhere (the Content-Security-Policy forbids it); this file is loaded from the desk itself.
(function () {
  function filtersForm() { return document.getElementById('filters'); }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.id === 'pick-all') {
      document.querySelectorAll('#cases input[name="id"]').forEach(function (box) { box.checked = target.checked; });
      return;
    }
    var form = filtersForm();
    if (form && form.contains(target) && target.type !== 'text') {
      if (target.id === 'mine') {
        document.getElementById('assignee').disabled = target.checked;
      }
      form.requestSubmit();
    }
  });
})();
