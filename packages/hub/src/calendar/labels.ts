import type { EquipmentKind, Urgency } from '@huiyi/core';

/** The languages a feed is written in: the dealership's two. */
export type Language = 'zh-CN' | 'en';

/** Every language a feed can be written in. */
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** The words a feed uses, in one language. */
export interface FeedLabels {
  readonly busy: string;
  readonly roomFeed: (room: string) => string;
  readonly roomFeedDescription: (room: string) => string;
  readonly personFeed: (person: string) => string;
  readonly personFeedDescription: (person: string) => string;
  readonly departmentFeed: (department: string) => string;
  readonly departmentFeedDescription: (department: string) => string;
  /** A labelled line of a description: `组织者：王伟`, `Organizer:Wang Wei`. */
  readonly field: (label: string, value: string) => string;
  /** A room and where it is, as an event's LOCATION: `一号会议室（售后二楼）`. */
  readonly place: (room: string, location: string) => string;
  readonly organizer: string;
  readonly chair: string;
  readonly headcount: string;
  readonly equipment: string;
  readonly goals: string;
  readonly agenda: string;
  readonly answerBy: string;
  readonly due: (text: string) => string;
  readonly dueAt: string;
  readonly urgency: Readonly<Record<Urgency, string>>;
  readonly kinds: Readonly<Record<EquipmentKind, string>>;
  readonly untitled: string;
}

/** The words of a feed, per language. */
export const FEED_LABELS: Readonly<Record<Language, FeedLabels>> = {
  'zh-CN': {
    busy: '忙碌',
    roomFeed: (room) => `${room} · 会议室日程`,
    roomFeedDescription: (room) => `${room}的全部预订（慧议）`,
    personFeed: (person) => `${person}的会议`,
    personFeedDescription: (person) => `${person}受邀或组织的会议，以及待办事项的截止日期（慧议）`,
    departmentFeed: (department) => `${department} · 部门会议`,
    departmentFeedDescription: (department) => `${department}成员组织或参加的会议（慧议）`,
    field: (label, value) => `${label}：${value}`,
    place: (room, location) => `${room}（${location}）`,
    organizer: '组织者',
    chair: '主持人',
    headcount: '人数',
    equipment: '设备',
    goals: '目标',
    agenda: '议程',
    answerBy: '请在此时间前答复',
    due: (text) => `截止：${text}`,
    dueAt: '截止时间',
    urgency: { normal: '普通', urgent: '紧急', critical: '特急' },
    kinds: {
      projector: '投影仪',
      audio: '音响',
      microphone: '麦克风',
      screen: '屏幕',
      'video-conferencing': '视频会议',
      whiteboard: '白板',
    },
    untitled: '导入的会议',
  },
  en: {
    busy: 'Busy',
    roomFeed: (room) => `${room} · room bookings`,
    roomFeedDescription: (room) => `Every booking of ${room} (Huiyi)`,
    personFeed: (person) => `${person}'s meetings`,
    personFeedDescription: (person) =>
      `Meetings ${person} is invited to or organizes, and the due dates of their actions (Huiyi)`,
    departmentFeed: (department) => `${department} · department meetings`,
    departmentFeedDescription: (department) =>
      `Meetings organized or attended by members of ${department} (Huiyi)`,
    field: (label, value) => `${label}:${value}`,
    place: (room, location) => `${room}(${location})`,
    organizer: 'Organizer',
    chair: 'Chair',
    headcount: 'Headcount',
    equipment: 'Equipment',
    goals: 'Goals',
    agenda: 'Agenda',
    answerBy: 'Please answer by',
    due: (text) => `Due: ${text}`,
    dueAt: 'Due at',
    urgency: { normal: 'normal', urgent: 'urgent', critical: 'critical' },
    kinds: {
      projector: 'projector',
      audio: 'audio',
      microphone: 'microphone',
      screen: 'screen',
      'video-conferencing': 'video conferencing',
      whiteboard: 'whiteboard',
    },
    untitled: 'Imported meeting',
  },
};
