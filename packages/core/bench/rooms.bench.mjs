// M-2 rooms: the availability index against the ways one would answer the same questions without it.
//
//   conflict check, one room of 10³ … 10⁶ bookings: `firstConflict` vs a linear scan (≥ 1,000× at 10⁵)
//   conflict check at 10⁵ vs @flatten-js/interval-tree 2.0.3 `intersect_any` (≥ 2×)
//   free slots in a day at 10⁵: `freeSlots` vs filter + sort + walk (≥ 1,000×)
//   which of 50 rooms are free now, 2,500 bookings a room: `roomsFree` vs a scan of every room (≥ 15×)
//
// Data is deterministic (mulberry32, fixed seeds). A room is open 08:00–20:00 every day; a day is
// filled with bookings of 15–240 min separated by gaps of 0–90 min (0: back to back), all in whole
// minutes, day after day for as many days as the count needs (10⁶ bookings span centuries: one
// room's log is not realistic at that size, the question is how the index scales).
//
// Probes are whole-minute requests of 15–120 min starting anywhere in opening hours, uniformly over
// the whole span of the room's bookings: a natural mix of free and busy answers (the rooms are
// busy, so about 11% are free; the share is in each case's note). The scan stops at its first hit
// (`some`): it runs the full length for a free probe and up to the probe's place for a busy one,
// about half the array on average, which favours the anchor. Every timed call runs the same BATCH
// probes, cycling through a precomputed array, on both sides: one lookup is tens of nanoseconds,
// under the harness's per-call timer overhead, so a batch measures the lookup and not the timer.
// Before timing, both sides' answers are checked equal on every probe.
import IntervalTree from '@flatten-js/interval-tree';
import {
  buildIndex,
  firstConflict,
  foldBookingEvents,
  initialBookingState,
  freeSlots,
  roomsFree,
} from '@huiyi/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-01-01 00:00 in Asia/Shanghai (UTC+8, no DST), so day boundaries are plain arithmetic. */
const EPOCH = Date.UTC(2025, 11, 31, 16, 0);
const OPEN = 8 * HOUR;
const CLOSE = 20 * HOUR;
const BATCH = 64;
const PROBES = 4096;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const intIn = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

/** `n` disjoint bookings `{ id, start, end }` in start order, from `firstDay` on. */
function bookings(n, seed, firstDay = 0) {
  const rand = mulberry32(seed);
  const out = [];
  let day = firstDay;
  let t = EPOCH + day * DAY + OPEN + intIn(rand, 0, 90) * MINUTE;
  while (out.length < n) {
    const length = intIn(rand, 15, 240) * MINUTE;
    if (t + length > EPOCH + day * DAY + CLOSE) {
      day += 1;
      t = EPOCH + day * DAY + OPEN + intIn(rand, 0, 90) * MINUTE;
      continue;
    }
    out.push({ id: `b${seed}-${out.length}`, start: t, end: t + length });
    t += length + intIn(rand, 0, 90) * MINUTE;
  }
  return out;
}

/** Days (0-based from EPOCH) that the bookings touch: [first, last]. */
const daysOf = (list) => [
  Math.floor((list[0].start - EPOCH) / DAY),
  Math.floor((list[list.length - 1].end - EPOCH) / DAY),
];

/** Requests of 15–120 min starting in opening hours on a random day in [firstDay, lastDay]. */
function probes(count, seed, firstDay, lastDay) {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const start =
      EPOCH + intIn(rand, firstDay, lastDay) * DAY + OPEN + intIn(rand, 0, 660) * MINUTE;
    return { start, end: start + intIn(rand, 15, 120) * MINUTE };
  });
}

/** A timed function: BATCH calls of `one` on consecutive probes, wrapping round the array. */
function batched(list, one) {
  let i = 0;
  return () => {
    let hits = 0;
    for (let k = 0; k < BATCH; k++) {
      if (one(list[i])) hits++;
      i = i + 1 === list.length ? 0 : i + 1;
    }
    return hits;
  };
}

