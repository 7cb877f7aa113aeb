/**
 * @shouwang/simulator — a reproducible demo city (households, persons, incomes, programmes)
 * and the department feeds it produces, for `npm start`, tests and benchmarks.
 */

export { Random, WeightedChoice } from './random.js';
export { randomName, randomSurname, randomGivenName } from './names.js';
export {
  generateCity,
  summarizeCity,
  type CityOptions,
  type CitySummary,
  type DemoCity,
  type DemoHousehold,
  type DemoPerson,
  type Headcount,
  type Programme,
  type Relation,
} from './city.js';
export { dibaoLineFen, incomeStandardOn, type IncomeStandard } from './income.js';
export {
  burdenThresholdFen,
  settlementNo,
  type SettlementChannel,
  type SettlementRow,
  type VisitType,
} from './settlements.js';
export {
  DEFECT_KINDS,
  corruptRows,
  formatYuan,
  generateSettlements,
  settlementsToCsv,
  toSettlementRecord,
  type CorruptedSettlements,
  type CsvEncoding,
  type CsvOptions,
  type Defect,
  type DefectKind,
  type SettlementOptions,
  type SettlementRecord,
} from './medical-feed.js';
export { FeedSimulator, type FeedSimulatorOptions } from './feed-simulator.js';
export { generateSourceRows, csvLines, type SourceRowOptions } from './source-rows.js';
export {
  cityFiles,
  formatCityFiles,
  type CityExpectation,
  type CityFile,
  type CityFiles,
  type CityFilesOptions,
  type ConflictKind,
  type FileCount,
  type FileEncoding,
  type FileFormat,
  type ProgrammeCount,
  type TemporaryAssistanceCount,
} from './city-files.js';
export { ExpectationBuilder } from './expectation.js';
export type { HouseholdFacts, PersonFacts } from './facts.js';
