import type { Day } from '../calendar';
import type { MatchingModel } from '../model/matching-model';
import { NO_COMMUNE, NEIGHBOUR_PROVINCE } from '../model/vocabulary';
import type { RankedCourse } from '../search/course-search';
import { byPoints, dateEn, dateVi, provinceNames, reason, skillNames, vnd, vndEn, type Reason } from './format';

/** Why a cohort ranks where it does, in both languages; counts are of jobs the person may be offered. */
export function courseReasons(m: MatchingModel, p: number, ranked: RankedCourse, _today: Day): Reason[] {
  const { vocab, returnees: R } = m;
  const { cohort: c, parts, gap } = ranked;
  const reasons: Reason[] = [];
  const wanted = gap.filter((g) => g.demand > 0);
  if (wanted.length > 0) {
    const top = wanted.slice(0, 3);
    const vi = top.map((g) => `${skillNames(vocab, [g.skill]).vi} (${g.demand} việc làm)`).join(', ');
    const en = top.map((g) => `${skillNames(vocab, [g.skill]).en} (${g.demand} jobs)`).join(', ');
    reasons.push(reason('skill-gap', parts.gap, `Dạy kỹ năng còn thiếu mà việc làm gần đây đang cần: ${vi}`, `Teaches missing skills that open jobs nearby ask for: ${en}`));
  }
  if (gap.length > 0) {
    const names = skillNames(vocab, gap.map((g) => g.skill));
    reasons.push(reason('new-skills', parts.newSkills, `Kỹ năng mới: ${names.vi}`, `New skills: ${names.en}`));
  } else {
    reasons.push(reason('no-new-skills', 0, 'Người này đã có các kỹ năng khóa học cấp', 'The person already holds the skills this course grants'));
  }
  const place = provinceNames(vocab, c.province);
  if (c.commune !== NO_COMMUNE && c.commune === R.commune[p]) reasons.push(reason('same-commune', parts.distance, 'Học tại xã/phường nơi cư trú', 'Taught in the same commune'));
  else if (vocab.tier(R.province[p]!, c.province) === NEIGHBOUR_PROVINCE) reasons.push(reason('neighbouring-province', parts.distance, `Tỉnh lân cận: ${place.vi}`, `Neighbouring province: ${place.en}`));
  else reasons.push(reason('same-province', parts.distance, `Cùng tỉnh ${place.vi}`, `In the same province (${place.en})`));
  if (parts.tuition > 0) {
    const free = c.facts.tuitionVnd === 0 || c.facts.support.some((s) => s.kind === 'tuition-exempt');
    reasons.push(free ? reason('free-tuition', parts.tuition, 'Miễn học phí', 'No tuition fee') : reason('reduced-tuition', parts.tuition, 'Được giảm học phí', 'Reduced tuition'));
  } else {
    reasons.push(reason('tuition', 0, `Học phí ${vnd(c.facts.tuitionVnd)}`, `Tuition ${vndEn(c.facts.tuitionVnd)}`));
  }
  if (parts.housing > 0) reasons.push(reason('accommodation', parts.housing, 'Có hỗ trợ chỗ ở (người này cần nhà ở)', 'Accommodation support (housing is needed)'));
  if (parts.training > 0) reasons.push(reason('training-need', parts.training, 'Người này có nhu cầu học nghề', 'The person asked for training'));
  reasons.push(
    parts.start > 0
      ? reason('available', parts.start, `Khai giảng ${dateVi(c.startsOn)}, đã sẵn sàng`, `Starts ${dateEn(c.startsOn)}; available by then`)
      : reason('available-late', 0, `Khai giảng ${dateVi(c.startsOn)}, trước ngày người này sẵn sàng`, `Starts ${dateEn(c.startsOn)}, before the person is available`),
  );
  return byPoints(reasons);
}