function sameAnswers(what, list, a, b) {
  let free = 0;
  for (const p of list) {
    const x = Boolean(a(p));
    if (x !== Boolean(b(p))) throw new Error(`${what}: answers differ at ${JSON.stringify(p)}`);
    if (!x) free++;
  }
  return free / list.length;
}

const overlaps = (b, p) => b.start < p.end && p.start < b.end;
const pct = (x) => `${Math.round(x * 100)}% of probes free`;

function conflictCases() {
  const out = [];
  // The hard target is at 10⁵. Below it the target is that bar scaled with n (the scan's
  // cost is linear, ours logarithmic); above it, the same bar must still hold.
  const sizes = [
    [1e3, '1e3', 10],
    [1e4, '1e4', 100],
    [1e5, '1e5', 1000],
    [1e6, '1e6', 1000],
  ];
  for (const [n, label, target] of sizes) {
    const list = bookings(n, n);
    const index = buildIndex(list);
    const [d0, d1] = daysOf(list);
    const ps = probes(PROBES, n + 1, d0, d1);
    const ours = (p) => firstConflict(index, p);
    const scan = (p) => list.some((b) => overlaps(b, p));
    const free = sameAnswers(`conflict ${label}`, ps, ours, scan);
    out.push({
      name: `rooms: conflict check, ${label} bookings vs linear scan`,
      anchor: 'linear scan (Array.some)',
      target,
      ours: batched(ps, ours),
      anchorFn: batched(ps, scan),
      note: pct(free),
    });
    if (n === 1e5) {
      // The tree's intervals are closed, [low, high]: a half-open [start, end) of whole
      // milliseconds is [start, end - 1].
      const tree = new IntervalTree();
      for (const b of list) tree.insert([b.start, b.end - 1], b.id);
      const theirs = (p) => tree.intersect_any([p.start, p.end - 1]);
      sameAnswers(`conflict ${label} tree`, ps, ours, theirs);
      out.push({
        name: `rooms: conflict check, ${label} bookings vs interval tree`,
        anchor: '@flatten-js/interval-tree 2.0.3 intersect_any',
        target: 2,
        ours: batched(ps, ours),
        anchorFn: batched(ps, theirs),
        note: pct(free),
      });
    }
  }
  return out;
}

function freeSlotsCase() {
  const n = 1e5;
  const list = bookings(n, 7);
  const index = buildIndex(list);
  const [d0, d1] = daysOf(list);
  const rand = mulberry32(8);
  // A calendar day (00:00–24:00 local) on a random day of the span.
  const days = Array.from({ length: PROBES }, () => {
    const start = EPOCH + intIn(rand, d0, d1) * DAY;
    return { start, end: start + DAY };
  });
  const options = { buffer: 0, minLength: 15 * MINUTE };
  const ours = (day) => freeSlots(index, day, options);
  const anchor = (day) => {
    const inDay = list.filter((b) => overlaps(b, day)).sort((a, b) => a.start - b.start);
    const slots = [];
    let cursor = day.start;
    for (const b of inDay) {
      if (b.start - cursor >= options.minLength) slots.push({ start: cursor, end: b.start });
      if (b.end > cursor) cursor = b.end;
    }
    if (day.end - cursor >= options.minLength) slots.push({ start: cursor, end: day.end });
    return slots;
  };
  for (const day of days.slice(0, 256)) {
    if (JSON.stringify(ours(day)) !== JSON.stringify(anchor(day)))
      throw new Error(`free slots differ on ${new Date(day.start).toISOString()}`);
  }
  return {
    name: 'rooms: free slots in a day, 1e5 bookings vs filter+sort',
    anchor: 'filter + sort + walk',
    target: 1000,
    ours: batched(days, (d) => ours(d).length),
    anchorFn: batched(days, (d) => anchor(d).length),
  };
}

