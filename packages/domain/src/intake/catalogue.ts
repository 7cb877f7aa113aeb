import type { SourceDefinition } from './source.js';
import { AGRICULTURE_SOURCES } from './sources/agriculture.js';
import { BANK_SOURCES } from './sources/banks.js';
import { CIVIL_AFFAIRS_SOURCES } from './sources/civil-affairs.js';
import { DISABLED_PERSONS_FEDERATION_SOURCES } from './sources/disabled-persons-federation.js';
import { EDUCATION_SOURCES } from './sources/education.js';
import { EMERGENCY_MANAGEMENT_SOURCES } from './sources/emergency-management.js';
import { HEALTH_SOURCES } from './sources/health.js';
import { HUMAN_RESOURCES_SOURCES } from './sources/human-resources.js';
import { MARKET_REGULATION_SOURCES } from './sources/market-regulation.js';
import { MEDICAL_SECURITY_SOURCES } from './sources/medical-security.js';
import { NATURAL_RESOURCES_SOURCES } from './sources/natural-resources.js';
import { PROVIDENT_FUND_SOURCES } from './sources/provident-fund.js';
import { PUBLIC_SECURITY_SOURCES } from './sources/public-security.js';
import { TAX_SOURCES } from './sources/tax.js';
import { TRADE_UNION_SOURCES } from './sources/trade-union.js';

/**
 * The default source catalogue (Nanjing): the fourteen departments whose data feeds the
 * registry and the signals, plus the banks that answer verification requests. One file per
 * department under `sources/`.
 */
export const SOURCES: readonly SourceDefinition[] = [
  ...CIVIL_AFFAIRS_SOURCES,
  ...HUMAN_RESOURCES_SOURCES,
  ...MEDICAL_SECURITY_SOURCES,
  ...EMERGENCY_MANAGEMENT_SOURCES,
  ...DISABLED_PERSONS_FEDERATION_SOURCES,
  ...EDUCATION_SOURCES,
  ...PUBLIC_SECURITY_SOURCES,
  ...NATURAL_RESOURCES_SOURCES,
  ...MARKET_REGULATION_SOURCES,
  ...PROVIDENT_FUND_SOURCES,
  ...TAX_SOURCES,
  ...BANK_SOURCES,
  ...HEALTH_SOURCES,
  ...TRADE_UNION_SOURCES,
  ...AGRICULTURE_SOURCES,
];

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

export function sourceById(id: string): SourceDefinition | undefined {
  return BY_ID.get(id);
}
