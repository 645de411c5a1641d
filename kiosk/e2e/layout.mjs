/* global getComputedStyle, DOMRect -- the functions handed to the page run there */
// Shared by the door's layout, touch and confidentiality tests: what a screen looks like, judged in
// the page (every shadow root walked): nothing off the screen, nothing overlapping, no text cut;
// axe's accessibility rules; a screenshot kept; every text and attribute on the screen.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** Where the screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');

/** The sizes the door is designed for: three landscape, two portrait. */
export const SIZES = [
  [1024, 768],
  [1280, 800],
  [1920, 1080],
  [800, 1280],
  [1200, 1920],
];

/**
 * In the page: every visible piece of the screen (an element with text of its own, a control, a
 * canvas or an icon), through every shadow root, checked against the viewport, the boxes that clip
 * it, and each other. Returns what is wrong, in words.
 *
 * @returns {string[]}
 */
function layoutProblemsInPage() {
  const vw = globalThis.innerWidth;
  const vh = globalThis.innerHeight;
  const problems = [];
  // The flat tree: a slotted element's parent is its slot; a shadow root's is its host.
  const up = (n) => n.assignedSlot ?? n.parentElement ?? n.getRootNode()?.host ?? null;
  const within = (outer, inner) => {
    for (let n = inner; n; n = up(n)) if (n === outer) return true;
    return false;
  };
  const name = (el) =>
    `<${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
  const ownText = (el) => [...el.childNodes].some((c) => c.nodeType === 3 && c.data.trim() !== '');
  const CONTROL = new Set(['button', 'input', 'select', 'textarea', 'canvas', 'img', 'svg']);
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(globalThis.document);
  const leaves = [];
  for (const el of all) {
    if (el.closest('svg') && el.localName !== 'svg') continue;
    if (!CONTROL.has(el.localName) && !ownText(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let rect = el.getBoundingClientRect();
    if (rect.width <= 2 || rect.height <= 2) continue;
    let shown = true;
    let overlay = false;
    for (let n = up(el); n && n.nodeType === 1; n = up(n)) {
      const s = getComputedStyle(n);
      if (s.opacity === '0') shown = false;
      if (n.getAttribute('data-layer') === 'overlay') overlay = true;
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      if (s.display === 'contents') continue;
      const box = n.getBoundingClientRect();
      const scrolls = /auto|scroll/.test(s.overflowX + s.overflowY);
      const inside =
        rect.left >= box.left - 1 &&
        rect.right <= box.right + 1 &&
        rect.top >= box.top - 1 &&
        rect.bottom <= box.bottom + 1;
      if (inside) continue;
      if (scrolls) {
        // In a list that scrolls: only the part in view counts; out of view, it is scrolled away.
        const left = Math.max(rect.left, box.left);
        const right = Math.min(rect.right, box.right);
        const top = Math.max(rect.top, box.top);
        const bottom = Math.min(rect.bottom, box.bottom);
        if (right - left <= 1 || bottom - top <= 1) {
          shown = false;
          break;
        }
        rect = new DOMRect(left, top, right - left, bottom - top);
      } else {
        problems.push(
          `cut off by ${name(n)} (${Math.round(rect.bottom)} > ${Math.round(box.bottom)}): ${name(el)}`,
        );
        shown = false;
        break;
      }
    }
    if (!shown) continue;
    if (rect.left < -1 || rect.top < -1 || rect.right > vw + 1 || rect.bottom > vh + 1)
      problems.push(
        `leaves the screen (${Math.round(rect.right)}×${Math.round(rect.bottom)}): ${name(el)}`,
      );
    if (ownText(el) && style.display !== 'inline') {
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`text cut (${el.scrollWidth} > ${el.clientWidth} px wide): ${name(el)}`);
      if (
        !el.hasAttribute('data-may-shorten') &&
        style.overflowY !== 'visible' &&
        el.scrollHeight > el.clientHeight + 2
      )
        problems.push(`text cut (${el.scrollHeight} > ${el.clientHeight} px high): ${name(el)}`);
    }
    if (!overlay) leaves.push({ el, rect });
  }
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      const a = leaves[i];
      const b = leaves[j];
      const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (w <= 2 || h <= 2) continue;
      if (within(a.el, b.el) || within(b.el, a.el)) continue;
      problems.push(`overlap ${Math.round(w)}×${Math.round(h)}: ${name(a.el)} and ${name(b.el)}`);
    }
  }
  return problems;
}

/**
 * What is wrong with the screen's layout now.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export function layoutProblems(page) {
  return page.evaluate(layoutProblemsInPage);
}

/**
 * The type sizes the door is read by at 3 m, in CSS px at 1280×800 (K-1): the room's name and the
 * state's word at least 64, the meeting's topic at least 40, every other text a person may read
 * (a control's label, an input's text) at least 28.
 */
export const TYPE_MINIMUMS = { room: 64, state: 64, meeting: 40, text: 28 };

/**
 * In the page: every visible text through every shadow root, against {@link TYPE_MINIMUMS}.
 *
 * @param {typeof TYPE_MINIMUMS} min
 * @returns {string[]}
 */
function typeProblemsInPage(min) {
  const problems = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const typed = ['input', 'textarea', 'select'].includes(el.localName);
      const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.data.trim() !== '');
      if (!typed && !own) continue;
      if (el.closest('svg')) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (rect.width <= 2 || rect.height <= 2) continue;
      const host = el.getRootNode().host?.localName;
      const role =
        host === 'door-display' && el.localName === 'h1'
          ? 'room'
          : host === 'state-badge'
            ? 'state'
            : host === 'door-display' && el.classList.contains('topic')
              ? 'meeting'
              : 'text';
      const size = parseFloat(style.fontSize);
      if (size + 0.01 < min[role])
        problems.push(
          `${role} <${host ?? 'document'} ${el.localName}${[...el.classList].map((c) => `.${c}`).join('')}> "${(el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 40)}" is ${size.toFixed(1)} px, under ${min[role]}`,
        );
    }
  };
  walk(globalThis.document);
  return problems;
}

/**
 * Texts on the screen now set smaller than {@link TYPE_MINIMUMS} allows, in words.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export function typeProblems(page) {
  return page.evaluate(typeProblemsInPage, TYPE_MINIMUMS);
}

/**
 * axe-core's violations on the screen now (shadow roots included), as `rule: target`.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(globalThis.document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    );
  });
}

/**
 * The level-one headings on the screen, through shadow roots.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export function headingsOne(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'h1' && el.getClientRects().length > 0)
          found.push(el.textContent.replace(/\s+/g, ' ').trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(globalThis.document);
    return found;
  });
}

/**
 * Keeps a screenshot as a test artefact: `kiosk/e2e/artifacts/<name>.png`.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function keepScreenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

/**
 * Every text, attribute value and input value on the screen, through shadow roots: what the DOM
 * holds, shown or not.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string>}
 */
export function everythingInTheDom(page) {
  return page.evaluate(() => {
    let out = '';
    const walk = (root) => {
      for (const n of root.childNodes) {
        if (n.nodeType === 3) out += ` ${n.data}`;
        if (n.nodeType !== 1) continue;
        for (const a of n.attributes) out += ` ${a.value}`;
        if ('value' in n && typeof n.value === 'string') out += ` ${n.value}`;
        if (n.shadowRoot) walk(n.shadowRoot);
        walk(n);
      }
    };
    walk(globalThis.document);
    return out;
  });
}