function roomsFreeCase() {
  const ROOMS = 50;
  const PER_ROOM = 2500;
  const rand = mulberry32(50);
  const kinds = ['projector', 'screen', 'audio', 'microphone', 'video-conferencing', 'whiteboard'];
  const events = [];
  const plain = []; // the anchor's view: each room with its bookings as a plain array
  let lastDay = Infinity;
  let firstDay = 0;
  for (let r = 0; r < ROOMS; r++) {
    const id = `R${String(r).padStart(2, '0')}`;
    const equipment = kinds
      .filter((_, k) => (k === 0 ? rand() < 0.7 : rand() < 0.4))
      .map((kind) => ({ id: `${id}-${kind}`, kind }));
    const room = {
      id,
      name: `会议室 ${r + 1}`,
      location: `售后${1 + (r % 4)}楼`,
      capacity: [4, 6, 8, 10, 12, 20][intIn(rand, 0, 5)],
      equipment,
      openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }],
      confidential: false,
      needsApproval: false,
      walkUp: true,
    };
    events.push({ type: 'RoomRegistered', roomId: id, room });
    const list = bookings(PER_ROOM, 1000 + r);
    for (const b of list) {
      events.push({
        type: 'RoomBooked',
        roomId: id,
        booking: {
          id: b.id,
          roomId: id,
          organizerId: 'wang',
          topic: '周例会',
          headcount: 4,
          start: b.start,
          end: b.end,
          equipment: [],
          confidential: false,
          walkUp: false,
          status: 'confirmed',
          requestedAt: b.start - DAY,
        },
      });
    }
    const faulty = new Set();
    if (equipment.length > 0 && rand() < 0.1) {
      const broken = equipment[intIn(rand, 0, equipment.length - 1)];
      faulty.add(broken.id);
      events.push({
        type: 'EquipmentFaultReported',
        roomId: id,
        equipmentId: broken.id,
        note: '不亮',
        reportedBy: 'zhao',
        at: EPOCH,
      });
    }
    plain.push({ id, room, faulty, bookings: list });
    const [d0, d1] = daysOf(list);
    firstDay = Math.max(firstDay, d0);
    lastDay = Math.min(lastDay, d1);
  }
  const state = foldBookingEvents(initialBookingState, events);
  // "Now": moments in opening hours over the last quarter of the span every room covers, as if the
  // rooms had a history and a little future booked; the scan cannot stop early on a free room.
  const nows = probes(PROBES, 51, Math.floor(firstDay + 0.75 * (lastDay - firstDay)), lastDay).map(
    (p) => ({ start: p.start, end: p.start + 30 * MINUTE }),
  );
  const needs = { headcount: 6, equipment: ['projector'] };
  const ours = (interval) => roomsFree(state, interval, needs);
  const anchor = (interval) => {
    const out = [];
    for (const { id, room, faulty, bookings: list } of plain) {
      if (room.capacity < needs.headcount) continue;
      if (
        !needs.equipment.every((k) => room.equipment.some((e) => e.kind === k && !faulty.has(e.id)))
      )
        continue;
      if (!list.some((b) => overlaps(b, interval))) out.push(id);
    }
    return out;
  };
  let suitable = 0;
  let free = 0;
  for (const now of nows) {
    const a = ours(now);
    const b = anchor(now);
    if (a.join() !== b.join()) throw new Error(`rooms free differ at ${now.start}`);
    free += a.length;
  }
  for (const p of plain)
    if (
      p.room.capacity >= 6 &&
      p.room.equipment.some((e) => e.kind === 'projector' && !p.faulty.has(e.id))
    )
      suitable++;
  return {
    name: 'rooms: which of 50 rooms are free now, 2500 bookings a room vs scan',
    anchor: 'scan every room',
    target: 15,
    ours: batched(nows, (i) => ours(i).length),
    anchorFn: batched(nows, (i) => anchor(i).length),
    note: `${suitable} rooms fit, ${(free / nows.length).toFixed(1)} free on average`,
  };
}

export default async function cases() {
  return [...conflictCases(), freeSlotsCase(), roomsFreeCase()];
}
