/* Search with Pagefind (its index is written by scripts/site.py after MkDocs builds the pages).

   The search box in the header of every page shows the results in a panel under the header, on
   the page the reader is on; without JavaScript the box's form opens the Search page instead.
   The Search page (search/?q=...) shows them in the page, and keeps its address in step with the
   query so that it can be shared and Back returns to it. */
(function () {
  // The site's root, from this script's own address (javascripts/search.js), so that the site
  // works under any path.
  var root = new URL('..', document.currentScript.src);

  // Pagefind cuts a query written without spaces into words with the browser's segmenter but then
  // looks for the first word only (知识产权保护中心 would find what 知识 finds). Written with spaces
  // between its words, a query finds the pages holding all of them; so the words are separated
  // here first. Single characters are left out when longer words remain: the browser cuts names
  // the index keeps whole (东丽 into 东 丽), and a query word must begin a word of the index. On
  // this site's agencies and measures that finds 91 of 94 agencies by name and 56 of 60 random
  // phrases, against 49 and 35 as typed, 66 and 51 with every piece. A name the browser does not
  // know comes out in single characters (东丽区 as 东 丽 区), and the index keeps it in words of two
  // (东丽 区), so runs of single Chinese characters are joined two by two (东丽 区, then 东丽): that
  // finds every region's agencies page by the region's name (8 of 8, against 7) with the agencies
  // and phrases found as before (124 of 131 agencies, 53 of 60 phrases against 54).
  // tests/test_browser.py searches through this function.
  window.searchTerms = function (term) {
    if (!window.Intl || !Intl.Segmenter) { return term; }
    var words = [];
    var run = '';
    var parts = new Intl.Segmenter('zh', {granularity: 'word'}).segment(term);
    for (var part of parts) {
      if (!part.isWordLike) { continue; }
      if (part.segment.length === 1 && /\p{Script=Han}/u.test(part.segment)) {
        run += part.segment;
        if (run.length === 2) { words.push(run); run = ''; }
      } else {
        if (run) { words.push(run); run = ''; }
        words.push(part.segment);
      }
    }
    if (run) { words.push(run); }
    var longer = words.filter(function (word) { return word.length > 1; });
    return (longer.length ? longer : words).join(' ') || term;
  };

  var loading = null;
  function loadPagefindUI() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement('link');
        style.rel = 'stylesheet';
        style.href = new URL('pagefind/pagefind-ui.css', root).href;
        document.head.appendChild(style);
        var script = document.createElement('script');
        script.src = new URL('pagefind/pagefind-ui.js', root).href;
        script.onload = function () { resolve(window.PagefindUI); };
        script.onerror = function () { reject(new Error('no search index')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // A page is a result when it holds every word of the query, but Pagefind lists under it each
  // section holding any of them, and a word matches any word it begins: "trade secret" lists the
  // measures on trademarks too. Where some sections hold every word (as the excerpt marks them),
  // only those are listed.
  function marked(excerpt) {
    var words = [];
    (excerpt || '').replace(/<mark>([^<]*)<\/mark>/g, function (all, word) { words.push(word.trim().toLowerCase()); });
    return words;
  }
  function sectionsWithEveryWord(sections, words) {
    if (words.length < 2) { return sections; }
    var every = sections.filter(function (section) {
      var marks = marked(section.excerpt);
      return words.every(function (word) { return marks.some(function (mark) { return mark.indexOf(word) >= 0; }); });
    });
    return every.length ? every : sections;
  }

  function createUI(PagefindUI, element, onTerm) {
    var words = [];
    var ui = new PagefindUI({
      element: element,
      bundlePath: new URL('pagefind/', root).pathname,
      baseUrl: root.pathname,
      showSubResults: true, showImages: false, resetStyles: false, excerptLength: 50,
      processTerm: function (term) {
        if (onTerm) { onTerm(term); }
        var terms = window.searchTerms(term);
        words = terms.toLowerCase().split(/\s+/).filter(Boolean);
        return terms;
      },
      processResult: function (result) {
        result.sub_results = sectionsWithEveryWord(result.sub_results || [], words);
        // A measure's heading is its number only ("8."): say what it is. Measure anchors are
        // measure IDs, which end in a three-digit sequence (schemas/measures.json).
        result.sub_results.forEach(function (sub) {
          if (/#[a-z0-9-]+-[0-9]{3}$/.test(sub.url)) { sub.title = 'Measure 措施 ' + sub.title; }
        });
        return result;
      }
    });
    // Pagefind's box has only a placeholder and a title; a screen reader needs a label (axe: label-title-only).
    var box = document.querySelector(element + ' input');
    if (box) { box.setAttribute('aria-label', 'Search the plans 检索方案'); }
    return ui;
  }

  function missing(element) {
    element.textContent = 'The search index is missing: build the site with `make site`. 检索索引缺失。';
  }

  var header = document.querySelector('.pf-header-search');
  var headerBox = header && header.querySelector('input');
  var pageElement = document.getElementById('pagefind-search');

  if (pageElement) {
    // The Search page.
    var pageUI = loadPagefindUI().then(function (PagefindUI) {
      return createUI(PagefindUI, '#pagefind-search', function (term) {
        window.history.replaceState(null, '', '?q=' + encodeURIComponent(term));
        if (headerBox) { headerBox.value = term; }
      });
    }, function () { missing(pageElement); });
    var query = new URLSearchParams(window.location.search).get('q');
    pageUI.then(function (ui) { if (ui && query) { ui.triggerSearch(query); } });
    if (header) {
      header.addEventListener('submit', function (event) {
        event.preventDefault();
        pageUI.then(function (ui) { if (ui) { ui.triggerSearch(headerBox.value); } });
      });
    }
    return;
  }

  if (!header) { return; }
  // Every other page: the results in a panel under the header.
  var panel = null;
  var panelUI = null;
  function openPanel(term) {
    if (!panel) {
      panel = document.createElement('div');
      panel.className = 'pf-panel';
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-label', 'Search results 检索结果');
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'pf-panel__close';
      close.textContent = 'Close 关闭';
      close.addEventListener('click', closePanel);
      var results = document.createElement('div');
      results.id = 'pf-panel-search';
      panel.appendChild(close);
      panel.appendChild(results);
      document.querySelector('header.md-header').after(panel);
      panelUI = loadPagefindUI().then(function (PagefindUI) {
        return createUI(PagefindUI, '#pf-panel-search', function (term) { headerBox.value = term; });
      }, function () { missing(results); });
    }
    panel.hidden = false;
    panelUI.then(function (ui) { if (ui) { ui.triggerSearch(term); } });
  }
  function closePanel() {
    if (panel) { panel.hidden = true; }
  }
  header.addEventListener('submit', function (event) {
    event.preventDefault();
    if (headerBox.value.trim()) { openPanel(headerBox.value); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { closePanel(); }
  });
})();
