/**
 * Plausible Chinese personal names. Surnames are drawn by their approximate share of the
 * population (national figures of the 2020 household-registration statistics, with the
 * surnames common in southern Jiangsu — 徐 朱 周 吴 陆 顾 沈 钱 — nudged up); given names of
 * one or two characters come from pools that follow the fashions of the birth decade.
 */

import type { Sex } from '@shouwang/domain';
import { Random, WeightedChoice } from './random.js';

/** Surname and its approximate share in per mille. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 68], ['张', 66], ['刘', 52], ['陈', 52], ['杨', 30], ['黄', 22], ['赵', 22],
  ['吴', 24], ['周', 24], ['徐', 22], ['孙', 16], ['马', 14], ['朱', 18], ['胡', 13], ['郭', 11],
  ['何', 11], ['林', 11], ['高', 11], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 8], ['宋', 8],
  ['唐', 8], ['许', 9], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 5],
  ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 6], ['于', 5], ['蒋', 6], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 5],
  ['任', 4], ['沈', 6], ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 5], ['汪', 4], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3],
  ['韦', 2], ['付', 3], ['方', 3], ['白', 2], ['邹', 3], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 3], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 1], ['贺', 2], ['顾', 4], ['毛', 2], ['郝', 2],
  ['龚', 2], ['邵', 2], ['万', 2], ['钱', 3], ['严', 2], ['戴', 3], ['武', 2], ['汤', 2],
  ['孔', 1], ['葛', 2], ['殷', 1], ['俞', 2], ['倪', 1], ['缪', 1], ['华', 1], ['季', 1],
];

const surnames = new WeightedChoice(SURNAMES);

interface GivenNamePool {
  /** Share of one-character given names in this generation. */
  readonly singleShare: number;
  readonly single: readonly string[];
  readonly first: readonly string[];
  readonly second: readonly string[];
}

type Generation = 'before1960' | 'from1960' | 'from1980' | 'from2000';

const POOLS: Readonly<Record<Generation, Record<Sex, GivenNamePool>>> = {
  before1960: {
    male: {
      singleShare: 0.3,
      single: [...'明华文忠福贵德林根发荣军祥海生'],
      first: [...'建国德志永福金长春宝玉振学世庆秀兴'],
      second: [...'国华明民林生根发荣祥才山海平贵富元成'],
    },
    female: {
      singleShare: 0.25,
      single: [...'英兰珍芳梅琴凤秀娣华'],
      first: [...'秀桂玉凤淑翠兰素月金美小'],
      second: [...'英兰珍芳梅琴凤娣华云芬贞莲'],
    },
  },
  from1960: {
    male: {
      singleShare: 0.45,
      single: [...'伟军勇强斌刚平波峰杰磊辉毅兵涛'],
      first: [...'建卫红志国海晓新立永明小爱宏'],
      second: [...'军东兵平华明强伟林峰刚民胜忠'],
    },
    female: {
      singleShare: 0.45,
      single: [...'红丽敏静燕芳霞萍玲娟艳梅华琴'],
      first: [...'丽红晓小美春秀玉海雪爱建'],
      second: [...'华梅萍芳红霞玲琴英娟燕云莉'],
    },
  },
  from1980: {
    male: {
      singleShare: 0.4,
      single: [...'磊涛超鹏浩杰宇晨阳鑫俊亮帅昊翔凯'],
      first: [...'子志俊文晓浩家天明建宇嘉一'],
      second: [...'杰伟涛鹏飞宇峰豪辉龙斌林阳航'],
    },
    female: {
      singleShare: 0.4,
      single: [...'婷丹静倩雪琳颖佳晶璐蕾莉洁敏'],
      first: [...'晓雪佳文婷丽思梦诗欣雅玉'],
      second: [...'婷丹琳颖雯洁倩茹怡慧娜悦'],
    },
  },
  from2000: {
    male: {
      singleShare: 0.15,
      single: [...'宇轩浩睿辰泽博晨铭昊瑞航'],
      first: [...'子梓浩宇俊皓一沐思博明嘉若'],
      second: [...'轩豪然睿辰泽宸航铭杰涵阳诚'],
    },
    female: {
      singleShare: 0.15,
      single: [...'涵萱怡彤妍琪悦瑶馨'],
      first: [...'梓欣诗雨可思语一子若紫佳'],
      second: [...'涵怡琪萱彤桐馨瑶妍诺宁然'],
    },
  },
};

function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'before1960';
  if (birthYear < 1980) return 'from1960';
  if (birthYear < 2000) return 'from1980';
  return 'from2000';
}

export function randomSurname(random: Random): string {
  return surnames.draw(random);
}

/** A given name (名) of one or two characters in the fashion of the birth year. */
export function randomGivenName(random: Random, sex: Sex, birthYear: number): string {
  const pool = POOLS[generationOf(birthYear)][sex];
  if (random.chance(pool.singleShare)) return random.pick(pool.single);
  const first = random.pick(pool.first);
  let second = random.pick(pool.second);
  if (second === first) second = random.pick(pool.second);
  return first + second;
}

/** A full name: surname followed by the given name. */
export function randomName(random: Random, sex: Sex, birthYear: number, surname = randomSurname(random)): string {
  return surname + randomGivenName(random, sex, birthYear);
}
