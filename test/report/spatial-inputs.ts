import { parse } from "csv-parse/sync";
import { generateSampleCity, SAMPLE_CITY_SEED } from "../../scripts/sample-city.js";

/** The sample city with its seeded lon/lat layout (`generateSampleCity(seed, { coordinates: true })`), as rows. */
export function sampleCityWithCoordinates(): Record<string, string>[] {
  return parse(generateSampleCity(SAMPLE_CITY_SEED, { coordinates: true }), { columns: true });
}
