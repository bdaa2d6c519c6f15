import type { ActivityWrite, SeededContact } from './b2b.js';
import type { Rng } from './random.js';
import type { SeedTime } from './time.js';

/** App check-ins (type `app`, purpose `visit`) of active members over the last 30 days. */
export function checkIns(rng: Rng, time: SeedTime, members: readonly SeededContact[], count: number): ActivityWrite[] {
  const regulars = members.filter((m) => m.lifecycleStage === 'active' || m.lifecycleStage === 'loyal');
  return Array.from({ length: count }, () => {
    const m = rng.pick(regulars);
    const at = time.anyTime(0, 30, 6, 21.5);
    const body = {
      type: 'app',
      direction: 'inbound',
      subject: 'Check-in',
      body: rng.pick(['Cổng chính — thẻ từ', 'Cổng chính — mã QR', 'Cổng hồ bơi — thẻ từ']),
      purpose: 'visit',
      occurredAt: at.toISOString(),
      contactId: m.id,
      tags: rng.chance(0.3) ? [rng.pick(['yoga', 'gym', 'swimming', 'group-class'])] : [],
    };
    return { body, at, completedAt: null, authorId: null };
  });
}

/** Front-desk follow-ups: renewal call-backs, promotion SMS, trainer notes. */
export function memberCare(
  rng: Rng,
  time: SeedTime,
  members: readonly SeededContact[],
  count: number,
): ActivityWrite[] {
  return Array.from({ length: count }, () => {
    const m = rng.pick(members);
    const at = time.anyTime(1, 90, 8, 21);
    const kind = rng.weighted([
      ['call_back', 4],
      ['sms', 3],
      ['note', 3],
    ] as const);
    if (kind === 'call_back') {
      const due = time.plusMinutes(at, rng.int(1, 7) * 24 * 60);
      const done = due.getTime() < time.base.getTime() && rng.chance(0.8);
      const body = {
        type: 'task',
        subject: 'Gọi tư vấn gia hạn thẻ',
        purpose: 'call_back',
        occurredAt: at.toISOString(),
        dueAt: due.toISOString(),
        contactId: m.id,
        assigneeId: m.ownerId,
      };
      return { body, at, completedAt: done ? time.plusMinutes(due, -rng.int(30, 480)) : null, authorId: m.ownerId };
    }
    if (kind === 'sms') {
      const body = {
        type: 'sms',
        direction: 'outbound',
        body: rng.pick([
          'Lotus Fitness: Ưu đãi gia hạn sớm giảm 10% đến hết tháng này.',
          'Lotus Fitness: Lớp Yoga bay mới khai giảng tối thứ 3 & 5, đăng ký tại quầy lễ tân.',
          'Lotus Fitness: Thẻ của bạn sắp hết hạn, gia hạn ngay để giữ giá cũ.',
        ]),
        purpose: 'promotion',
        occurredAt: at.toISOString(),
        contactId: m.id,
      };
      return { body, at, completedAt: null, authorId: m.ownerId };
    }
    const trainer = rng.pick(['usr_fit_ploy', 'usr_fit_jack']);
    const body = {
      type: 'note',
      body: rng.pick([
        'Hội viên đạt mục tiêu giảm 5 kg sau 8 tuần.',
        'Đau gối nhẹ — tránh bài squat nặng, ưu tiên bài phục hồi.',
        'Muốn tăng cơ, đã lên giáo án 3 buổi/tuần.',
        'Đo InBody: tỷ lệ mỡ giảm 3% so với tháng trước.',
      ]),
      occurredAt: at.toISOString(),
      contactId: m.id,
    };
    return { body, at, completedAt: null, authorId: trainer };
  });
}
