/** The fixed texts of the report, in one language. @internal */
export interface Labels {
  lang: string;
  generated: string;
  profile: string;
  profiles: string;
  overview: string;
  framework: string;
  ranking: string;
  rollup: string;
  unit: string;
  compare: string;
  uncertainty: string;
  correlations: string;
  units: string;
  scored: string;
  noScore: string;
  indicators: string;
  dimensions: string;
  mean: string;
  median: string;
  min: string;
  max: string;
  score: string;
  rank: string;
  name: string;
  node: string;
  direction: string;
  localWeight: string;
  globalWeight: string;
  method: string;
  consistency: string;
  consistent: string;
  inconsistent: string;
  crTotal: string;
  experts: (node: string) => string;
  expert: string;
  expertWeight: string;
  priorities: string;
  advice: string;
  top: (n: number) => string;
  allUnits: string;
  coverage: string;
  parent: string;
  level: string;
  count: string;
  population: string;
  weightedBy: (col: string) => string;
  /** A method, policy, column or level key (`arithmetic`, `entropy`, `skip`, `population`, `district`...) in this language; other text as it is. */
  term: (key: string) => string;
  plainMean: string;
  grades: string;
  gradesAt: (node: string) => string;
  cutPoints: (method: string, cuts: string, closed: string) => string;
  gradeCountsBy: (level: string) => string;
  total: string;
  noGrade: string;
  assessment: string;
  grade: string;
  gradeBeforeVeto: string;
  vetoedBy: string;
  rule: string;
  points: string;
  detail: string;
  noRules: string;
  strengths: string;
  weaknesses: string;
  obstacles: string;
  obstaclesByDimension: string;
  obstacleNote: string;
  obstacleUnavailable: string;
  dimensionProfile: string;
  unitVsMean: string;
  rawValue: string;
  normalized: string;
  indicatorRank: string;
  rankShift: string;
  risers: string;
  fallers: string;
  rankCorrelation: string;
  spearman: string;
  kendall: string;
  dimensionWeights: string;
  shiftNote: (a: string, b: string) => string;
  scatterNote: string;
  intervalNote: string;
  nominalRank: string;
  interval: string;
  heatmapNote: string;
  strongestPairs: string;
  dimensionCorrelations: string;
  negativeWithin: string;
  scaleNote: string;
  nativeScaleNote: string;
  contributionsNote: string;
  noContributions: string;
  benefit: string;
  cost: string;
  target: string;
  sortHint: string;
  of: string;
  topUnit: string;
  pearson: string;
  weights: string;
  aggregation: string;
  methodNotes: string;
  normalization: string;
  missingPolicy: string;
  footer: string;
  showProfile: string;
}

/**
 * Chinese for the keys the report shows: weight, aggregation and normalization methods, missing-value
 * policies, the roll-up weight column and the usual unit levels. A key not listed (a model's own column
 * or level) is shown as it is.
 */
const ZH_TERMS: Readonly<Record<string, string>> = {
  equal: "等权",
  fixed: "固定权重",
  entropy: "熵值法",
  stddev: "标准差法",
  cv: "变异系数法",
  pca: "主成分权重",
  gini: "基尼系数法",
  g1: "G1 序关系法",
  bwm: "最优最劣法",
  "fuzzy-ahp": "模糊 AHP",
  combine: "组合赋权",
  arithmetic: "算术平均",
  geometric: "几何平均",
  harmonic: "调和平均",
  minimum: "最小值",
  power: "幂平均",
  minmax: "极差标准化",
  goalposts: "阈值标准化",
  zscore: "Z 分数标准化",
  rank: "排序标准化",
  percentile: "百分位标准化",
  target: "适度指标",
  range: "区间指标",
  distance: "距离标准化",
  ratio: "比值标准化",
  sum: "比重标准化",
  vector: "向量标准化",
  skip: "跳过（其余权重重新归一）",
  error: "报错",
  mean: "均值填补",
  median: "中位数填补",
  zero: "以零填补",
  population: "人口",
  "min coverage": "最低覆盖率",
  community: "社区",
  street: "街道",
  district: "区",
  city: "市",
  county: "县",
  province: "省",
  town: "镇",
  township: "乡镇",
  village: "村",
};

