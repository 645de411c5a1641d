import { css } from 'lit';

/**
 * The kiosk's shared look: large type readable from 2 m, large touch targets, high contrast.
 * Type keeps to a small scale, two weights (400, 700) and body text at 1.4rem: each size and
 * weight is a font the browser looks up and shapes on the first screen of a start (CJK fallback
 * included), and a handful of near-equal sizes cost a restart ~4 ms of layout for nothing a
 * reader sees.
 */
export const base = css`
  :host {
    box-sizing: border-box;
    background-color: #0f172a;
    font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
    color: #f8fafc;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    min-height: 64px;
    min-width: 64px;
    padding: 0 1.25rem;
    border-radius: 14px;
    border: 2px solid #94a3b8;
    background: #1e293b;
    color: #f8fafc;
    font: inherit;
    font-size: 1.4rem;
    cursor: pointer;
  }
  button.primary {
    background: #15803d;
    border-color: #22c55e;
    font-weight: 700;
  }
  button.danger {
    background: #7f1d1d;
    border-color: #f87171;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 4px solid #facc15;
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input,
  select {
    min-height: 56px;
    font: inherit;
    font-size: 1.3rem;
    border-radius: 12px;
    border: 2px solid #94a3b8;
    background: #0b1220;
    color: #f8fafc;
    padding: 0 1rem;
  }
  h2 {
    font-size: 2rem;
    margin: 0 0 1rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
