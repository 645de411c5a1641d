import { reject, type Rejection, type RuleId } from '@huiyi/core';

/** A rule a refusal names: the core's rules, the hub's own (S-1 … S-6) among them. */
export type HubRuleId = RuleId;

/** Why the hub refused something: the core's rejection (rule, code, data, zh-CN and en message). */
export type HubRejection = Rejection;

const make = (
  rule: HubRuleId,
  code: string,
  zh: string,
  en: string,
  data: Record<string, unknown> = {},
): HubRejection => reject(rule, code, { 'zh-CN': zh, en }, data);

/** The refusals the hub itself gives, each naming its rule (S-1 … S-6). */
export const hubRejections = {
  /** S-3: a door acting for another room. */
  otherRoom: (roomId: string | undefined, doorRoomId: string) =>
    make(
      'S-3',
      'hub.other-room',
      `本门牌只能为会议室 ${doorRoomId} 操作`,
      `this door acts only for room ${doorRoomId}`,
      { roomId: roomId ?? null, doorRoomId },
    ),
  /** S-3: a kind of command a door does not issue. */
  notForDoor: (type: string) =>
    make('S-3', 'hub.not-for-door', `门牌不能执行「${type}」`, `a door may not issue ${type}`, {
      type,
    }),
  /** S-3: a key without the scope the command needs. */
  missingScope: (scope: string, type: string) =>
    make(
      'S-3',
      'hub.missing-scope',
      `此密钥没有「${scope}」权限，不能执行「${type}」`,
      `this key lacks the "${scope}" scope needed for ${type}`,
      { scope, type },
    ),
  /** S-3: a client id that belongs to another principal. */
  foreignClient: (clientId: string) =>
    make(
      'S-3',
      'hub.foreign-client',
      `客户端 ${clientId} 属于另一台设备或系统`,
      `client ${clientId} belongs to another device or system`,
      { clientId },
    ),
  /** S-1: a command that names no single room where the hub needs one. */
  oneRoom: (type: string) =>
    make(
      'S-1',
      'hub.one-room',
      `「${type}」须指明一个会议室`,
      `${type} must name one room at the hub`,
      { type },
    ),
  /** S-1: a device clock too far from the hub's to tell when a tap happened. */
  clockSkew: (skewMs: number, limitMs: number) =>
    make(
      'S-1',
      'hub.clock-skew',
      `设备时钟与中心相差 ${Math.round(skewMs / 60000)} 分钟，超过 ${Math.round(limitMs / 60000)} 分钟，请校准时间`,
      `the device clock is ${Math.round(skewMs / 60000)} min off the hub's, beyond ${Math.round(limitMs / 60000)} min: set the clock`,
      { skewMs, limitMs },
    ),
  /** S-2: a push or pull that is not shaped as the hub reads it. */
  malformed: (what: string) =>
    make('S-2', 'hub.malformed', `请求格式有误：${what}`, `malformed request: ${what}`, { what }),
  /** S-3: reading what the principal may not read. */
  mayNotRead: (what: string) =>
    make('S-3', 'hub.may-not-read', `无权读取：${what}`, `not allowed to read: ${what}`, { what }),
} as const;