const en: Labels = {
  lang: "en",
  generated: "Composite index report",
  profile: "Profile",
  profiles: "Profiles",
  overview: "Overview",
  framework: "Indicator framework and weights",
  ranking: "Ranking",
  rollup: "Roll-up to higher levels",
  unit: "Unit profile",
  compare: "Profile comparison",
  uncertainty: "Rank uncertainty",
  correlations: "Indicator correlations",
  units: "Units",
  scored: "scored",
  noScore: "without a score",
  indicators: "Indicators",
  dimensions: "dimensions",
  mean: "Mean",
  median: "Median",
  min: "Min",
  max: "Max",
  score: "Score",
  rank: "Rank",
  name: "Name",
  node: "Node",
  direction: "Direction",
  localWeight: "Local weight",
  globalWeight: "Global weight",
  method: "Method",
  consistency: "AHP consistency",
  consistent: "consistent",
  inconsistent: "inconsistent",
  crTotal: "Hierarchy CR",
  experts: (node) => `Experts of ${node}`,
  expert: "Expert",
  expertWeight: "Weight",
  priorities: "Priorities",
  advice: "Advice",
  top: (n) => `Top ${n} units, with each dimension's contribution to the score`,
  allUnits: "All units",
  coverage: "Coverage",
  parent: "Parent",
  level: "Level",
  count: "Units below",
  population: "Population",
  weightedBy: (col) => `Means weighted by ${col}`,
  term: (key) => key,
  plainMean: "Plain means of the scored units below",
  grades: "Grades",
  gradesAt: (node) => `Grades at ${node}`,
  cutPoints: (method, cuts, closed) => `${method} cut points ${cuts} (${closed}-closed)`,
  gradeCountsBy: (level) => `Grade counts per ${level}`,
  total: "Total",
  noGrade: "No grade",
  assessment: "Assessment",
  grade: "Grade",
  gradeBeforeVeto: "Grade from the score",
  vetoedBy: "Vetoed by",
  rule: "Rule",
  points: "Points",
  detail: "What it did",
  noRules: "No assessment rule applied to this unit.",
  strengths: "Strengths (highest normalized indicators)",
  weaknesses: "Weaknesses (lowest normalized indicators)",
  obstacles: "Obstacle degrees (largest)",
  obstaclesByDimension: "Obstacle degree by dimension",
  obstacleNote:
    "Obstacle degree O_j = F_j (1 - z_j) / Σ F_j (1 - z_j): the share of the unit's gap to the ideal caused by indicator j (F = global weight, z = normalized value in [0, 1]).",
  obstacleUnavailable: "Obstacle degrees need indicators normalized into a bounded range.",
  dimensionProfile: "Dimension scores",
  unitVsMean: "bar: this unit; line: mean of all units",
  rawValue: "Raw value",
  normalized: "Normalized (0-100)",
  indicatorRank: "Rank on indicator",
  rankShift: "Rank shift",
  risers: "Largest rises",
  fallers: "Largest falls",
  rankCorrelation: "Rank correlation between profiles",
  spearman: "Spearman ρ",
  kendall: "Kendall τ-b",
  dimensionWeights: "Global weights of the dimensions by profile",
  shiftNote: (a, b) => `Overall scores under ${a} (x) and ${b} (y); labelled: the largest rank shifts.`,
  scatterNote: "Points above the diagonal score higher in the second profile.",
  intervalNote: "Median rank (dot) and interval (line) from the uncertainty analysis; diamond: nominal rank.",
  nominalRank: "Nominal rank",
  interval: "Interval",
  heatmapNote:
    "Pearson correlation of the normalized indicators (direction-aligned), over the units where both are present; ordered by the tree, lines separate dimensions.",
  strongestPairs: "Strongest correlations",
  dimensionCorrelations: "Correlations between dimension scores",
  negativeWithin: "Negative correlations within a dimension",
  scaleNote: "Scores on 0-100.",
  nativeScaleNote:
    "Indicators are not normalized into one bounded range: scores are shown on their own scale.",
  contributionsNote:
    "Segment = dimension weight (re-normalized over present dimensions) × dimension score; segments sum to the score.",
  noContributions: "The root is not aggregated arithmetically: bars show the score without a breakdown.",
  benefit: "higher is better",
  cost: "lower is better",
  target: "target",
  sortHint: "Click a column header to sort.",
  of: "of",
  topUnit: "Top unit",
  pearson: "Pearson r",
  weights: "Weights",
  aggregation: "Aggregation",
  methodNotes: "Method notes",
  normalization: "Normalization",
  missingPolicy: "Missing values",
  footer: "Generated by indicatrix. Self-contained file: no network access, no external resources.",
  showProfile: "Show profile",
};

