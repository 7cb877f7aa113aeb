import type { ScreenSummary, ScreenWarning, Situation } from '@shouwang/contract';
import { SITUATIONS } from '@shouwang/domain';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize } from '../accounts/permissions.js';
import type { Db } from '../db/database.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { SignalRepository } from '../signals/signal.repository.js';
import type { TerritoryRepository } from '../territory/territory.repository.js';
import { WarningRepository } from '../warnings/warning.repository.js';
import { presentScreenWarning } from '../warnings/warning.presenter.js';

/** The command-centre screen: aggregates and masked rolling warnings within the viewer's scope. */
export class ScreenService {
  constructor(
    private readonly db: Db,
    private readonly territory: TerritoryRepository,
    private readonly cityCode: string,
    /** Start of today in Asia/Shanghai, as an ISO timestamp. */
    private readonly startOfToday: () => string,
  ) {}

  async summary(user: SessionUser): Promise<ScreenSummary> {
    authorize(user, 'screen.view');
    const scope = { territoryCodes: user.territoryCodes };
    const since = this.startOfToday();
    const warnings = new WarningRepository(this.db.kysely);
    const [counts, signalsToday, byCommunity, recent, districts] = await Promise.all([
      new RegistryRepository(this.db).counts(scope),
      new SignalRepository(this.db.kysely).countCreatedSince(since, scope),
      warnings.countsByCommunity(scope, since),
      warnings.recent(scope, 20),
      this.territory.children(this.cityCode),
    ]);
    const byDistrict = districts
      .filter((d) => user.territoryCodes.some((c) => d.code.startsWith(c) || c.startsWith(d.code)))
      .map((d) => {
        const rows = byCommunity.filter((r) => r.community_code.startsWith(d.code));
        return { code: d.code, name: d.name, open: rows.reduce((s, r) => s + r.open, 0), today: rows.reduce((s, r) => s + r.today, 0) };
      });
    const bySituation = SITUATIONS.map((situation: Situation) => ({
      situation, open: byCommunity.filter((r) => r.situation === situation).reduce((s, r) => s + r.open, 0),
    }));
    return {
      kpis: {
        persons: counts.persons,
        households: counts.households,
        signalsToday,
        warningsToday: byCommunity.reduce((s, r) => s + r.today, 0),
        warningsOpen: byCommunity.reduce((s, r) => s + r.open, 0),
      },
      byDistrict,
      bySituation,
      recent: await Promise.all(recent.map(async (r) => presentScreenWarning(r, await this.territory.placeOf(r.community_code)))),
    };
  }

  private readonly presented = new Map<string, Promise<ScreenWarning | undefined>>();

  /**
   * A changed warning as the screen shows it. The screen form is masked and the same for every
   * viewer (each connection checks its scope against the community code first), so it is read
   * once per change, not once per connected screen.
   */
  screenWarning(warning: { id: string; community_code: string; updated_at: string }): Promise<ScreenWarning | undefined> {
    const key = `${warning.id}|${warning.updated_at}`;
    let presented = this.presented.get(key);
    if (!presented) {
      presented = new WarningRepository(this.db.kysely).findInScope(warning.id, { territoryCodes: [warning.community_code] })
        .then(async (row) => (row ? presentScreenWarning(row, await this.territory.placeOf(row.community_code)) : undefined))
        .catch((error: unknown) => {
          this.presented.delete(key);
          throw error;
        });
      this.presented.set(key, presented);
      // A handful of recent changes is all the connections ask for at one time.
      if (this.presented.size > 200) this.presented.delete(this.presented.keys().next().value as string);
    }
    return presented;
  }
}
