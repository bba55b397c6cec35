// A wide table scrolls sideways inside Material's wrapper: the wrapper must be reachable with the
// keyboard and named, so that a reader without a mouse can scroll it (axe: scrollable-region-focusable).
(function () {
  function label() {
    document.querySelectorAll('.md-typeset__scrollwrap').forEach(function (wrap) {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', 'Table, scrolls sideways 表格（可横向滚动）');
    });
  }
  if (window.document$) { window.document$.subscribe(label); } else { document.addEventListener('DOMContentLoaded', label); }
})();
