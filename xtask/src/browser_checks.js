// What the browser test measures in one open page (see xtask/src/browser.rs,
// which judges the result). Runs in the page; returns plain JSON.
(() => {
  const main = document.querySelector('main') || document.body;
  const viewport = document.documentElement.clientWidth;
  const name = el => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim() : '';
    if (cls) text += '.' + cls.split(/\s+/).join('.');
    return text;
  };
  const shown = el => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };

  // Horizontal overflow: an element that sticks out of the viewport on the
  // right with no ancestor that clips or scrolls it (a code block or table
  // that scrolls inside itself is fine).
  const overflowing = [];
  for (const el of main.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= viewport + 1 || box.width === 0) continue;
    let contained = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') { contained = true; break; }
    }
    if (!contained) overflowing.push(`${name(el)} reaches ${Math.round(box.right)} px`);
  }
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > viewport + 1 && overflowing.length === 0) {
    overflowing.push(`the page is ${pageWidth} px wide`);
  }

  // Math: KaTeX's output is laid out with KaTeX's own fonts, and no TeX is
  // left as text outside code.
  const formulas = [...main.querySelectorAll('.katex')];
  const badMath = formulas
    .filter(k => !shown(k.querySelector('.katex-html') || k) ||
                 !getComputedStyle(k).fontFamily.includes('KaTeX'))
    .map(k => k.textContent.slice(0, 40));
  const katexFont = [...document.fonts].some(f => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded');
  const rawTex = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('pre, code, .katex, script')) continue;
    if (/\$\$|\\\(|\\\[|\\frac|\\mathrm/.test(node.textContent)) rawTex.push(node.textContent.trim().slice(0, 60));
  }

  // Plots: each figure shows one SVG of non-zero size across the content
  // width, with axis text no smaller than the body text.
  const bodyText = parseFloat(getComputedStyle(main.querySelector('p') || main).fontSize);
  const plots = [...main.querySelectorAll('figure.course-plot')].map(figure => {
    const visible = [...figure.querySelectorAll('svg')].filter(shown);
    const svg = visible[0];
    if (!svg) return { visible: 0 };
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {
      visible: visible.length,
      width: box.width,
      height: box.height,
      contentWidth: figure.parentElement.getBoundingClientRect().width,
      smallestText: Math.min(...sizes),
      bodyText,
      title: (svg.querySelector('title') || {}).textContent || '',
      desc: (svg.querySelector('desc') || {}).textContent || '',
    };
  });

  // Accessibility basics.
  const imagesWithoutAlt = [...main.querySelectorAll('img')]
    .filter(img => !(img.getAttribute('alt') || '').trim()).map(img => img.getAttribute('src'));
  const svgsWithoutName = [...main.querySelectorAll('svg')]
    .filter(svg => shown(svg) && svg.getAttribute('role') === 'img' &&
                   !svg.querySelector('title') && !svg.getAttribute('aria-label'))
    .map(name);
  const headingSkips = [];
  let previous = 0;
  for (const h of main.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (previous && level > previous + 1) {
      headingSkips.push(`h${previous} then h${level} "${h.textContent.trim().slice(0, 50)}"`);
    }
    previous = level;
  }
  const accessibleName = a => (a.textContent.trim() || a.getAttribute('aria-label') || a.getAttribute('title') ||
    [...a.querySelectorAll('img[alt]')].map(i => i.alt).join('')).trim();
  const unnamedLinks = [...document.querySelectorAll('a[href]')]
    .filter(a => shown(a) && !accessibleName(a)).map(a => a.getAttribute('href'));

  // Long listings: a code block this tall dominates a page (a hint for
  // authors, not a failure).
  const longListings = [...main.querySelectorAll('pre > code')]
    .map(code => code.textContent.split('\n').length)
    .filter(lines => lines > 60);

  return {
    url: location.pathname,
    title: document.title,
    h1: ((main.querySelector('h1') || {}).textContent || '').trim(),
    overflowing: overflowing.slice(0, 5),
    formulas: formulas.length,
    badMath: badMath.slice(0, 5),
    katexFont,
    rawTex: rawTex.slice(0, 5),
    plots,
    imagesWithoutAlt,
    svgsWithoutName,
    headingSkips,
    unnamedLinks: unnamedLinks.slice(0, 5),
    details: main.querySelectorAll('details > summary').length,
    longListings,
  };
})()
