import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Concentration } from '../concentration/concentration.types';
import { Dataset } from '../dataset/dataset.entity';
import type { TrendShareShiftsQuery } from './concentration-trend.sql';

@ObjectType({
  description: 'One year of a concentration trend. A year without data is listed with hasData false and null figures (never a silent 0).',
})
export class TrendPoint {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field({
    description: 'Whether the market has trade this year (a flow with value > 0 in the dataset); false = no data, every figure null.',
  })
  hasData!: boolean;

  @Field(() => Float, { nullable: true, description: 'v_t = W, the total trade of the market (USD); null without data.' })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'YoY growth v_t / v_{t−1} − 1 (0.1 = +10 %); null when either year has no data or v_{t−1} = 0. The first year compares with the year before the range.',
  })
  valueYoY!: number | null;

  @Field(() => Concentration, {
    nullable: true,
    description: "The year's concentration (HHI, CRk, band, top participants…); null without data.",
  })
  concentration!: Concentration | null;

  @Field(() => Float, {
    nullable: true,
    description: 'ΔHHI = HHI points of this year − HHI points of the year before; null unless both years have data.',
  })
  deltaHhiPoints!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Significant increase under `guidelines`: this year is HIGH and ΔHHI > 100 points (2023 Guidelines; > 2,500 and > 200 under the 2010 ones); null when ΔHHI is null.',
  })
  significantIncrease!: boolean | null;
}

@ObjectType({
  description:
    'A trade market year by year ([trends](/docs/metrics#trends)): value, YoY growth and concentration per year; CAGR, ΔHHI and share shifts between the first and the last year with data (cagrFrom, cagrTo). Years without data are listed, never read as 0.',
})
export class ConcentrationTrend {
  @Field(() => Dataset, { description: 'The one dataset every figure comes from.' })
  dataset!: Dataset;

  @Field(() => [TrendPoint], { description: 'One point per year from fromYear to toYear, in order.' })
  points!: TrendPoint[];

  @Field(() => [Int], { description: 'Years of the range without data (hasData false).' })
  missingYears!: number[];

  @Field(() => Int, {
    nullable: true,
    description:
      'a: the first year of the range with data, the start of cagr, deltaHhiPoints and shareShifts; null unless two years have data.',
  })
  cagrFrom!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'b: the last year of the range with data, the end of cagr, deltaHhiPoints and shareShifts; null unless two years have data.',
  })
  cagrTo!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CAGR of value over [a, b] = (v_b / v_a)^{1/(b−a)} − 1; null unless two years have data.',
  })
  cagr!: number | null;

  @Field(() => Float, { nullable: true, description: 'ΔHHI = HHI points at b − HHI points at a; null unless two years have data.' })
  deltaHhiPoints!: number | null;

  /** The statement giving `shareShifts`, run only when that field is selected (null: nothing to compare). */
  shareShiftsQuery!: TrendShareShiftsQuery | null;
}
