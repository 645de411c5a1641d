import { reject } from '../rejection/rejection.js';

/**
 * A command about a revision that was never proposed (P-2).
 *
 * @param revisionId - the revision
 * @returns the rejection `policy.revision-unknown`
 * @example
 * revisionUnknown('r9').code // => 'policy.revision-unknown'
 */
export function revisionUnknown(revisionId: string) {
  return reject(
    'P-2',
    'policy.revision-unknown',
    { 'zh-CN': `没有修订 ${revisionId}`, en: `there is no revision ${revisionId}` },
    { revisionId },
  );
}

/**
 * A proposal under an id that another proposal already holds (P-2).
 *
 * @param revisionId - the revision
 * @returns the rejection `policy.revision-exists`
 * @example
 * revisionExists('r1').code // => 'policy.revision-exists'
 */
export function revisionExists(revisionId: string) {
  return reject(
    'P-2',
    'policy.revision-exists',
    {
      'zh-CN': `修订 ${revisionId} 已由他人或以不同内容提出`,
      en: `revision ${revisionId} was already proposed, by someone else or with other content`,
    },
    { revisionId },
  );
}

/** The steps of the lifecycle that only some people may take. */
export type PolicyStep = 'approve' | 'announce' | 'withdraw';

const STEP_ZH: Readonly<Record<PolicyStep, string>> = {
  approve: '审批',
  announce: '公告',
  withdraw: '撤回',
};
const WHO: Readonly<Record<PolicyStep, readonly [string, string]>> = {
  approve: ['leadership', '公司领导'],
  announce: ['a room admin or leadership', '行政部门或公司领导'],
  withdraw: ['its proposer, a room admin or leadership', '提出人、行政部门或公司领导'],
};

/**
 * A step taken by someone who may not take it (P-2): only leadership approves.
 *
 * @param step - the step
 * @param revisionId - the revision
 * @param actorId - who tried
 * @returns the rejection `policy.<step>-forbidden`
 * @example
 * stepForbidden('approve', 'r1', 'p7').code // => 'policy.approve-forbidden'
 */
export function stepForbidden(step: PolicyStep, revisionId: string, actorId: string) {
  const [who, whoZh] = WHO[step];
  return reject(
    'P-2',
    `policy.${step}-forbidden`,
    {
      'zh-CN': `只有${whoZh}可以${STEP_ZH[step]}策略修订 ${revisionId}`,
      en: `only ${who} may ${step} policy revision ${revisionId}`,
    },
    { revisionId, actorId },
  );
}

/**
 * A step the revision's status does not allow (P-2): approving or announcing a withdrawn revision,
 * announcing one not approved, withdrawing one announced.
 *
 * @param step - the step
 * @param revisionId - the revision
 * @param status - where the revision stands
 * @returns the rejection `policy.revision-<status>`
 * @example
 * stepOutOfOrder('announce', 'r1', 'proposed').code // => 'policy.revision-not-approved'
 */
export function stepOutOfOrder(
  step: PolicyStep,
  revisionId: string,
  status: 'proposed' | 'announced' | 'withdrawn',
) {
  const why = (
    {
      proposed: ['it is not approved', '尚未获公司领导审批', 'not-approved'],
      announced: ['it is already announced', '已经公告', 'announced'],
      withdrawn: ['it was withdrawn', '已被撤回', 'withdrawn'],
    } as const satisfies Record<typeof status, readonly [string, string, string]>
  )[status];
  return reject(
    'P-2',
    `policy.revision-${why[2]}`,
    {
      'zh-CN': `策略修订 ${revisionId} ${why[1]}，不能${STEP_ZH[step]}`,
      en: `policy revision ${revisionId} cannot be ${step === 'approve' ? 'approved' : step === 'announce' ? 'announced' : 'withdrawn'}: ${why[0]}`,
    },
    { revisionId, status },
  );
}

/** Every rejection of the policy's revision lifecycle (P-2), with its literal code and data. */
export type PolicyRejection = ReturnType<
  typeof revisionUnknown | typeof revisionExists | typeof stepForbidden | typeof stepOutOfOrder
>;

/** The codes of {@link PolicyRejection}. */
export type PolicyRejectionCode = PolicyRejection['code'];
