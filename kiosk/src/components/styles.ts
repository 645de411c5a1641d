import { css } from 'lit';

/**
 * The kiosk's shared look, sized for a door read from 3 m (docs/decisions/kiosk-door-sign.md):
 * sizes in `vmin`, so a label keeps its physical size in either orientation of one tablet (at
 * 1280×800, 1 vmin = 8 px): body text and buttons 3.5 vmin (28 px), nothing smaller; touch targets
 * at least 9 vmin (72 px). Two weights (400, 700, and 900 for the state word): each size and weight
 * is a font the browser looks up and shapes on the first frame of a start, CJK fallback included.
 * Every colour pair here is at least 7:1.
 */
export const base = css`
  :host {
    box-sizing: border-box;
    font-family:
      system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei',
      sans-serif;
    color: #ffffff;
    font-size: 3.5vmin;
    line-height: 1.3;
    line-break: strict;
    text-autospace: normal;
    --panel: #0f172a;
    --muted: #cbd5e1;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  p {
    margin: 0;
  }
  h1 {
    font-size: 6vmin;
    font-weight: 700;
    line-height: 1.15;
  }
  h2 {
    font-size: 4vmin;
    font-weight: 700;
  }
  button {
    min-height: 9vmin;
    min-width: 9vmin;
    padding: 0 3vmin;
    border-radius: 1.5vmin;
    border: 0.4vmin solid #94a3b8;
    background: #1e293b;
    color: #ffffff;
    font: inherit;
    font-size: 3.5vmin;
    line-height: 1.2;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
    white-space: nowrap;
  }
  button.primary,
  button[aria-pressed='true'] {
    background: #ffffff;
    border-color: #ffffff;
    color: #0f172a;
    font-weight: 700;
  }
  button:focus-visible,
  input:focus-visible,
  label:focus-within {
    outline: 0.6vmin solid #facc15;
    outline-offset: 0.3vmin;
  }
  button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    opacity: 1;
    cursor: progress;
  }
  input {
    min-height: 9vmin;
    font: inherit;
    font-size: 3.5vmin;
    border-radius: 1.5vmin;
    border: 0.4vmin solid #94a3b8;
    background: #020617;
    color: #ffffff;
    padding: 0 2vmin;
  }
  .name {
    white-space: nowrap;
    word-break: keep-all;
  }
`;

/**
 * A sub-screen's frame: a title row, then its content, scrolling inside the frame when a list is
 * longer than the screen (never the page).
 */
export const screen = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 3vmin;
    height: 100%;
    padding: 3vmin 4vmin;
    background: var(--panel);
  }
  .actions {
    display: flex;
    gap: 2.5vmin;
    flex-wrap: wrap;
  }
  p[role='alert'] {
    padding: 1.5vmin 2.5vmin;
    border-radius: 1.5vmin;
    background: #450a0a;
    border: 0.4vmin solid #fca5a5;
    font-weight: 700;
  }
`;
