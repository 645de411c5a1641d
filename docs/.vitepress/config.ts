import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

/**
 * The API reference in the sidebar: each package, and under it each kind of export, linking to the
 * package's page where every export is listed. The sidebar typedoc-vitepress-theme writes names all
 * ~800 exports; rendered into each of ~800 pages it made the site 300 MB and the build minutes long.
 */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = new URL('../api/typedoc-sidebar.json', import.meta.url);
  if (!existsSync(file)) {
    throw new Error(
      'docs/api/ is missing: run `npm run docs` (it generates the API reference first)',
    );
  }
  const modules = JSON.parse(readFileSync(file, 'utf8')) as DefaultTheme.SidebarItem[];
  return modules.map((m) => ({
    text: m.text ?? '',
    link: m.link ?? '/api/',
    collapsed: false,
    items: (m.items ?? []).map((kind) => ({
      text: kind.text ?? '',
      link: `${m.link ?? '/api/'}#${(kind.text ?? '').toLowerCase().replace(/\s+/g, '-')}`,
    })),
  }));
}

/** API pages are indexed for search by their headings only: names, not every parameter's prose. */
function headingsOnly(src: string): string {
  return src
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .join('\n\n');
}

const guides: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guides',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'The rules and where they live', link: '/guide/rules' },
      { text: 'Deciders and events', link: '/guide/deciders-and-events' },
      { text: 'Every command, field by field', link: '/guide/commands' },
      { text: 'One decider for the whole dealership', link: '/guide/dealership' },
      { text: 'Event envelope and file formats', link: '/guide/formats' },
      { text: 'Policy parameters and versions', link: '/guide/policy' },
      { text: 'Follow-through and money', link: '/guide/follow-through-and-money' },
      { text: 'Reports', link: '/guide/reports' },
      { text: 'The kiosk on a tablet', link: '/guide/kiosk' },
      { text: "The hub's HTTP API", link: '/guide/hub' },
      { text: 'Calendars', link: '/guide/calendars' },
      { text: 'Changes', link: '/guide/changelog' },
    ],
  },
];

const decisions: DefaultTheme.SidebarItem[] = [
  {
    text: 'Decisions',
    link: '/decisions/',
    items: [
      { text: 'Deciders, events, a lazy no-show release', link: '/decisions/deciders-and-events' },
      { text: 'Rejections are values', link: '/decisions/rejections-as-values' },
      { text: 'Input checked by small combinators', link: '/decisions/input-combinators' },
      { text: "Minutes carry the meeting's facts", link: '/decisions/minutes-carry-meeting-facts' },
      { text: "The kiosk's 60 KB budget", link: '/decisions/kiosk-size-budget' },
      { text: 'The IndexedDB log', link: '/decisions/store-idb-log-and-projections' },
      {
        text: 'The kiosk starts from its saved screen',
        link: '/decisions/kiosk-start-from-snapshots',
      },
      { text: 'One fault, two contexts', link: '/decisions/one-fault-two-contexts' },
      {
        text: "The door's deciders and the signature's ink",
        link: '/decisions/kiosk-signature-ink',
      },
      { text: "The kiosk's first frame", link: '/decisions/kiosk-first-frame' },
      { text: 'The door as a sign', link: '/decisions/kiosk-door-sign' },
      { text: 'One door, one writer', link: '/decisions/one-door-one-writer' },
      { text: 'The hub: push, pull, one gap-free feed', link: '/decisions/hub-sync' },
      { text: "The hub's HTTP layer", link: '/decisions/hub-http' },
      { text: 'Calendar feeds', link: '/decisions/calendar-feeds' },
      { text: "The door's side of the sync", link: '/decisions/door-sync' },
      { text: 'Mutation testing of the core', link: '/decisions/mutation-testing' },
      { text: "The door's JavaScript", link: '/decisions/kiosk-bundle' },
    ],
  },
];

/**
 * Words for the search index and the search box alike: `Intl.Segmenter` cuts Chinese into words
 * (the default tokenizer splits on spaces only, so `签到` would never match inside a sentence).
 * Serialized into the client by VitePress, so it must not close over anything.
 */
function tokenize(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}

export default defineConfig({
  title: 'Huiyi 会议',
  description: "Meetings and meeting rooms for a car dealership's after-sales department",
  cleanUrls: true,
  // The pages' metadata in one cacheable chunk instead of inlined into each of ~800 pages.
  metaChunk: true,
  // Dead links fail the build (VitePress's default): never set ignoreDeadLinks.
  srcExclude: ['examples/**', 'test/**', 'README.md'],
  markdown: { theme: { light: 'github-light', dark: 'github-dark' } },
  // The local search index of every page, the API's included, is one chunk of about 1 MB that is
  // fetched only when the search box opens: it is not what the warning is meant for.
  vite: { build: { chunkSizeWarningLimit: 2000 } },
  locales: {
    root: {
      label: 'English',
      lang: 'en',
      themeConfig: {
        nav: [
          { text: 'Guides', link: '/guide/getting-started' },
          { text: 'API', link: '/api/' },
          { text: 'Decisions', link: '/decisions/' },
        ],
        sidebar: {
          '/guide/': guides,
          '/decisions/': decisions,
          '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar() }],
        },
      },
    },
    zh: {
      label: '简体中文',
      lang: 'zh-CN',
      link: '/zh/',
      title: '会议 Huiyi',
      description: '汽车 4S 店售后部门的会议与会议室系统',
      themeConfig: {
        nav: [
          { text: '开发指南', link: '/zh/guide/getting-started' },
          { text: '门口屏平板', link: '/zh/guide/kiosk' },
          { text: 'API（英文）', link: '/api/' },
          { text: '决策记录（英文）', link: '/decisions/' },
        ],
        sidebar: {
          '/zh/': [
            {
              text: '指南',
              items: [
                { text: '首页', link: '/zh/' },
                { text: '快速上手', link: '/zh/guide/getting-started' },
                { text: '在平板上使用门口屏', link: '/zh/guide/kiosk' },
                { text: '规则及其所在', link: '/zh/guide/rules' },
                { text: '指令字段一览', link: '/zh/guide/commands' },
                { text: '一个决策器管全店', link: '/zh/guide/dealership' },
                { text: '同步中心的 HTTP 接口', link: '/zh/guide/hub' },
                { text: '日历订阅', link: '/zh/guide/calendars' },
                { text: '变更记录', link: '/zh/guide/changelog' },
              ],
            },
          ],
        },
        outline: { label: '本页内容' },
        docFooter: { prev: '上一页', next: '下一页' },
        darkModeSwitchLabel: '外观',
        sidebarMenuLabel: '菜单',
        returnToTopLabel: '回到顶部',
        langMenuLabel: '切换语言',
      },
    },
  },
  themeConfig: {
    search: {
      provider: 'local',
      options: {
        _render(src, env, md) {
          const text = env.relativePath.startsWith('api/') ? headingsOnly(src) : src;
          return md.render(text, env);
        },
        miniSearch: {
          options: { tokenize },
          searchOptions: { tokenize, prefix: true, fuzzy: 0.2 },
        },
        locales: {
          zh: {
            translations: {
              button: { buttonText: '搜索', buttonAriaLabel: '搜索' },
              modal: {
                displayDetails: '显示详情',
                resetButtonTitle: '清除',
                backButtonTitle: '关闭搜索',
                noResultsText: '没有找到',
                footer: {
                  selectText: '选择',
                  navigateText: '切换',
                  closeText: '关闭',
                },
              },
            },
          },
        },
      },
    },
    outline: { level: [2, 3] },
  },
});
