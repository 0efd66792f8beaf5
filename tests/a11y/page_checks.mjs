// Checks that run inside the page (passed to puppeteer's `page.evaluate`, so each function is
// self-contained: no imports, no closures over this module).

/**
 * The focused element and the contrast of its focus ring against what is behind it; null when
 * focus is back on the document (the walk went past the last stop).
 *
 * The ring is the outline when one is drawn, else a box-shadow; a two-tone ring counts its
 * better colour. Behind it is the nearest ancestor background that is not transparent (white
 * at the top), which is what the ring is drawn over.
 */
export function focusRingContrast() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const parse = (color) => {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  let background = { r: 255, g: 255, b: 255, a: 1 };
  for (let node = el.parentElement; node; node = node.parentElement) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c && c.a > 0) {
      background = c;
      break;
    }
  }
  const style = getComputedStyle(el);
  const colours = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) colours.push(parse(style.outlineColor));
  if (style.boxShadow && style.boxShadow !== "none") {
    for (const m of style.boxShadow.matchAll(/rgba?\([^)]+\)/g)) colours.push(parse(m[0]));
  }
  const ring = Math.max(0, ...colours.filter((c) => c && c.a > 0).map((c) => contrast(c, background)));
  const form = el.form || (el.getAttribute("form") && document.getElementById(el.getAttribute("form")));
  // The page's last stop: a walk ends there rather than Tab out of the page (into the browser).
  const lastStop = () => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    const shown = [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility());
    return shown[shown.length - 1] === el;
  };
  const inSurvey = !!(form && form.id === "survey");
  return {
    describe: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.name ? "[name=" + el.name + "]" : ""}`,
    name: el.name || null,
    type: el.type || null,
    inSurvey,
    last: inSurvey && lastStop(),
    offerLink: el.tagName === "A" && !!el.closest("li.offer"),
    ring,
  };
}

/**
 * Form controls (inputs, selects, text areas) that share an accessible name with another
 * control of the page, except radio buttons of one group. Needs axe-core loaded in the page
 * (its accessible-name computation is the one the audit uses).
 */
export function accessibleNameClashes() {
  const controls = [...document.querySelectorAll("input, select, textarea")].filter(
    (el) => el.type !== "hidden" && el.type !== "submit" && el.type !== "button",
  );
  const byName = new Map();
  window.axe.setup(document);
  const nameOf = (el) => window.axe.commons.text.accessibleTextVirtual(window.axe.utils.getNodeFromTree(el));
  const names = controls.map((el) => nameOf(el).trim().replace(/\s+/g, " "));
  window.axe.teardown();
  for (const [i, el] of controls.entries()) {
    const name = names[i];
    const group = el.type === "radio" ? `radio:${el.name}` : null;
    const entry = byName.get(name) || { name, count: 0, groups: new Set() };
    entry.count += 1;
    entry.groups.add(group || `control:${entry.count}`);
    byName.set(name, entry);
  }
  return [...byName.values()].filter((e) => e.count > 1 && e.groups.size > 1).map(({ name, count }) => ({ name, count }));
}
