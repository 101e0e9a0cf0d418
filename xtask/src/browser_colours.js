// The colours a reader sees in each plot of the page in the current theme:
// the background behind the plot, each data line and the text, as computed
// by the browser (xtask/src/browser.rs computes the contrast ratios).
(() => {
  const opaque = colour => colour && !/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent';
  const background = el => {
    for (let up = el; up; up = up.parentElement) {
      const colour = getComputedStyle(up).backgroundColor;
      if (opaque(colour)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const shown = el => el.getBoundingClientRect().width > 0;
  const plots = [...document.querySelectorAll('main figure.course-plot svg')].filter(shown);
  return {
    theme: document.documentElement.className,
    plots: plots.map(svg => ({
      background: background(svg),
      lines: [...svg.querySelectorAll('.series')].map(l => ({
        name: l.getAttribute('data-name') || '',
        colour: getComputedStyle(l).stroke,
        opacity: Number(getComputedStyle(l).strokeOpacity) * Number(getComputedStyle(l).opacity),
      })),
      text: [...new Set([...svg.querySelectorAll('text')].map(t => getComputedStyle(t).fill))],
    })),
  };
})()
