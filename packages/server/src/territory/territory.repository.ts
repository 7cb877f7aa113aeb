import { unitsOf, type CityTerritoryFile, type TerritoryUnit } from '@shouwang/domain';
import type { Db } from '../db/database.js';
import { bulkInsert } from '../db/bulk.js';

export interface CommunityPlace {
  communityCode: string;
  communityName: string;
  subdistrictName: string;
  districtName: string;
}

export class TerritoryRepository {
  private places: Map<string, CommunityPlace> | undefined;

  constructor(private readonly db: Db) {}

  /** Loads the city's tree once; a second call with the same file changes nothing. */
  async seed(file: CityTerritoryFile): Promise<number> {
    const existing = await this.db.kysely.selectFrom('territory_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return 0;
    const units = unitsOf(file);
    await bulkInsert(this.db, 'territory_unit', ['code', 'name', 'level', 'parent_code'], units.map((u) => [u.code, u.name, u.level, u.parentCode]));
    this.places = undefined;
    return units.length;
  }

  /** Every community code of the tree: validation of community codes in department files. */
  async communityCodes(): Promise<Set<string>> {
    const rows = await this.db.kysely.selectFrom('territory_unit').select('code').where('level', '=', 'community').execute();
    return new Set(rows.map((r) => r.code));
  }

  async findMany(codes: readonly string[]): Promise<TerritoryUnit[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.kysely.selectFrom('territory_unit').selectAll().where('code', 'in', codes).execute();
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
  }

  async children(parentCode: string): Promise<TerritoryUnit[]> {
    const rows = await this.db.kysely.selectFrom('territory_unit').selectAll().where('parent_code', '=', parentCode).orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
  }

  /** Community → its names up the tree; the tree is small (≈1,500 units) and read-mostly, so cached. */
  async placeOf(communityCode: string): Promise<CommunityPlace | undefined> {
    if (!this.places) {
      const rows = await this.db.kysely.selectFrom('territory_unit').select(['code', 'name', 'level', 'parent_code']).execute();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      this.places = new Map();
      for (const r of rows) {
        if (r.level !== 'community') continue;
        const sub = r.parent_code ? byCode.get(r.parent_code) : undefined;
        const district = sub?.parent_code ? byCode.get(sub.parent_code) : undefined;
        this.places.set(r.code, { communityCode: r.code, communityName: r.name, subdistrictName: sub?.name ?? '', districtName: district?.name ?? '' });
      }
    }
    return this.places.get(communityCode);
  }
}
