/*
 * Editing in place on the record editor: an item's "Edit" link opens its form in a modal <dialog> on the page
 * (focus moves to the first field; Escape or Cancel closes it and focus returns to the link). Without this script,
 * or in a browser without <dialog>, the link opens the item's edit page.
 */
(function () {
  'use strict';
  document.querySelectorAll('a[data-dialog]').forEach(function (link) {
    var dialog = document.getElementById(link.getAttribute('data-dialog'));
    if (!dialog || typeof dialog.showModal !== 'function') {
      return;
    }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.showModal();
      var first = dialog.querySelector('input, select, textarea');
      if (first) {
        first.focus();
      }
    });
    dialog.addEventListener('close', function () {
      link.focus();
    });
    dialog.querySelectorAll('[data-close]').forEach(function (button) {
      button.addEventListener('click', function () {
        dialog.close();
      });
    });
  });
}());