const zh: Labels = {
  lang: "zh-CN",
  generated: "综合指数评价报告",
  profile: "情景",
  profiles: "情景",
  overview: "概览",
  framework: "指标体系与权重",
  ranking: "排名",
  rollup: "逐级汇总",
  unit: "单元画像",
  compare: "情景对比",
  uncertainty: "排名不确定性",
  correlations: "指标相关性",
  units: "单元",
  scored: "已评分",
  noScore: "无得分",
  indicators: "指标",
  dimensions: "个维度",
  mean: "均值",
  median: "中位数",
  min: "最小值",
  max: "最大值",
  score: "得分",
  rank: "排名",
  name: "名称",
  node: "节点",
  direction: "方向",
  localWeight: "局部权重",
  globalWeight: "全局权重",
  method: "方法",
  consistency: "AHP 一致性",
  consistent: "通过",
  inconsistent: "未通过",
  crTotal: "层次总排序 CR",
  experts: (node) => `${node} 的专家判断`,
  expert: "专家",
  expertWeight: "权重",
  priorities: "各要素权重",
  advice: "修改建议",
  top: (n) => `前 ${n} 名单元及各维度对得分的贡献`,
  allUnits: "全部单元",
  coverage: "数据覆盖率",
  parent: "上级",
  level: "层级",
  count: "下辖单元数",
  population: "人口",
  weightedBy: (col) => `按${ZH_TERMS[col] ?? ` ${col} `}加权平均`,
  term: (key) => ZH_TERMS[key] ?? key,
  plainMean: "下辖已评分单元的简单平均",
  grades: "等级评定",
  gradesAt: (node) => `${node}等级`,
  cutPoints: (method, cuts, closed) =>
    `${method}分界点 ${cuts}（${closed === "lower" ? "含下界" : "含上界"}）`,
  gradeCountsBy: (level) => `各${level}等级分布`,
  total: "合计",
  noGrade: "无等级",
  assessment: "考核",
  grade: "等级",
  gradeBeforeVeto: "按得分的等级",
  vetoedBy: "一票否决",
  rule: "规则",
  points: "分值",
  detail: "说明",
  noRules: "该单元未触发考核规则。",
  strengths: "优势指标（标准化值最高）",
  weaknesses: "短板指标（标准化值最低）",
  obstacles: "主要障碍因子",
  obstaclesByDimension: "各维度障碍度",
  obstacleNote:
    "障碍度 O_j = F_j (1 - z_j) / Σ F_j (1 - z_j)：指标 j 在该单元与理想状态差距中所占的比例（F 为全局权重，z 为 [0, 1] 内的标准化值）。",
  obstacleUnavailable: "障碍度需要指标标准化到有界区间。",
  dimensionProfile: "维度得分",
  unitVsMean: "条形：本单元；竖线：全部单元均值",
  rawValue: "原始值",
  normalized: "标准化值 (0-100)",
  indicatorRank: "该指标排名",
  rankShift: "名次变化",
  risers: "名次上升最多",
  fallers: "名次下降最多",
  rankCorrelation: "情景间排名相关",
  spearman: "Spearman ρ",
  kendall: "Kendall τ-b",
  dimensionWeights: "各情景下维度的全局权重",
  shiftNote: (a, b) => `${a}（横轴）与 ${b}（纵轴）下的综合得分；标注名次变化最大的单元。`,
  scatterNote: "对角线上方的点在第二个情景下得分更高。",
  intervalNote: "不确定性分析的中位排名（圆点）与区间（线段）；菱形：名义排名。",
  nominalRank: "名义排名",
  interval: "区间",
  heatmapNote:
    "标准化指标（已按方向对齐）的 Pearson 相关系数，仅用两者均有值的单元；按指标树排序，线条分隔维度。",
  strongestPairs: "相关性最强的指标对",
  dimensionCorrelations: "维度得分之间的相关性",
  negativeWithin: "同一维度内的负相关",
  scaleNote: "得分为 0-100 分制。",
  nativeScaleNote: "指标未标准化到统一的有界区间：得分按原尺度显示。",
  contributionsNote: "分段 = 维度权重（在有值维度间重新归一化）× 维度得分；各段之和等于得分。",
  noContributions: "根节点不是算术加权聚合：条形只显示得分，不分解。",
  benefit: "越大越好",
  cost: "越小越好",
  target: "适度",
  sortHint: "点击表头可排序。",
  of: "/",
  topUnit: "第一名",
  pearson: "Pearson r",
  weights: "赋权",
  aggregation: "聚合",
  methodNotes: "方法说明",
  normalization: "标准化",
  missingPolicy: "缺失值",
  footer: "由 indicatrix 生成。独立文件：不访问网络，不引用外部资源。",
  showProfile: "切换情景",
};

/** The labels of a language (English for anything but zh). @internal */
export function labelsFor(language: string | undefined): Labels {
  return language?.toLowerCase().startsWith("zh") ? zh : en;
}
