/**
 * The report's whole stylesheet, inlined into the page (no fonts or images from anywhere). Its SHA-256
 * goes into the page's Content-Security-Policy, so it must stay one constant string.
 */
export const STYLE = String.raw`
:root {
  --fg: #1d2433; --muted: #5b6475; --bg: #f6f7f9; --card: #ffffff; --line: #d9dde5;
  --conflict: #b42318; --conflict-bg: #fdecea; --variant: #9a4a00; --variant-bg: #fff4e0;
  --agree: #067647; --agree-bg: #e7f6ee; --mark: #ffe88a; --ins: #d7f5dd; --del: #fbd7d4; --accent: #1f4fbf;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ef; --muted: #a3abba; --bg: #14171d; --card: #1c2028; --line: #343a46;
    --conflict: #ff8a80; --conflict-bg: #3a1d1c; --variant: #ffb95c; --variant-bg: #382a14;
    --agree: #6fd49b; --agree-bg: #17301f; --mark: #6b5a00; --ins: #1f4a2a; --del: #5a2320; --accent: #8fb0ff;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere;
}
main { max-width: 64rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.08rem; margin: .35rem 0 .25rem; }
code, .where code { font: .85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.tool { color: var(--muted); margin: 0 0 1rem; }
.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr)); gap: .6rem; margin: 0 0 1rem; }
.counts div { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .75rem; }
.counts dt { color: var(--muted); font-size: .85rem; }
.counts dd { margin: 0; font-size: 1.5rem; font-weight: 650; }
.counts .c-conflict dd { color: var(--conflict); }
.counts .c-variant dd { color: var(--variant); }
.counts .c-agree dd { color: var(--agree); }
.chart { margin: 0 0 1rem; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem; }
.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.legend { color: var(--muted); font-size: .85rem; font-weight: 400; margin-left: .5rem; }
.legend .sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; vertical-align: -.05em; margin: 0 .25em 0 .5em; }
.sw.c, rect.c { background: var(--conflict); fill: var(--conflict); }
.sw.v, rect.v { background: var(--variant); fill: var(--variant); }
.bar-row { display: grid; grid-template-columns: minmax(6rem, 14rem) 1fr 4.5rem; gap: .6rem; align-items: center; margin: .25rem 0; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar { width: 100%; height: .9rem; display: block; background: var(--bg); border-radius: 3px; }
.bar-count { font-variant-numeric: tabular-nums; color: var(--muted); font-size: .9rem; text-align: right; }
.bar-count .n-c { color: var(--conflict); font-weight: 650; }
.bar-count .n-v { color: var(--variant); }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
  background: var(--bg); border-bottom: 1px solid var(--line); padding: .6rem 0; margin-bottom: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select { font: inherit; font-size: .95rem; color: var(--fg); background: var(--card); border: 1px solid var(--line);
  border-radius: .35rem; padding: .3rem .4rem; min-width: 9rem; max-width: 16rem; }
.filters output { color: var(--muted); font-size: .9rem; margin-left: auto; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: .35rem solid var(--line);
  border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.finding.verdict-conflict { border-left-color: var(--conflict); }
.finding.verdict-variant { border-left-color: var(--variant); }
.finding.verdict-agree { border-left-color: var(--agree); }
.badges { display: flex; flex-wrap: wrap; gap: .35rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; letter-spacing: .02em; text-transform: uppercase;
  border-radius: 999px; padding: .05rem .55rem; border: 1px solid var(--line); color: var(--muted); }
.badge.v-conflict { color: var(--conflict); background: var(--conflict-bg); border-color: transparent; }
.badge.v-variant { color: var(--variant); background: var(--variant-bg); border-color: transparent; }
.badge.v-agree { color: var(--agree); background: var(--agree-bg); border-color: transparent; }
.badge.decision { color: var(--accent); border-color: var(--accent); }
.message { margin: .1rem 0 .5rem; }
.readings { list-style: none; padding: 0; margin: .5rem 0; }
.reading { border-top: 1px solid var(--line); padding: .5rem 0; }
.reading-head { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
.reading-no { color: var(--muted); font-variant-numeric: tabular-nums; }
.display { font-size: 1.05rem; }
.outlets { color: var(--muted); font-size: .9rem; }
.claims { list-style: none; margin: .35rem 0 0; padding: 0 0 0 1.1rem; }
.claims li { margin: .35rem 0; }
.where { font-size: .85rem; color: var(--muted); }
.where .outlet { color: var(--fg); font-weight: 600; margin-right: .35rem; }
.sentence { margin: .15rem 0 0; padding-left: .6rem; border-left: 2px solid var(--line); }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 .1em; }
.diff { margin: .35rem 0 0 1.1rem; font-size: .95rem; }
.diff-label { color: var(--muted); font-size: .8rem; display: block; }
ins { background: var(--ins); text-decoration: none; border-radius: 2px; }
del { background: var(--del); border-radius: 2px; }
del + ins { margin-left: .3em; }
.relations { margin: .25rem 0 .5rem; padding-left: 1.1rem; font-size: .92rem; }
.rel-conflict { color: var(--conflict); font-weight: 600; }
.rel-variant { color: var(--variant); font-weight: 600; }
.rel-agree { color: var(--agree); font-weight: 600; }
.meta { color: var(--muted); font-size: .8rem; margin: .25rem 0 0; }
.review { border-top: 1px dashed var(--line); margin-top: .6rem; padding-top: .6rem; }
.review fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; }
.review legend { font-weight: 600; font-size: .9rem; padding: 0; margin-bottom: .3rem; }
.review label.choice { display: inline-flex; gap: .3rem; align-items: center; min-height: 2rem; }
.review textarea { width: 100%; min-height: 2.6rem; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: .35rem; padding: .35rem .5rem; }
.review button { font: inherit; border-radius: .35rem; border: 1px solid var(--accent); background: var(--accent);
  color: #fff; padding: .3rem .9rem; min-height: 2.2rem; cursor: pointer; }
.review button.secondary { background: transparent; color: var(--accent); }
.review .saved { color: var(--muted); font-size: .9rem; }
.sources { width: 100%; border-collapse: collapse; background: var(--card); font-size: .92rem; }
.sources th, .sources td { text-align: left; border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top; }
.table-wrap { overflow-x: auto; content-visibility: auto; contain-intrinsic-size: auto 40rem; }
.empty { color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; margin: 0 0 .75rem; }
.odd { margin: 0 0 .4rem; font-size: .95rem; }
.open { font-size: 1.05rem; margin: 0 0 1rem; }
.open .n-open { color: var(--conflict); }
.keys { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
kbd { font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid var(--line); border-bottom-width: 2px;
  border-radius: .25rem; padding: 0 .3em; background: var(--card); }
.finding { content-visibility: auto; contain-intrinsic-size: auto 22rem; }
.finding.current { outline: 3px solid var(--accent); outline-offset: 2px; }
.agreements { margin: 1rem 0; }
.agreements > summary { cursor: pointer; font-weight: 600; padding: .4rem 0; }
.finding.line { padding: .35rem .75rem; margin: 0 0 .35rem; border-left-width: .25rem; contain-intrinsic-size: auto 2.5rem; }
.finding.line .badge { margin-right: .35rem; }
.claims li.more { color: var(--muted); font-size: .88rem; }
.sentence.named { border-left-style: dashed; }
.pages { display: flex; gap: .75rem; align-items: center; justify-content: center; margin: 1rem 0; }
.pages button { font: inherit; border-radius: .35rem; border: 1px solid var(--accent); background: transparent; color: var(--accent);
  padding: .3rem .9rem; min-height: 2.2rem; cursor: pointer; }
.pages button:disabled { opacity: .4; cursor: default; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: .75rem .6rem 2rem; }
  .finding { padding: .6rem .7rem; }
  .claims { padding-left: .4rem; }
  .bar-row { grid-template-columns: minmax(5rem, 8rem) 1fr 3.5rem; gap: .4rem; }
  .counts { grid-template-columns: repeat(3, 1fr); gap: .4rem; }
  .counts div { padding: .35rem .5rem; }
  .counts dd { font-size: 1.25rem; }
  .filters { position: static; gap: .4rem .6rem; }
  .filters label { flex: 1 1 40%; }
  .filters select { width: 100%; min-width: 0; max-width: none; }
  .filters output { margin-left: 0; }
}
@media print {
  .filters, .review { display: none !important; }
  .finding { break-inside: avoid; }
}
`;
